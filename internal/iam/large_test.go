package iam

import (
	"fmt"
	"testing"
	"time"

	"github.com/ctlint/ctlint/internal/model"
)

// A policy with very many statements evaluates in one linear pass: rules
// probe every policy several times, and oversized policies are test inputs
// elsewhere. The elapsed time is logged, not asserted, to stay stable on
// loaded machines.
func TestEvaluateLargePolicy(t *testing.T) {
	const n = 100000
	stmts := make([]*model.Statement, n)
	for i := range stmts {
		stmts[i] = allow(
			principal(PrincipalAWS, fmt.Sprintf("arn:aws:iam::111122223333:role/r%d", i)),
			action("s3:GetObject", "s3:Put*"),
			resource("arn:aws:s3:::logs/AWSLogs/*"),
			cond("StringEquals", "aws:SourceArn", trailARN))
	}
	stmts[n-1].Principal = nil
	p := v12(stmts...)
	start := time.Now()
	d := Evaluate(p, put(with("aws:SourceArn", trailARN)))
	elapsed := time.Since(start)
	if d.Effect != Allow || len(d.Allowing) != 1 || d.Allowing[0] != n-1 {
		t.Fatalf("Evaluate = %s allowing %v, want allow by statement %d only", d.Effect, d.Allowing, n-1)
	}
	t.Logf("%d statements in %v", n, elapsed)
}
