package iam

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/ctlint/ctlint/internal/model"
)

func FuzzGlobMatch(f *testing.F) {
	f.Add("arn:aws:s3:::logs/*", "arn:aws:s3:::logs/AWSLogs/x", false)
	f.Add("a?c*", "abcd", true)
	f.Add("arn:aws:s3:::«var.b»/*", "arn:aws:s3:::logs/x", false)
	f.Add(model.AccountID, ForeignAccount, false)
	f.Add("0000000000?*", model.AccountID, false)
	f.Add("«x»«y»", "«y»«x»", true)
	f.Add("*a*b*?", "«x»ab«y»", false)
	f.Fuzz(func(t *testing.T, pattern, value string, fold bool) {
		got := GlobMatch(pattern, value, fold)
		if got != False && got != True && got != Maybe {
			t.Fatalf("GlobMatch returned %d", got)
		}
		if GlobMatch(pattern, value, fold) != got {
			t.Fatal("GlobMatch is not deterministic")
		}
		if GlobMatch("*", value, fold) != True {
			t.Errorf("* does not match %q", value)
		}
		if !model.HasUnknown(pattern) && !model.HasUnknown(value) && got == Maybe {
			t.Errorf("GlobMatch(%q, %q) = unknown without markers", pattern, value)
		}
		if !strings.ContainsAny(pattern, "*?") {
			if self := GlobMatch(pattern, pattern, fold); self != True {
				t.Errorf("GlobMatch(%q, itself) = %v, want true", pattern, self)
			}
			if eq := StringMatch(pattern, value, fold); eq != got {
				t.Errorf("without wildcards GlobMatch = %v but StringMatch = %v for %q, %q", got, eq, pattern, value)
			}
		}
		p := tokenize(partsOf(pattern, false), true, fold)
		v := tokenize(partsOf(value, true), false, fold)
		if opaqueMatch(p, v) && !couldMatch(p, v) {
			t.Errorf("%q matches %q with opaque markers but could-match says impossible", pattern, value)
		}
	})
}

// fuzzBytes hands out choices from fuzz input, then zeros.
type fuzzBytes []byte

func (b *fuzzBytes) pick(n int) int {
	if len(*b) == 0 {
		return 0
	}
	c := int((*b)[0]) % n
	*b = (*b)[1:]
	return c
}

func (b *fuzzBytes) from(choices []string) string { return choices[b.pick(len(choices))] }

var (
	fuzzEffects    = []string{"Allow", "Deny", "Allow", "Deny", "allow"}
	fuzzActions    = []string{"s3:PutObject", "s3:Put*", "*", "s3:GetBucketAcl", "kms:*", "«var.action»", "S3:PUTOBJECT", "s3:?etBucketAcl"}
	fuzzResources  = []string{"arn:aws:s3:::logs/*", "*", "arn:aws:s3:::«var.bucket»/*", bucketARN, "arn:aws:s3:::logs/${aws:username}/*", "arn:aws:s3:::other/*"}
	fuzzOperators  = []string{"StringEquals", "StringNotEquals", "StringLike", "ArnLike", "ArnNotEquals", "StringEqualsIfExists", "Null", "Bool", "ForAllValues:StringEquals", "ForAnyValue:StringLike", "StringEqualz", "IpAddress", "NumericLessThan"}
	fuzzKeys       = []string{"aws:SourceArn", "s3:x-amz-acl", "aws:SecureTransport", "s3:x-amz-server-side-encryption", "aws:SourceIp", "aws:TagKeys"}
	fuzzValues     = []string{trailARN, foreignTrail, "bucket-owner-full-control", "true", "false", "aws:kms", "«var.x»", "*", "arn:aws:cloudtrail:*:" + model.AccountID + ":trail/*", "10.0.0.0/8", "5", "${aws:username}"}
	fuzzPrincipals = [][2]string{{"*", "*"}, {PrincipalAWS, "*"}, {PrincipalService, cloudTrail}, {PrincipalAWS, account}, {PrincipalAWS, "arn:aws:iam::" + ForeignAccount + ":root"}, {PrincipalAWS, model.AccountID}, {"", ""}}
	fuzzRequesters = []Principal{{PrincipalService, cloudTrail}, {PrincipalAWS, "arn:aws:iam::111122223333:role/r"}, {PrincipalAWS, ForeignAccount}, {PrincipalAnonymous, ""}, {PrincipalAWS, model.AccountID}}
)

func fuzzStatement(b *fuzzBytes) *model.Statement {
	s := &model.Statement{Effect: model.Str(b.from(fuzzEffects), model.Range{})}
	if pr := fuzzPrincipals[b.pick(len(fuzzPrincipals))]; pr[0] != "" {
		s.Principal = &model.Principal{Negated: b.pick(5) == 0, Entries: []model.PrincipalEntry{{Type: pr[0], Value: pr[1]}}}
	}
	s.Action = element(b.pick(5) == 0, []string{b.from(fuzzActions)})
	if b.pick(2) == 0 {
		s.Action.Values = append(s.Action.Values, model.Value{Value: b.from(fuzzActions)})
	}
	if b.pick(4) != 0 {
		s.Resource = element(b.pick(5) == 0, []string{b.from(fuzzResources)})
	}
	for range b.pick(3) {
		vals := []string{b.from(fuzzValues)}
		if b.pick(2) == 0 {
			vals = append(vals, b.from(fuzzValues))
		}
		s.Conditions = append(s.Conditions, &model.Condition{Operator: b.from(fuzzOperators), Key: b.from(fuzzKeys), Values: values(vals)})
	}
	return s
}

func fuzzRequest(b *fuzzBytes) Request {
	r := Request{
		Principal: fuzzRequesters[b.pick(len(fuzzRequesters))],
		Action:    b.from([]string{"s3:PutObject", "s3:GetBucketAcl", "kms:Decrypt"}),
		Resource:  b.from([]string{objectARN, bucketARN, "arn:aws:s3:::«var.bucket»/x", "arn:aws:s3:::logs/alice/x"}),
		Context:   map[string][]string{},
	}
	for range b.pick(5) {
		k := b.from(fuzzKeys)
		r.Context[k] = append(r.Context[k], b.from(slices.Concat(fuzzValues, []string{"203.0.113.9", "alice"})))
	}
	if b.pick(2) == 0 {
		r.Context["aws:username"] = []string{"alice"}
	}
	return r
}

func clonePolicy(p *model.Policy) *model.Policy {
	out := *p
	out.Statements = nil
	for _, s := range p.Statements {
		c := *s
		if s.Action != nil {
			a := *s.Action
			a.Values = slices.Clone(s.Action.Values)
			c.Action = &a
		}
		c.Conditions = nil
		for _, cd := range s.Conditions {
			cc := *cd
			c.Conditions = append(c.Conditions, &cc)
		}
		out.Statements = append(out.Statements, &c)
	}
	return &out
}

func swapCase(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsUpper(r) {
			return unicode.ToLower(r)
		}
		return unicode.ToUpper(r)
	}, s)
}

func FuzzEvaluate(f *testing.F) {
	f.Add([]byte{0, 2, 0, 0, 1, 0, 1, 0, 0, 1, 0, 0})
	f.Add([]byte{1, 0, 1, 2, 0, 1, 1, 2, 3, 2, 1, 7, 1, 4})
	f.Add([]byte("cloudtrail write with conditions and a deny"))
	f.Add([]byte{3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
	f.Fuzz(func(t *testing.T, data []byte) {
		b := fuzzBytes(data)
		version := b.from([]string{CurrentVersion, "2008-10-17", ""})
		var stmts []*model.Statement
		for range 1 + b.pick(4) {
			stmts = append(stmts, fuzzStatement(&b))
		}
		p := policy(version, stmts...)
		req := fuzzRequest(&b)
		extra := fuzzStatement(&b)

		d := Evaluate(p, req)
		checkDecision(t, p, d)
		if again := Evaluate(p, req); !reflect.DeepEqual(again, d) {
			t.Fatalf("Evaluate is not deterministic: %+v then %+v", d, again)
		}

		// Adding a statement never turns a deny into an allow.
		more := clonePolicy(p)
		more.Statements = append(more.Statements, extra)
		extra.Index = len(more.Statements) - 1
		if d.Effect == Deny {
			if got := Evaluate(more, req); got.Effect != Deny {
				t.Errorf("adding statement %+v turned deny into %s", extra, got.Effect)
			}
		}

		// A one-element action list equals the same action written twice,
		// as a string and as a list would normalize.
		dup := clonePolicy(p)
		for _, s := range dup.Statements {
			if len(s.Action.Values) == 1 {
				s.Action.Values = append(s.Action.Values, s.Action.Values[0])
			}
		}
		if got := Evaluate(dup, req); !reflect.DeepEqual(got, d) {
			t.Errorf("repeating a single action changed %+v to %+v", d, got)
		}

		// Condition key names compare case-insensitively, in the policy and
		// in the request.
		cased := clonePolicy(p)
		for _, s := range cased.Statements {
			for _, c := range s.Conditions {
				c.Key = swapCase(c.Key)
			}
		}
		casedReq := req
		casedReq.Context = map[string][]string{}
		for k, v := range req.Context {
			casedReq.Context[strings.ToUpper(k)] = v
		}
		if got := Evaluate(cased, casedReq); !reflect.DeepEqual(got, d) {
			t.Errorf("changing the case of condition keys changed %+v to %+v", d, got)
		}
	})
}

// checkDecision asserts a decision's internal consistency.
func checkDecision(t *testing.T, p *model.Policy, d Decision) {
	t.Helper()
	seen := map[int]bool{}
	for _, list := range [][]int{d.Allowing, d.Denying, d.Uncertain} {
		if !slices.IsSorted(list) {
			t.Errorf("indexes not sorted: %v", list)
		}
		for _, i := range list {
			if i < 0 || i >= len(p.Statements) || seen[i] {
				t.Errorf("index %d out of range or listed twice in %+v", i, d)
			}
			seen[i] = true
		}
	}
	effect := func(i int) string { return p.Statements[i].Effect.String() }
	for _, i := range d.Allowing {
		if effect(i) != "Allow" {
			t.Errorf("statement %d listed as allowing has effect %q", i, effect(i))
		}
	}
	for _, i := range d.Denying {
		if effect(i) != "Deny" {
			t.Errorf("statement %d listed as denying has effect %q", i, effect(i))
		}
	}
	denyMaybe, allowMaybe := false, false
	for _, i := range d.Uncertain {
		denyMaybe = denyMaybe || effect(i) == "Deny"
		allowMaybe = allowMaybe || effect(i) == "Allow"
	}
	want := ImplicitDeny
	switch {
	case len(d.Denying) > 0:
		want = Deny
	case len(d.Allowing) > 0 && denyMaybe:
		want = Undecided
	case len(d.Allowing) > 0:
		want = Allow
	case allowMaybe:
		want = Undecided
	}
	if d.Effect != want {
		t.Errorf("effect %s inconsistent with %+v, want %s", d.Effect, d, want)
	}
}
