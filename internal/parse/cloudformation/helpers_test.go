package cloudformation

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse"
)

// parseFile parses a fixture and fails the test on any error.
func parseFile(t *testing.T, path string, opts Options) []*model.Document {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	docs, errs := Parse(parse.File{Path: path, Data: data}, opts)
	for _, e := range errs {
		t.Errorf("unexpected problem: %v", e)
	}
	return docs
}

func parseText(name, text string, opts Options) ([]*model.Document, []*parse.Error) {
	return Parse(parse.File{Path: name, Data: []byte(text)}, opts)
}

// at renders a range compactly: line:col-endline:endcol.
func at(r model.Range) string {
	return fmt.Sprintf("%d:%d-%d:%d", r.Line, r.Column, r.EndLine, r.EndColumn)
}

// attr renders an attribute as value@range, or "nil".
func attrStr(a *model.Attr) string {
	if a == nil {
		return "nil"
	}
	return fmt.Sprintf("%v@%s", a.Value, at(a.Range))
}

// summary renders the facts of a document that rules read, one per line, so
// that tests compare whole documents exactly and failures show a diff.
func summary(d *model.Document) string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	if d.Scope.Variant != "" {
		p("variant %s", d.Scope.Variant)
	}
	for _, bk := range d.Buckets {
		p("bucket %s @%s name=%s arn=%s acl=%s ownership=%s policy=%s lifecycle=%s pab=%s log=%t", bk.ID, at(bk.Range), attrStr(bk.Name), bk.ARN, attrStr(bk.ACL), attrStr(bk.ObjectOwnership), bk.Policy, bk.Lifecycle, bk.PublicAccessBlock, bk.IsLogBucket)
		if v := bk.Versioning; v != nil {
			p("  versioning @%s status=%s", at(v.Range), attrStr(v.Status))
		}
		if e := bk.Encryption; e != nil {
			p("  encryption @%s algorithm=%s key_id=%s bucket_key=%s key=%s", at(e.Range), attrStr(e.Algorithm), attrStr(e.KMSKeyID), attrStr(e.BucketKeyEnabled), e.Key)
		}
		if l := bk.Logging; l != nil {
			p("  logging @%s target_bucket=%s prefix=%s target=%s", at(l.Range), attrStr(l.TargetBucket), attrStr(l.TargetPrefix), l.Target)
		}
		if o := bk.ObjectLock; o != nil {
			p("  object_lock @%s enabled=%s mode=%s days=%s years=%s", at(o.Range), attrStr(o.Enabled), attrStr(o.Mode), attrStr(o.Days), attrStr(o.Years))
		}
	}
	for _, pab := range d.PublicAccessBlocks {
		p("pab %s @%s bucket=%s acls=%s ignore=%s policy=%s restrict=%s", pab.ID, at(pab.Range), pab.Bucket, attrStr(pab.BlockPublicAcls), attrStr(pab.IgnorePublicAcls), attrStr(pab.BlockPublicPolicy), attrStr(pab.RestrictPublicBuckets))
	}
	for _, l := range d.Lifecycles {
		p("lifecycle %s @%s bucket=%s", l.ID, at(l.Range), l.Bucket)
		for _, r := range l.Rules {
			p("  rule %d @%s id=%s status=%s abort=%s", r.Index, at(r.Range), attrStr(r.ID), attrStr(r.Status), attrStr(r.AbortIncompleteMultipartUpload))
			if f := r.Filter; f != nil {
				p("    filter @%s prefix=%s gt=%s lt=%s tags=%v", at(f.Range), attrStr(f.Prefix), attrStr(f.ObjectSizeGreaterThan), attrStr(f.ObjectSizeLessThan), f.Tags)
			}
			if e := r.Expiration; e != nil {
				p("    expiration @%s days=%s date=%s marker=%s", at(e.Range), attrStr(e.Days), attrStr(e.Date), attrStr(e.ExpiredObjectDeleteMarker))
			}
			if e := r.NoncurrentVersionExpiration; e != nil {
				p("    noncurrent_expiration @%s days=%s newer=%s", at(e.Range), attrStr(e.NoncurrentDays), attrStr(e.NewerNoncurrentVersions))
			}
			for _, tr := range r.Transitions {
				p("    transition @%s days=%s date=%s class=%s", at(tr.Range), attrStr(tr.Days), attrStr(tr.Date), attrStr(tr.StorageClass))
			}
			for _, tr := range r.NoncurrentVersionTransitions {
				p("    noncurrent_transition @%s days=%s class=%s", at(tr.Range), attrStr(tr.Days), attrStr(tr.StorageClass))
			}
		}
	}
	for _, bp := range d.BucketPolicies {
		p("bucket_policy %s @%s bucket=%s bucket_name=%s", bp.ID, at(bp.Range), bp.Bucket, attrStr(bp.BucketName))
		policySummary(p, bp.Policy)
	}
	for _, k := range d.Keys {
		p("key %s @%s arn=%s rotation=%s period=%s spec=%s usage=%s aliases=%v", k.ID, at(k.Range), k.ARN, attrStr(k.RotationEnabled), attrStr(k.RotationPeriodDays), attrStr(k.KeySpec), attrStr(k.KeyUsage), k.Aliases)
		policySummary(p, k.Policy)
	}
	for _, tr := range d.Trails {
		p("trail %s @%s name=%s arn=%s account=%s", tr.ID, at(tr.Range), attrStr(tr.Name), tr.ARN, tr.Account)
		p("  bucket_name=%s bucket=%s prefix=%s kms=%s key=%s", attrStr(tr.BucketName), tr.Bucket, attrStr(tr.S3KeyPrefix), attrStr(tr.KMSKeyID), tr.Key)
		p("  multi_region=%s validation=%s logging=%s global=%s org=%s", attrStr(tr.IsMultiRegion), attrStr(tr.LogFileValidation), attrStr(tr.IsLogging), attrStr(tr.IncludeGlobalServiceEvents), attrStr(tr.IsOrganizationTrail))
		p("  cw_group=%s cw_role=%s", attrStr(tr.CloudWatchLogsGroupARN), attrStr(tr.CloudWatchLogsRoleARN))
		for _, es := range tr.EventSelectors {
			p("  event_selector @%s rw=%s mgmt=%s exclude=%v", at(es.Range), attrStr(es.ReadWriteType), attrStr(es.IncludeManagementEvents), vals(es.ExcludeManagementEventSources))
		}
		for _, aes := range tr.AdvancedEventSelectors {
			p("  advanced_selector @%s name=%s", at(aes.Range), attrStr(aes.Name))
			for _, fs := range aes.FieldSelectors {
				p("    field %s @%s eq=%v ne=%v sw=%v nsw=%v ew=%v new=%v", fs.Field, at(fs.Range), vals(fs.Equals), vals(fs.NotEquals), vals(fs.StartsWith), vals(fs.NotStartsWith), vals(fs.EndsWith), vals(fs.NotEndsWith))
			}
		}
	}
	for _, u := range d.Unresolved {
		p("unresolved %q resource=%s @%s: %s", u.Expr, u.Resource, at(u.Range), u.Reason)
	}
	for _, s := range d.Suppressions {
		p("suppression %v resource=%s @%s reason=%q expires=%s", s.RuleIDs, s.Resource, at(s.Range), s.Reason, s.Expires)
	}
	return b.String()
}

func policySummary(p func(string, ...any), pol *model.Policy) {
	if pol == nil {
		p("  policy nil")
		return
	}
	p("  policy %s @%s unresolved=%q problems=%d", pol.ID, at(pol.Range), pol.Unresolved, len(pol.Problems))
	for _, s := range pol.Statements {
		var res []string
		if s.Resource != nil {
			res = vals(s.Resource.Values)
		}
		p("    statement %d @%s sid=%s resource=%v", s.Index, at(s.Range), attrStr(s.Sid), res)
	}
}

func vals(vs []model.Value) []string {
	out := []string{}
	for _, v := range vs {
		out = append(out, v.Value+"@"+at(v.Range))
	}
	return out
}

// diffLines reports the first differing line of two summaries.
func diffLines(t *testing.T, got, want string) {
	t.Helper()
	if got == want {
		return
	}
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < max(len(g), len(w)); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			t.Errorf("summary differs at line %d:\n got: %s\nwant: %s\nwhole summary:\n%s", i+1, gl, wl, got)
			return
		}
	}
}
