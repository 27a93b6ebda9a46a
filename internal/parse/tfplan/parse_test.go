package tfplan

import (
	"strings"
	"testing"

	"github.com/ctlint/ctlint/internal/model"
)

// A plan written on one line, as terraform show -json prints it: policy
// positions must name the column of the statement inside the JSON string.
func TestParseModulesPlan(t *testing.T) {
	const file = "testdata/modules.plan.json"
	doc := parseFixture(t, file, Options{})
	if doc.Scope.Kind != model.ScopeTerraformPlan || doc.Scope.Path != file {
		t.Errorf("scope = %+v", doc.Scope)
	}
	if len(doc.Buckets) != 1 || len(doc.BucketPolicies) != 1 || len(doc.Trails) != 1 {
		t.Fatalf("got %d buckets, %d bucket policies, %d trails; want 1 each", len(doc.Buckets), len(doc.BucketPolicies), len(doc.Trails))
	}
	b, bp, tr := doc.Buckets[0], doc.BucketPolicies[0], doc.Trails[0]
	if b.ID != "module.logs.aws_s3_bucket.this" || bp.ID != "module.logs.aws_s3_bucket_policy.this" || tr.ID != "aws_cloudtrail.main" {
		t.Errorf("IDs = %q, %q, %q", b.ID, bp.ID, tr.ID)
	}
	wantAttr(t, "bucket name", b.Name, "acme-audit-logs", true)
	if b.ARN != "arn:aws:s3:::acme-audit-logs" {
		t.Errorf("bucket ARN = %q", b.ARN)
	}
	// The legacy inline settings are unknown in the plan but not written:
	// they must not appear as unknown settings.
	if b.ACL != nil || b.Encryption != nil || b.Logging != nil || len(doc.Lifecycles) != 0 {
		t.Errorf("unwritten computed bucket settings were read: acl %v, encryption %v, logging %v, lifecycles %d", b.ACL, b.Encryption, b.Logging, len(doc.Lifecycles))
	}
	// Linked by the configuration's reference aws_s3_bucket.this.id, inside
	// module.logs.
	if bp.Bucket != b.ID || b.Policy != bp.ID {
		t.Errorf("policy link = %q / %q", bp.Bucket, b.Policy)
	}
	if b.Versioning == nil {
		t.Fatal("versioning from aws_s3_bucket_versioning not merged")
	}
	wantAttr(t, "versioning status", b.Versioning.Status, "Enabled", true)
	if b.Versioning.MFADelete != nil {
		t.Errorf("mfa_delete = %v, want nil (null in the plan)", b.Versioning.MFADelete)
	}
	// The trail names the bucket through a module output: linked by name.
	if tr.Bucket != b.ID || !b.IsLogBucket {
		t.Errorf("trail bucket = %q, log bucket %v", tr.Bucket, b.IsLogBucket)
	}
	if tr.ARN != "arn:"+model.Partition+":cloudtrail:"+model.Region+":"+model.AccountID+":trail/org-trail" || tr.Account != model.AccountID {
		t.Errorf("trail ARN %q account %q", tr.ARN, tr.Account)
	}
	wantAttr(t, "is_multi_region", tr.IsMultiRegion, true, true)
	wantAttr(t, "enable_logging", tr.IsLogging, true, true)
	if tr.KMSKeyID != nil || tr.S3KeyPrefix != nil || tr.HomeRegion != nil {
		t.Errorf("null or computed trail arguments were read: kms %v prefix %v home %v", tr.KMSKeyID, tr.S3KeyPrefix, tr.HomeRegion)
	}
	if len(tr.EventSelectors) != 1 || len(tr.EventSelectors[0].ExcludeManagementEventSources) != 1 ||
		tr.EventSelectors[0].ExcludeManagementEventSources[0].Value != "kms.amazonaws.com" {
		t.Fatalf("event selectors = %+v", tr.EventSelectors)
	}
	wantRange(t, "excluded source", tr.EventSelectors[0].ExcludeManagementEventSources[0].Range, rng(file, 1, 2956, 1, 2975))

	pol := bp.Policy
	if pol == nil || len(pol.Statements) != 2 || len(pol.Problems) != 0 {
		t.Fatalf("policy = %+v", pol)
	}
	wantRange(t, "bucket resource", b.Range, rng(file, 1, 3267, 1, 3859))
	wantRange(t, "policy", pol.Range, rng(file, 1, 4148, 1, 4673))
	wantRange(t, "statement 0", pol.Statements[0].Range, rng(file, 1, 4191, 1, 4381))
	wantRange(t, "statement 0 Sid", pol.Statements[0].Sid.Range, rng(file, 1, 4200, 1, 4225))
	s1 := pol.Statements[1]
	wantRange(t, "statement 1", s1.Range, rng(file, 1, 4382, 1, 4671))
	if len(s1.Conditions) != 1 {
		t.Fatalf("statement 1 conditions = %+v", s1.Conditions)
	}
	wantRange(t, "condition", s1.Conditions[0].Range, rng(file, 1, 4622, 1, 4668))
	for what, r := range map[string]model.Range{"statement 0": pol.Statements[0].Range, "statement 1": s1.Range} {
		if got := textAt(t, file, r, 9); got != `{\"Sid\":` {
			t.Errorf("%s points at %q, want the statement's opening brace", what, got)
		}
	}
	if got := textAt(t, file, s1.Conditions[0].Range, 20); !strings.HasPrefix(got, `\"s3:x-amz-acl\"`) {
		t.Errorf("condition points at %q", got)
	}
}

// Values known only after apply become markers naming the address and
// attribute; links come from the configuration's references even though no
// name is known.
func TestParseUnknownPlan(t *testing.T) {
	const file = "testdata/unknown.plan.json"
	doc := parseFixture(t, file, Options{})
	var ids []string
	for _, b := range doc.Buckets {
		ids = append(ids, b.ID)
	}
	if strings.Join(ids, ",") != "aws_s3_bucket.logs" {
		t.Fatalf("buckets = %v (the deleted aws_s3_bucket.old must be gone)", ids)
	}
	b := doc.Buckets[0]
	wantAttr(t, "bucket name", b.Name, model.Unknown("aws_s3_bucket.logs.bucket"), false)
	wantRange(t, "unknown bucket name", b.Name.Range, rng(file, 156, 21, 156, 25))
	if b.ARN != "arn:aws:s3:::«aws_s3_bucket.logs.bucket»" {
		t.Errorf("bucket ARN = %q", b.ARN)
	}
	if b.Versioning != nil || b.Encryption != nil {
		t.Errorf("computed unknown bucket settings were read: %+v %+v", b.Versioning, b.Encryption)
	}

	bp := doc.BucketPolicies[0]
	wantAttr(t, "policy bucket", bp.BucketName, model.Unknown("aws_s3_bucket_policy.logs.bucket"), false)
	if bp.Bucket != b.ID || b.Policy != bp.ID {
		t.Errorf("policy link = %q / %q", bp.Bucket, b.Policy)
	}
	if bp.Policy.Unresolved != model.Unknown("aws_s3_bucket_policy.logs.policy") || len(bp.Policy.Statements) != 0 {
		t.Errorf("unknown policy = %+v", bp.Policy)
	}
	wantRange(t, "unknown policy", bp.Policy.Range, rng(file, 187, 21, 187, 25))

	k := doc.Keys[0]
	if k.ARN != "arn:"+model.Partition+":kms:"+model.Region+":"+model.AccountID+":key/«aws_kms_key.trail.key_id»" {
		t.Errorf("key ARN = %q", k.ARN)
	}
	// policy and rotation_period_in_days are computed and not written: the
	// AWS defaults apply, not an unknown.
	if k.Policy != nil || k.RotationPeriodDays != nil {
		t.Errorf("unwritten computed key settings were read: policy %+v, period %+v", k.Policy, k.RotationPeriodDays)
	}
	wantAttr(t, "rotation", k.RotationEnabled, true, true)

	tr := doc.Trails[0]
	wantAttr(t, "trail bucket", tr.BucketName, model.Unknown("aws_cloudtrail.main.s3_bucket_name"), false)
	wantAttr(t, "trail key", tr.KMSKeyID, model.Unknown("aws_cloudtrail.main.kms_key_id"), false)
	if tr.Bucket != b.ID || tr.Key != k.ID || !b.IsLogBucket {
		t.Errorf("trail links: bucket %q key %q log bucket %v", tr.Bucket, tr.Key, b.IsLogBucket)
	}
	wantAttr(t, "prefix", tr.S3KeyPrefix, "prod", true)
	if len(tr.AdvancedEventSelectors) != 1 || len(tr.AdvancedEventSelectors[0].FieldSelectors) != 2 {
		t.Fatalf("advanced selectors = %+v", tr.AdvancedEventSelectors)
	}
	fs := tr.AdvancedEventSelectors[0].FieldSelectors
	if fs[0].Field != "eventCategory" || len(fs[0].Equals) != 1 || fs[0].Equals[0].Value != "Data" || fs[1].Equals[0].Value != "AWS::S3::Object" {
		t.Errorf("field selectors = %+v %+v", fs[0], fs[1])
	}
	if fs[0].NotEquals == nil || len(fs[0].NotEquals) != 0 {
		t.Errorf("null not_equals = %#v, want an empty list", fs[0].NotEquals)
	}

	lc := doc.Lifecycles[0]
	if lc.Bucket != b.ID || b.Lifecycle != lc.ID || len(lc.Rules) != 1 {
		t.Fatalf("lifecycle = %+v", lc)
	}
	r := lc.Rules[0]
	wantAttr(t, "rule status", r.Status, "Enabled", true)
	wantAttr(t, "filter prefix", r.Filter.Prefix, "AWSLogs/", true)
	wantAttr(t, "expiration days", r.Expiration.Days, float64(90), true)
	wantRange(t, "expiration days", r.Expiration.Days.Range, rng(file, 253, 27, 253, 29))
	if r.Expiration.ExpiredObjectDeleteMarker != nil {
		t.Errorf("computed expired_object_delete_marker was read: %+v", r.Expiration.ExpiredObjectDeleteMarker)
	}
	if len(r.Transitions) != 1 {
		t.Fatalf("transitions = %+v", r.Transitions)
	}
	wantAttr(t, "transition days", r.Transitions[0].Days, float64(30), true)
	wantAttr(t, "transition class", r.Transitions[0].StorageClass, "STANDARD_IA", true)
}

// A data.aws_iam_policy_document is rendered in plans: the bucket policy
// holds its JSON; an unused document is still checked on its own.
func TestParseRenderedPolicyDocument(t *testing.T) {
	const file = "testdata/rendered.plan.json"
	doc := parseFixture(t, file, Options{})
	if len(doc.BucketPolicies) != 1 {
		t.Fatalf("bucket policies = %d", len(doc.BucketPolicies))
	}
	pol := doc.BucketPolicies[0].Policy
	if len(pol.Statements) != 1 || pol.Statements[0].Sid.String() != "DenyInsecure" {
		t.Fatalf("policy = %+v", pol)
	}
	s := pol.Statements[0]
	wantRange(t, "statement", s.Range, rng(file, 74, 81, 74, 470))
	if got := textAt(t, file, s.Range, 4); got != `{\n ` {
		t.Errorf("statement points at %q", got)
	}
	if len(s.Conditions) != 1 || s.Conditions[0].Operator != "Bool" || s.Conditions[0].Key != "aws:SecureTransport" {
		t.Errorf("conditions = %+v", s.Conditions)
	}
	if len(doc.OtherPolicies) != 1 {
		t.Fatalf("other policies = %d, want only the unused document", len(doc.OtherPolicies))
	}
	o := doc.OtherPolicies[0]
	if o.ID != "data.aws_iam_policy_document.unused" || o.Kind != model.PolicyIdentity ||
		len(o.Statements) != 1 || o.Statements[0].Action.Values[0].Value != "kms:DecryptDataKey" {
		t.Errorf("unused document = %+v", o)
	}
	wantRange(t, "unused action", o.Statements[0].Action.Values[0].Range, rng(file, 113, 134, 113, 156))
}

// terraform show -json of a state: every value is known; the bucket's
// computed copy of a separate policy is not judged twice.
func TestParseState(t *testing.T) {
	const file = "testdata/state.json"
	doc := parseFixture(t, file, Options{})
	if len(doc.Buckets) != 1 || len(doc.BucketPolicies) != 1 || len(doc.Keys) != 1 || len(doc.Trails) != 1 {
		t.Fatalf("entities: %d buckets %d policies %d keys %d trails", len(doc.Buckets), len(doc.BucketPolicies), len(doc.Keys), len(doc.Trails))
	}
	b, k, tr := doc.Buckets[0], doc.Keys[0], doc.Trails[0]
	if doc.BucketPolicies[0].ID != "aws_s3_bucket_policy.logs" || b.Policy != "aws_s3_bucket_policy.logs" {
		t.Errorf("bucket policy %q linked as %q", doc.BucketPolicies[0].ID, b.Policy)
	}
	wantAttr(t, "versioning", b.Versioning.Status, "Enabled", true)
	wantAttr(t, "mfa delete", b.Versioning.MFADelete, "Disabled", true)
	wantAttr(t, "algorithm", b.Encryption.Algorithm, "AES256", true)
	if b.Encryption.KMSKeyID != nil {
		t.Errorf("empty kms_master_key_id read as %+v", b.Encryption.KMSKeyID)
	}
	if len(b.Grants) != 1 || b.Grants[0].Permission != "FULL_CONTROL" || b.Grants[0].Grantee != "abc" {
		t.Errorf("grants = %+v", b.Grants)
	}
	if k.ARN != "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" ||
		strings.Join(k.Aliases, ",") != "alias/trail" || k.Policy != nil || k.RotationPeriodDays != nil {
		t.Errorf("key = %+v", k)
	}
	if tr.ID != "aws_cloudtrail.main[0]" || tr.ARN != "arn:aws:cloudtrail:eu-west-1:111122223333:trail/main" ||
		tr.Account != "111122223333" || tr.Key != k.ID || tr.Bucket != b.ID || tr.S3KeyPrefix != nil {
		t.Errorf("trail = %+v", tr)
	}
	wantAttr(t, "home region", tr.HomeRegion, "eu-west-1", true)
}
