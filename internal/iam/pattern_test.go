package iam

import (
	"testing"

	"github.com/ctlint/ctlint/internal/model"
)

func TestGlobMatch(t *testing.T) {
	acct := model.AccountID
	tests := []struct {
		name, pattern, value string
		fold                 bool
		want                 Tri
	}{
		{"literal equal", "abc", "abc", false, True},
		{"literal differs", "abc", "abd", false, False},
		{"case-sensitive", "ABC", "abc", false, False},
		{"case-insensitive", "ABC", "abc", true, True},
		{"star matches empty", "a*", "a", false, True},
		{"star matches everything", "*", "anything:at/all", false, True},
		{"question is one character", "a?c", "abc", false, True},
		{"question is not zero characters", "a?c", "ac", false, False},
		{"question is one rune", "a?c", "aéc", false, True},
		{"star in the middle", "a*c", "abbbc", false, True},
		{"wildcards in the value are literal", "abc", "a*c", false, False},
		{"backtracking", "*ab*ab", "xabyabab", false, True},
		{"marker matches itself", "«x»", "«x»", false, True},
		{"different markers may match", "«x»", "«y»", false, Maybe},
		{"marker may be anything", "a«x»c", "abbc", false, Maybe},
		{"marker cannot change literal text", "a«x»c", "abbd", false, False},
		{"star consumes a request marker", "a*", "a«x»", false, True},
		{"question does not certainly match a marker", "a?", "a«x»", false, Maybe},
		{"request marker may be the needed text", "arn:aws:s3:::logs/*", "arn:aws:s3:::«b»/x", false, Maybe},
		{"request marker with a wrong tail", "arn:aws:s3:::logs/*.gz", "arn:aws:s3:::«b»/x.json", false, False},
		{"own account is twelve digits", acct, "123456789012", false, Maybe},
		{"own account is never the foreign account", acct, ForeignAccount, false, False},
		{"own account is not a name", acct, "alice", false, False},
		{"own account is not eleven digits", acct, "12345678901", false, False},
		{"own account under a star", "*", acct, false, True},
		{"own account against a digit pattern", "0000000000*", acct, false, Maybe},
		{"own account against an all-zero pattern", "000000000000", acct, false, False},
		{"own account against question marks", "????????????", acct, false, Maybe},
		{"own account on both sides", "x" + acct, "x" + acct, false, True},
		{"unterminated marker is literal", "«x", "«x", false, True},
		{"case fold keeps markers", "A«X»", "a«X»", true, True},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := GlobMatch(tt.pattern, tt.value, tt.fold); got != tt.want {
				t.Errorf("GlobMatch(%q, %q, %v) = %v, want %v", tt.pattern, tt.value, tt.fold, got, tt.want)
			}
		})
	}
}

func TestStringMatch(t *testing.T) {
	tests := []struct {
		a, b string
		fold bool
		want Tri
	}{
		{"a*", "abc", false, False},
		{"a*", "a*", false, True},
		{"CloudTrail", "cloudtrail", true, True},
		{"CloudTrail", "cloudtrail", false, False},
		{"«x»", "v", false, Maybe},
		{model.AccountID, ForeignAccount, false, False},
	}
	for _, tt := range tests {
		if got := StringMatch(tt.a, tt.b, tt.fold); got != tt.want {
			t.Errorf("StringMatch(%q, %q, %v) = %v, want %v", tt.a, tt.b, tt.fold, got, tt.want)
		}
	}
}

func TestARNParts(t *testing.T) {
	tests := []struct {
		arn                                           string
		partition, service, region, account, resource string
		ok                                            bool
	}{
		{"arn:aws:s3:::logs/AWSLogs/*", "aws", "s3", "", "", "logs/AWSLogs/*", true},
		{"arn:aws:cloudtrail:us-east-1:111122223333:trail/main", "aws", "cloudtrail", "us-east-1", "111122223333", "trail/main", true},
		{"arn:aws:logs:us-east-1:111122223333:log-group:g:*", "aws", "logs", "us-east-1", "111122223333", "log-group:g:*", true},
		{"arn:" + model.Partition + ":cloudtrail:" + model.Region + ":" + model.AccountID + ":trail/x",
			model.Partition, "cloudtrail", model.Region, model.AccountID, "trail/x", true},
		{"arn:aws:s3::logs", "", "", "", "", "", false},
		{"urn:aws:s3:::logs", "", "", "", "", "", false},
		{"«aws_s3_bucket.logs.arn»", "", "", "", "", "", false},
		{"", "", "", "", "", "", false},
	}
	for _, tt := range tests {
		p, s, r, a, res, ok := ARNParts(tt.arn)
		if p != tt.partition || s != tt.service || r != tt.region || a != tt.account || res != tt.resource || ok != tt.ok {
			t.Errorf("ARNParts(%q) = %q %q %q %q %q %v, want %q %q %q %q %q %v", tt.arn,
				p, s, r, a, res, ok, tt.partition, tt.service, tt.region, tt.account, tt.resource, tt.ok)
		}
	}
}

func TestParseOperator(t *testing.T) {
	tests := []struct {
		op   string
		want Operator
		ok   bool
	}{
		{"StringEquals", Operator{Name: "StringEquals", Kind: KindString}, true},
		{"stringnotequalsifexists", Operator{Name: "StringNotEquals", Kind: KindString, Negated: true, IfExists: true}, true},
		{"ForAllValues:StringLike", Operator{Name: "StringLike", Kind: KindString, Set: ForAllValues}, true},
		{"foranyvalue:ArnNotLikeIfExists", Operator{Name: "ArnNotLike", Kind: KindARN, Negated: true, IfExists: true, Set: ForAnyValue}, true},
		{"NotIpAddress", Operator{Name: "NotIpAddress", Kind: KindIP, Negated: true}, true},
		{"DateNotEquals", Operator{Name: "DateNotEquals", Kind: KindDate, Negated: true}, true},
		{"NumericLessThanEquals", Operator{Name: "NumericLessThanEquals", Kind: KindNumeric}, true},
		{"BoolIfExists", Operator{Name: "Bool", Kind: KindBool, IfExists: true}, true},
		{"BinaryEquals", Operator{Name: "BinaryEquals", Kind: KindBinary}, true},
		{"Null", Operator{Name: "Null", Kind: KindNull}, true},
		{"NullIfExists", Operator{}, false},
		{"StringEqual", Operator{}, false},
		{"StringEqualsIfExist", Operator{}, false},
		{"ForSomeValues:StringEquals", Operator{}, false},
		{"ForAllValues:", Operator{}, false},
		{"BoolNotEquals", Operator{}, false},
		{"", Operator{}, false},
	}
	for _, tt := range tests {
		got, ok := ParseOperator(tt.op)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseOperator(%q) = %+v, %v; want %+v, %v", tt.op, got, ok, tt.want, tt.ok)
		}
		if OperatorKnown(tt.op) != tt.ok {
			t.Errorf("OperatorKnown(%q) = %v, want %v", tt.op, !tt.ok, tt.ok)
		}
	}
	if got, _ := ParseOperator("forallvalues:stringnotlikeifexists"); got.String() != "ForAllValues:StringNotLikeIfExists" {
		t.Errorf("canonical spelling = %q", got.String())
	}
}

func TestTri(t *testing.T) {
	all := []Tri{False, True, Maybe}
	and := [3][3]Tri{{False, False, False}, {False, True, Maybe}, {False, Maybe, Maybe}}
	or := [3][3]Tri{{False, True, Maybe}, {True, True, True}, {Maybe, True, Maybe}}
	for _, a := range all {
		for _, b := range all {
			if got := a.And(b); got != and[a][b] {
				t.Errorf("%v AND %v = %v, want %v", a, b, got, and[a][b])
			}
			if got := a.Or(b); got != or[a][b] {
				t.Errorf("%v OR %v = %v, want %v", a, b, got, or[a][b])
			}
		}
	}
	if False.Not() != True || True.Not() != False || Maybe.Not() != Maybe {
		t.Error("Not must swap True and False and keep Maybe")
	}
}
