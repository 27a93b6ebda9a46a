package policydoc

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse"
)

// Generated policies far beyond AWS's size limits must be normalized in
// bounded time and say what was not checked (they took minutes before).
func TestFromNodeBoundsHugePolicies(t *testing.T) {
	stmt := `{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}`
	wideCondition := func() string {
		var b strings.Builder
		for i := range 100000 {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, `"k%d":"v"`, i)
		}
		return `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":"*","Condition":{"StringEquals":{` + b.String() + `}}}}`
	}
	manyElements := func() string {
		var b strings.Builder
		b.WriteString(`{"Version":"2012-10-17","Statement":[],`)
		for i := range 100000 {
			fmt.Fprintf(&b, `"X%d":1,`, i)
		}
		return strings.TrimSuffix(b.String(), ",") + "}"
	}
	tests := []struct {
		name           string
		src            string
		wantStatements int
		wantProblems   int
		wantFirst      model.Problem
		wantLimit      string // a problem that must be listed
		wantLast       string
		wantTruncated  bool // statements were left unread
	}{{
		name:           "100,000 statements: the size bound",
		src:            `{"Version":"2012-10-17","Statement":[` + strings.Repeat(stmt+",", 99999) + stmt + `]}`,
		wantStatements: 897, // 897 * 73 bytes <= 64 KB
		wantProblems:   1,
		wantFirst:      model.Problem{Message: "only the first 897 of 100000 statements are checked: the policy is far larger than AWS accepts", Range: r(1, 25, 1, 7400038)},
		wantTruncated:  true,
	}, {
		name:           "100,000 short statements: the count bound",
		src:            `{"Version":"2012-10-17","Statement":[` + strings.Repeat(`{"Effect":"Deny"},`, 99999) + `{"Effect":"Deny"}]}`,
		wantStatements: parse.MaxStatements,
		wantProblems:   maxProblems + 2, // each checked statement lacks Action, Principal and Resource
		wantFirst:      model.Problem{Message: "statement 0 has neither Action nor NotAction", Range: r(1, 38, 1, 55)},
		wantLimit:      "only the first 1000 of 100000 statements are checked: the policy is far larger than AWS accepts",
		wantLast:       "2900 more problems in this policy are not listed",
		wantTruncated:  true,
	}, {
		name:          "one statement with 100,000 condition keys",
		src:           wideCondition(),
		wantProblems:  1,
		wantFirst:     model.Problem{Message: "the statement is 1288968 bytes and is not checked: the policy is far larger than AWS accepts", Range: r(1, 37, 1, 1289005)},
		wantTruncated: true,
	}, {
		name:          "a list whose first statement is too large",
		src:           `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/` + strings.Repeat("A", 70000) + `"}]}`,
		wantProblems:  1,
		wantFirst:     model.Problem{Message: "statement 0 is 70071 bytes and no statement is checked: the policy is far larger than AWS accepts", Range: r(1, 38, 1, 70109)},
		wantTruncated: true,
	}, {
		name:         "100,000 unknown elements",
		src:          manyElements(),
		wantProblems: maxProblems + 1, // "Statement is an empty list" comes after the cap
		wantFirst:    model.Problem{Message: `unknown policy element "X0" (allowed: Version, Id, Statement)`, Range: r(1, 40, 1, 44)},
		wantLast:     "99901 more problems in this policy are not listed",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			p := FromNode(parseJSON(t, tt.src), "bp", model.PolicyBucket)
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("FromNode took %s", d)
			}
			if len(p.Statements) != tt.wantStatements {
				t.Errorf("statements = %d, want %d", len(p.Statements), tt.wantStatements)
			}
			if len(p.Problems) != tt.wantProblems {
				t.Fatalf("problems = %d, want %d: %+v", len(p.Problems), tt.wantProblems, p.Problems[:min(3, len(p.Problems))])
			}
			if p.Problems[0] != tt.wantFirst {
				t.Errorf("first problem = %+v, want %+v", p.Problems[0], tt.wantFirst)
			}
			if tt.wantLimit != "" && !hasProblem(p, tt.wantLimit) {
				t.Errorf("no problem %q", tt.wantLimit)
			}
			if last := p.Problems[len(p.Problems)-1].Message; tt.wantLast != "" && last != tt.wantLast {
				t.Errorf("last problem = %q, want %q", last, tt.wantLast)
			}
			if p.Truncated != tt.wantTruncated {
				t.Errorf("Truncated = %v, want %v", p.Truncated, tt.wantTruncated)
			}
			if p.Size != len(tt.src) {
				t.Errorf("Size = %d, want %d", p.Size, len(tt.src))
			}
		})
	}
}

func hasProblem(p *model.Policy, msg string) bool {
	for _, pr := range p.Problems {
		if pr.Message == msg {
			return true
		}
	}
	return false
}
