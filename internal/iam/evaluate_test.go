package iam

import (
	"reflect"
	"testing"

	"github.com/ctlint/ctlint/internal/model"
)

// allowIf is a one-statement policy granting CloudTrail's PutObject on
// every object, restricted by opts; it turns statement matching into an
// Evaluate outcome: True -> allow, False -> implicit_deny, Maybe -> unknown.
func allowIf(opts ...stmtOption) *model.Policy {
	base := []stmtOption{principal(PrincipalService, cloudTrail), action("s3:PutObject"), resource("arn:aws:s3:::logs/*")}
	return v12(allow(append(base, opts...)...))
}

var (
	allowed   = Decision{Effect: Allow, Allowing: ints(0)}
	notGrant  = Decision{Effect: ImplicitDeny}
	uncertain = Decision{Effect: Undecided, Uncertain: ints(0)}
)

func TestEvaluate(t *testing.T) {
	acct := model.AccountID
	tests := []struct {
		name string
		p    *model.Policy
		req  Request
		want Decision
	}{
		// Effects and precedence.
		{"allow matches", allowIf(), put(), allowed},
		{"explicit deny beats allow", v12(allow(action("s3:*")), deny(action("s3:PutObject"))), put(),
			Decision{Effect: Deny, Allowing: ints(0), Denying: ints(1)}},
		{"no statements is implicit deny", v12(), put(), notGrant},
		{"nil policy is implicit deny", nil, put(), notGrant},
		{"effect is case-sensitive: allow is skipped", v12(stmt("allow", action("*"))), put(), notGrant},
		{"unknown effect is skipped", v12(&model.Statement{Effect: model.UnknownAttr("var.effect", model.Range{}), Action: element(false, []string{"*"})}), put(), notGrant},
		{"missing effect is skipped", v12(&model.Statement{Action: element(false, []string{"*"})}), put(), notGrant},
		{"unknown operator skips the allow", allowIf(cond("StringEqualz", "aws:SourceArn", trailARN)), put(with("aws:SourceArn", trailARN)), notGrant},
		{"unknown operator skips the deny", v12(allow(action("*")), deny(action("*"), cond("StringNotEqualsIfExist", "k", "v"))), put(), allowed},
		{"unresolved policy is undecided", &model.Policy{Unresolved: "data.aws_iam_policy_document.x.json"}, put(), Decision{Effect: Undecided}},
		{"certain allow with possible deny is undecided", v12(allow(action("*")), deny(action("*"), resource("arn:aws:s3:::«var.bucket»/*"))), put(),
			Decision{Effect: Undecided, Allowing: ints(0), Uncertain: ints(1)}},
		{"possible allow only is undecided", v12(allow(action("*"), resource("«var.arn»"))), put(), uncertain},
		{"possible deny without allow is implicit deny", v12(deny(action("*"), resource("«var.arn»"))), put(),
			Decision{Effect: ImplicitDeny, Uncertain: ints(0)}},
		{"indexes are sorted and complete", v12(allow(action("s3:Get*")), allow(action("*")), deny(action("kms:*")), allow(action("s3:Put*"))), put(),
			Decision{Effect: Allow, Allowing: ints(1, 3)}},

		// Action and NotAction.
		{"action names are case-insensitive", allowIf(action("S3:putOBJECT")), put(), allowed},
		{"service prefix is case-insensitive", allowIf(action("s3:PutObject")), put(doing("S3:PutObject")), allowed},
		{"trailing wildcard", allowIf(action("s3:Put*")), put(), allowed},
		{"leading wildcard", allowIf(action("s3:*Object")), put(), allowed},
		{"single-character wildcard", allowIf(action("s3:P?tObject")), put(), allowed},
		{"other actions do not match", allowIf(action("s3:Get*")), put(), notGrant},
		{"star matches every action", allowIf(action("*")), put(), allowed},
		{"several actions: any matches", allowIf(action("s3:GetObject", "s3:PutObject")), put(), allowed},
		{"NotAction grants what it does not list", allowIf(notAction("s3:Get*", "s3:Delete*")), put(), allowed},
		{"NotAction excludes what it lists", allowIf(notAction("s3:put*")), put(), notGrant},
		{"action marker may match", allowIf(action("«var.action»")), put(), uncertain},
		{"missing action grants nothing", v12(allow(principal("*", "*"))), put(), notGrant},

		// Resource and NotResource.
		{"exact resource", allowIf(resource(objectARN)), put(), allowed},
		{"resources are case-sensitive", allowIf(resource("arn:aws:s3:::Logs/*")), put(), notGrant},
		{"resource wildcard crosses slashes", allowIf(resource("arn:aws:s3:::logs/AWSLogs/*")), put(), allowed},
		{"resource wildcard crosses the bucket boundary", allowIf(resource("arn:aws:s3:::log*")), put(), allowed},
		{"resource wildcard crosses colons", allowIf(resource("arn:*")), put(), allowed},
		{"resource ? is one character", allowIf(resource("arn:aws:s3:::logs/AWSLogs/11112222333?/*")), put(), allowed},
		{"bucket ARN does not cover objects", allowIf(resource(bucketARN)), put(), notGrant},
		{"NotResource grants outside the list", allowIf(notResource("arn:aws:s3:::other/*")), put(), allowed},
		{"NotResource excludes the list", allowIf(notResource("arn:aws:s3:::logs/*")), put(), notGrant},
		{"missing resource matches any resource", v12(allow(action("*"))), put(), allowed},
		{"unknown bucket may match", allowIf(resource("arn:aws:s3:::«var.bucket»/*")), put(), uncertain},
		{"same unknown bucket matches", allowIf(resource("arn:aws:s3:::«var.bucket»/*")), put(on("arn:aws:s3:::«var.bucket»/AWSLogs/x")), allowed},
		{"unknown bucket still needs the literal path", allowIf(resource("arn:aws:s3:::«var.bucket»/AWSLogs/*")), put(on("arn:aws:s3:::logs/other/x")), notGrant},
		{"star covers an unknown request resource", allowIf(resource("*")), put(on("arn:aws:s3:::«var.bucket»/x")), allowed},

		// Principal and NotPrincipal.
		{"principal * includes anonymous", allowIf(everyone()), put(by(PrincipalAnonymous, "")), allowed},
		{"AWS * includes anonymous", v12(allow(principal(PrincipalAWS, "*"), action("*"))), put(by(PrincipalAnonymous, "")), allowed},
		{"service principal is case-insensitive", v12(allow(principal(PrincipalService, "CloudTrail.AmazonAWS.com"), action("*"))), put(), allowed},
		{"other service does not match", v12(allow(principal(PrincipalService, "config.amazonaws.com"), action("*"))), put(), notGrant},
		{"account id covers its roles", v12(allow(principal(PrincipalAWS, account), action("*"))), put(by(PrincipalAWS, "arn:aws:iam::111122223333:role/admin")), allowed},
		{"root ARN covers the account's users", v12(allow(principal(PrincipalAWS, "arn:aws:iam::111122223333:root"), action("*"))), put(by(PrincipalAWS, "arn:aws:iam::111122223333:user/alice")), allowed},
		{"root ARN covers assumed-role sessions", v12(allow(principal(PrincipalAWS, "arn:aws:iam::111122223333:root"), action("*"))), put(by(PrincipalAWS, "arn:aws:sts::111122223333:assumed-role/r/s")), allowed},
		{"root ARN does not cover another account", v12(allow(principal(PrincipalAWS, "arn:aws:iam::111122223333:root"), action("*"))), put(by(PrincipalAWS, "arn:aws:iam::444455556666:root")), notGrant},
		{"role ARN matches exactly", v12(allow(principal(PrincipalAWS, "arn:aws:iam::111122223333:role/admin"), action("*"))), put(by(PrincipalAWS, "arn:aws:iam::111122223333:role/admin")), allowed},
		{"role ARN does not cover other roles", v12(allow(principal(PrincipalAWS, "arn:aws:iam::111122223333:role/admin"), action("*"))), put(by(PrincipalAWS, "arn:aws:iam::111122223333:role/dev")), notGrant},
		{"no partial wildcards in principal ARNs", v12(allow(principal(PrincipalAWS, "arn:aws:iam::111122223333:role/*"), action("*"))), put(by(PrincipalAWS, "arn:aws:iam::111122223333:role/dev")), notGrant},
		{"account does not cover anonymous", v12(allow(principal(PrincipalAWS, account), action("*"))), put(by(PrincipalAnonymous, "")), notGrant},
		{"service entry does not match an AWS principal", v12(allow(principal(PrincipalService, cloudTrail), action("*"))), put(by(PrincipalAWS, account)), notGrant},
		{"NotPrincipal covers others", v12(allow(notPrincipal(PrincipalAWS, account), action("*"))), put(by(PrincipalAWS, "arn:aws:iam::444455556666:root")), allowed},
		{"NotPrincipal excludes the listed", v12(allow(notPrincipal(PrincipalAWS, account), action("*"))), put(by(PrincipalAWS, "arn:aws:iam::111122223333:role/x")), notGrant},
		{"missing principal matches anyone", v12(allow(action("*"))), put(by(PrincipalAnonymous, "")), allowed},
		{"unknown principal may match", v12(allow(principal(PrincipalAWS, "«var.reader»"), action("*"))), put(by(PrincipalAWS, account)), uncertain},
		{"unknown AWS principal may be everyone", v12(allow(principal(PrincipalAWS, "«var.reader»"), action("*"))), put(by(PrincipalAnonymous, "")), uncertain},
		{"unknown principal type may name anyone", v12(allow(principal("«var.principal»", "«var.principal»"), action("*"))), put(by(PrincipalAnonymous, "")), uncertain},
		{"federated compares exactly", v12(allow(principal(PrincipalFederated, "cognito-identity.amazonaws.com"), action("*"))), put(by(PrincipalFederated, "cognito-identity.amazonaws.com")), allowed},
		{"canonical user compares exactly", v12(allow(principal(PrincipalCanonicalUser, "79a5"), action("*"))), put(by(PrincipalCanonicalUser, "79A5")), notGrant},
		{"own account never is the foreign account", v12(allow(principal(PrincipalAWS, "arn:aws:iam::"+acct+":root"), action("*"))), put(by(PrincipalAWS, "arn:aws:iam::"+ForeignAccount+":role/x")), notGrant},
		{"own account matches itself", v12(allow(principal(PrincipalAWS, "arn:aws:iam::"+acct+":root"), action("*"))), put(by(PrincipalAWS, "arn:aws:iam::"+acct+":role/x")), allowed},
		{"own account may be a literal account", v12(allow(principal(PrincipalAWS, acct), action("*"))), put(by(PrincipalAWS, "arn:aws:iam::111122223333:role/x")), uncertain},

		// String operators, keys and values.
		{"StringEquals matches", allowIf(cond("StringEquals", "s3:x-amz-acl", "bucket-owner-full-control")), put(with("s3:x-amz-acl", "bucket-owner-full-control")), allowed},
		{"StringEquals is case-sensitive", allowIf(cond("StringEquals", "s3:x-amz-acl", "Bucket-Owner-Full-Control")), put(with("s3:x-amz-acl", "bucket-owner-full-control")), notGrant},
		{"StringEqualsIgnoreCase folds case", allowIf(cond("StringEqualsIgnoreCase", "s3:x-amz-acl", "Bucket-Owner-Full-Control")), put(with("s3:x-amz-acl", "bucket-owner-full-control")), allowed},
		{"StringEquals does not glob", allowIf(cond("StringEquals", "aws:SourceArn", "arn:aws:cloudtrail:*")), put(with("aws:SourceArn", trailARN)), notGrant},
		{"StringLike globs", allowIf(cond("StringLike", "aws:SourceArn", "arn:aws:cloudtrail:*:111122223333:trail/ma?n")), put(with("aws:SourceArn", trailARN)), allowed},
		{"StringNotLike excludes a glob", allowIf(cond("StringNotLike", "aws:SourceArn", "*:444455556666:*")), put(with("aws:SourceArn", trailARN)), allowed},
		{"operator names are case-insensitive", allowIf(cond("stringequals", "s3:x-amz-acl", "private")), put(with("s3:x-amz-acl", "private")), allowed},
		{"condition keys are case-insensitive", allowIf(cond("StringEquals", "AWS:SourceARN", trailARN)), put(with("aws:sourcearn", trailARN)), allowed},
		{"missing key fails a positive operator", allowIf(cond("StringEquals", "s3:x-amz-acl", "private")), put(), notGrant},
		{"missing key satisfies a negated operator", allowIf(cond("StringNotEquals", "s3:x-amz-acl", "private")), put(), allowed},
		{"missing key satisfies IfExists", allowIf(cond("StringEqualsIfExists", "s3:x-amz-acl", "private")), put(), allowed},
		{"IfExists applies the operator to a present key", allowIf(cond("StringEqualsIfExists", "s3:x-amz-acl", "private")), put(with("s3:x-amz-acl", "public-read")), notGrant},
		{"several values OR", allowIf(cond("StringEquals", "s3:x-amz-acl", "private", "bucket-owner-full-control")), put(with("s3:x-amz-acl", "bucket-owner-full-control")), allowed},
		{"negated values AND: one equal fails", allowIf(cond("StringNotEquals", "s3:x-amz-acl", "private", "public-read")), put(with("s3:x-amz-acl", "public-read")), notGrant},
		{"negated values AND: none equal holds", allowIf(cond("StringNotEquals", "s3:x-amz-acl", "private", "public-read")), put(with("s3:x-amz-acl", "bucket-owner-full-control")), allowed},
		{"StringNotEqualsIgnoreCase folds case", allowIf(cond("StringNotEqualsIgnoreCase", "s3:x-amz-acl", "PRIVATE")), put(with("s3:x-amz-acl", "private")), notGrant},
		{"several keys AND", allowIf(cond("StringEquals", "s3:x-amz-acl", "bucket-owner-full-control"), cond("StringEquals", "aws:SourceArn", trailARN)), put(with("s3:x-amz-acl", "bucket-owner-full-control")), notGrant},
		{"several operators AND", allowIf(cond("StringEquals", "s3:x-amz-acl", "bucket-owner-full-control"), cond("Bool", "aws:SecureTransport", "true")), put(with("s3:x-amz-acl", "bucket-owner-full-control"), with("aws:SecureTransport", "true")), allowed},
		{"multi-valued request key: any value matches", allowIf(cond("StringEquals", "aws:TagKeys", "env")), put(with("aws:TagKeys", "team", "env")), allowed},
		{"multi-valued request key: negated fails on any match", allowIf(cond("StringNotEquals", "aws:TagKeys", "env")), put(with("aws:TagKeys", "team", "env")), notGrant},

		// Set qualifiers.
		{"ForAllValues holds for a missing key", allowIf(cond("ForAllValues:StringEquals", "aws:TagKeys", "env")), put(), allowed},
		{"ForAllValues holds for an empty key", allowIf(cond("ForAllValues:StringEquals", "aws:TagKeys", "env")), put(with("aws:TagKeys")), allowed},
		{"ForAllValues holds for a subset", allowIf(cond("ForAllValues:StringEquals", "aws:TagKeys", "env", "team")), put(with("aws:TagKeys", "team", "env")), allowed},
		{"ForAllValues fails for an extra value", allowIf(cond("ForAllValues:StringEquals", "aws:TagKeys", "env")), put(with("aws:TagKeys", "team", "env")), notGrant},
		{"ForAnyValue fails for a missing key", allowIf(cond("ForAnyValue:StringEquals", "aws:TagKeys", "env")), put(), notGrant},
		{"ForAnyValue holds for one match", allowIf(cond("forAnyValue:StringEquals", "aws:TagKeys", "env")), put(with("aws:TagKeys", "team", "env")), allowed},
		{"ForAnyValue negated: some value outside the list", allowIf(cond("ForAnyValue:StringNotEquals", "aws:TagKeys", "env")), put(with("aws:TagKeys", "team", "env")), allowed},
		{"ForAllValues negated: every value outside the list", allowIf(cond("ForAllValues:StringNotEquals", "aws:TagKeys", "env")), put(with("aws:TagKeys", "team", "env")), notGrant},

		// Numeric, date, bool, binary, IP.
		{"NumericLessThan", allowIf(cond("NumericLessThan", "s3:max-keys", "10")), put(with("s3:max-keys", "9")), allowed},
		{"NumericLessThan at the bound", allowIf(cond("NumericLessThan", "s3:max-keys", "10")), put(with("s3:max-keys", "10")), notGrant},
		{"NumericGreaterThanEquals at the bound", allowIf(cond("NumericGreaterThanEquals", "s3:max-keys", "10")), put(with("s3:max-keys", "10.0")), allowed},
		{"NumericEquals on a non-number fails", allowIf(cond("NumericEquals", "s3:max-keys", "ten")), put(with("s3:max-keys", "10")), notGrant},
		{"NumericNotEquals on a missing key holds", allowIf(cond("NumericNotEquals", "s3:max-keys", "10")), put(), allowed},
		{"DateGreaterThan ISO 8601", allowIf(cond("DateGreaterThan", "aws:CurrentTime", "2024-01-01T00:00:00Z")), put(with("aws:CurrentTime", "2024-06-01T12:00:00Z")), allowed},
		{"DateLessThan epoch against ISO", allowIf(cond("DateLessThan", "aws:CurrentTime", "2024-01-01")), put(with("aws:CurrentTime", "1700000000")), allowed},
		{"DateEquals across zones", allowIf(cond("DateEquals", "aws:CurrentTime", "2024-01-01T01:00:00+01:00")), put(with("aws:CurrentTime", "2024-01-01T00:00:00Z")), allowed},
		{"Bool values are case-insensitive", allowIf(cond("Bool", "aws:SecureTransport", "True")), put(with("aws:SecureTransport", "true")), allowed},
		{"Bool false does not match true", allowIf(cond("Bool", "aws:SecureTransport", "false")), put(with("aws:SecureTransport", "true")), notGrant},
		{"BinaryEquals compares decoded bytes", allowIf(cond("BinaryEquals", "k", "QmluYXJ5")), put(with("k", "QmluYXJ5")), allowed},
		{"BinaryEquals mismatch", allowIf(cond("BinaryEquals", "k", "QmluYXJ5")), put(with("k", "QmluYXJ6")), notGrant},
		{"IpAddress CIDR", allowIf(cond("IpAddress", "aws:SourceIp", "203.0.113.0/24")), put(with("aws:SourceIp", "203.0.113.7")), allowed},
		{"IpAddress bare address is /32", allowIf(cond("IpAddress", "aws:SourceIp", "203.0.113.7")), put(with("aws:SourceIp", "203.0.113.8")), notGrant},
		{"IpAddress IPv6", allowIf(cond("IpAddress", "aws:SourceIp", "2001:db8::/32")), put(with("aws:SourceIp", "2001:db8:1::5")), allowed},
		{"NotIpAddress outside the block", allowIf(cond("NotIpAddress", "aws:SourceIp", "10.0.0.0/8")), put(with("aws:SourceIp", "203.0.113.7")), allowed},
		{"NotIpAddress inside the block", allowIf(cond("NotIpAddress", "aws:SourceIp", "10.0.0.0/8", "203.0.113.0/24")), put(with("aws:SourceIp", "203.0.113.7")), notGrant},

		// ARN operators.
		{"ArnLike wildcard within a field", allowIf(cond("ArnLike", "aws:SourceArn", "arn:aws:cloudtrail:*:111122223333:trail/*")), put(with("aws:SourceArn", trailARN)), allowed},
		{"ArnLike wildcard stays in its field", allowIf(cond("ArnLike", "aws:SourceArn", "arn:aws:cloudtrail:*:trail/main")), put(with("aws:SourceArn", trailARN)), notGrant},
		{"StringLike wildcard crosses fields", allowIf(cond("StringLike", "aws:SourceArn", "arn:aws:cloudtrail:*:trail/main")), put(with("aws:SourceArn", trailARN)), allowed},
		{"ArnEquals accepts wildcards", allowIf(cond("ArnEquals", "aws:SourceArn", "arn:aws:cloudtrail:us-east-1:111122223333:trail/*")), put(with("aws:SourceArn", trailARN)), allowed},
		{"ArnEquals other account", allowIf(cond("ArnEquals", "aws:SourceArn", trailARN)), put(with("aws:SourceArn", "arn:aws:cloudtrail:us-east-1:444455556666:trail/main")), notGrant},
		{"ArnNotEquals on the same ARN fails", allowIf(cond("ArnNotEquals", "aws:SourceArn", trailARN)), put(with("aws:SourceArn", trailARN)), notGrant},
		{"ArnNotLike on a missing key holds", allowIf(cond("ArnNotLike", "aws:SourceArn", trailARN)), put(), allowed},
		{"ArnLike on a non-ARN fails", allowIf(cond("ArnLike", "aws:SourceArn", trailARN)), put(with("aws:SourceArn", "main")), notGrant},

		// Null.
		{"Null true holds for a missing key", allowIf(cond("Null", "s3:x-amz-server-side-encryption", "true")), put(), allowed},
		{"Null false fails for a missing key", allowIf(cond("Null", "s3:x-amz-server-side-encryption", "false")), put(), notGrant},
		{"Null false holds for a present key", allowIf(cond("Null", "s3:x-amz-server-side-encryption", "false")), put(with("s3:x-amz-server-side-encryption", "aws:kms")), allowed},
		{"Null true fails for a present key", allowIf(cond("Null", "s3:x-amz-server-side-encryption", "TRUE")), put(with("s3:x-amz-server-side-encryption", "aws:kms")), notGrant},

		// Policy variables.
		{"variable in a resource", allowIf(resource("arn:aws:s3:::logs/${aws:username}/*")), put(on("arn:aws:s3:::logs/alice/x"), with("aws:username", "alice")), allowed},
		{"variable names another user", allowIf(resource("arn:aws:s3:::logs/${aws:username}/*")), put(on("arn:aws:s3:::logs/bob/x"), with("aws:username", "alice")), notGrant},
		{"variable key is case-insensitive", allowIf(resource("arn:aws:s3:::logs/${AWS:UserName}/*")), put(on("arn:aws:s3:::logs/alice/x"), with("aws:username", "alice")), allowed},
		{"absent variable cannot match", allowIf(resource("arn:aws:s3:::logs/${aws:username}/*")), put(on("arn:aws:s3:::logs/alice/x")), notGrant},
		{"absent variable with a default", allowIf(resource("arn:aws:s3:::logs/${aws:username, 'shared'}/*")), put(on("arn:aws:s3:::logs/shared/x")), allowed},
		{"variable in a condition value", allowIf(cond("StringEquals", "aws:PrincipalTag/team", "${aws:username}")), put(with("aws:username", "alice"), with("aws:PrincipalTag/team", "alice")), allowed},
		{"${*} is a literal star", allowIf(cond("StringLike", "k", "a${*}b")), put(with("k", "axb")), notGrant},
		{"${*} matches a star", allowIf(cond("StringLike", "k", "a${*}b")), put(with("k", "a*b")), allowed},
		{"substituted values do not glob", allowIf(cond("StringLike", "k", "${aws:username}")), put(with("aws:username", "*"), with("k", "alice")), notGrant},
		{"2008-10-17 variables are literal", policy("2008-10-17", allow(action("*"), resource("arn:aws:s3:::logs/${aws:username}/*"))), put(on("arn:aws:s3:::logs/${aws:username}/x"), with("aws:username", "alice")), allowed},
		{"no version: variables are literal", policy("", allow(action("*"), resource("arn:aws:s3:::logs/${aws:username}/*"))), put(on("arn:aws:s3:::logs/alice/x"), with("aws:username", "alice")), notGrant},

		// Unknown markers.
		{"unknown condition value may match", allowIf(cond("StringEquals", "aws:SourceArn", "«aws_cloudtrail.main.arn»")), put(with("aws:SourceArn", trailARN)), uncertain},
		{"same unknown condition value matches", allowIf(cond("StringEquals", "aws:SourceArn", "«aws_cloudtrail.main.arn»")), put(with("aws:SourceArn", "«aws_cloudtrail.main.arn»")), allowed},
		{"unknown request value under a star", allowIf(cond("StringLike", "aws:SourceArn", "*")), put(with("aws:SourceArn", "«var.trail»")), allowed},
		{"unknown number is undecided", allowIf(cond("NumericLessThan", "s3:max-keys", "«var.max»")), put(with("s3:max-keys", "3")), uncertain},
		{"unknown IP is undecided", allowIf(cond("IpAddress", "aws:SourceIp", "«var.cidr»")), put(with("aws:SourceIp", "10.0.0.1")), uncertain},
		{"unknown Null value is undecided", allowIf(cond("Null", "k", "«var.b»")), put(), uncertain},
		{"Null ignores an unknown request value", allowIf(cond("Null", "k", "false")), put(with("k", "«var.v»")), allowed},
		{"unknown condition key is undecided", allowIf(cond("StringEquals", "aws:PrincipalTag/«var.tag»", "x")), put(), uncertain},
		{"unknown negated value flips to undecided", allowIf(cond("StringNotEquals", "aws:SourceArn", "«var.trail»")), put(with("aws:SourceArn", trailARN)), uncertain},
		{"marker with a mismatching literal tail is certain", allowIf(cond("StringEquals", "aws:SourceArn", "arn:aws:cloudtrail:«var.region»:111122223333:trail/main")), put(with("aws:SourceArn", "arn:aws:cloudtrail:us-east-1:111122223333:trail/other")), notGrant},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Evaluate(tt.p, tt.req)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Evaluate = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestMatchStatement(t *testing.T) {
	s := allow(principal(PrincipalService, cloudTrail), action("s3:PutObject"), resource("arn:aws:s3:::logs/${aws:username}/*"))
	req := put(on("arn:aws:s3:::logs/alice/x"), with("aws:username", "alice"))
	if got := MatchStatement(s, req); got != True {
		t.Errorf("MatchStatement = %v, want true (variables as under 2012-10-17)", got)
	}
	if got := MatchStatementIn(policy("2008-10-17", s), s, req); got != False {
		t.Errorf("MatchStatementIn(2008-10-17) = %v, want false (variables literal)", got)
	}
	malformed := allow(action("*"))
	malformed.Conditions = []*model.Condition{nil}
	if got := MatchStatement(malformed, req); got != False {
		t.Errorf("MatchStatement(nil condition) = %v, want false", got)
	}
	if got := Evaluate(v12(malformed), req); got.Effect != ImplicitDeny {
		t.Errorf("Evaluate(nil condition) = %+v, want the statement skipped", got)
	}
	if got := MatchStatement(nil, req); got != False {
		t.Errorf("MatchStatement(nil) = %v, want false", got)
	}
}
