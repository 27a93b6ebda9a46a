// Package policydoc normalizes an IAM policy document, given as a tree.Node
// from any input format, into a model.Policy: Statement always a list,
// Action/Resource/Principal values always lists, every element with its range,
// and grammar problems recorded for CT001 instead of aborting.
//
// Element names are case-sensitive, as IAM reads them. Values that cannot be
// resolved offline (tree.Unknown nodes, and nodes with Alternatives) are kept
// as markers and never judged: a whole unknown document or statement list sets
// Policy.Unresolved; an unknown value inside an element becomes a value
// holding the marker.
package policydoc

import (
	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse"
	"github.com/ctlint/ctlint/internal/parse/tree"
)

// FromNode normalizes the policy document n. id must be unique within the
// document; kind is model.PolicyBucket, model.PolicyKey or
// model.PolicyIdentity. Statement indexes are 0-based.
func FromNode(n *tree.Node, id, kind string) *model.Policy {
	p := &model.Policy{ID: id, Kind: kind, Statements: []*model.Statement{}, Problems: []model.Problem{}}
	if n == nil {
		p.Problems = append(p.Problems, model.Problem{Message: "empty policy document"})
		return p
	}
	p.Range = n.Range
	if n.Kind == tree.String && model.IsUnknown(n.Text) {
		p.Unresolved = n.Text
		return p
	}
	if n.Kind == tree.String {
		// A policy written as a JSON string (a CloudFormation KeyPolicy
		// string, an inline heredoc the caller did not parse itself).
		parsed, problem := parseEmbedded(n)
		if problem != nil {
			p.Problems = append(p.Problems, *problem)
			return p
		}
		n = parsed
	}
	b := &builder{p: p}
	b.document(n)
	b.finish()
	p.Size = compactSize(n)
	if p.Unresolved != "" {
		p.Statements = []*model.Statement{}
		p.Size = 0
	}
	return p
}

// Allowed element names, as IAM spells them.
var (
	documentElements  = []string{"Version", "Id", "Statement"}
	statementElements = []string{"Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"}
)

type builder struct {
	p       *model.Policy
	dropped int // problems over maxProblems
}

// maxProblems bounds the problems listed for one policy: a generated
// document with 100,000 unknown elements would otherwise yield as many
// findings.
const maxProblems = 100

func (b *builder) problem(r model.Range, format string, args ...any) {
	if len(b.p.Problems) >= maxProblems {
		b.dropped++
		return
	}
	b.p.Problems = append(b.p.Problems, problemf(r, format, args...))
}

// limit records that part of the policy was not checked; it is never
// dropped, so that a hostile policy cannot hide what was skipped.
func (b *builder) limit(r model.Range, format string, args ...any) {
	b.p.Problems = append(b.p.Problems, problemf(r, format, args...))
}

// finish says how many problems were not listed.
func (b *builder) finish() {
	if b.dropped > 0 {
		b.p.Problems = append(b.p.Problems, problemf(b.p.Range, "%d more problems in this policy are not listed", b.dropped))
	}
}

func (b *builder) document(n *tree.Node) {
	if unknown, marker := isUnknown(n); unknown {
		b.p.Unresolved = marker
		return
	}
	if n.Kind != tree.Object {
		b.problem(n.Range, "a policy document must be a JSON object, not %s", article(n))
		return
	}
	b.duplicates(n)
	var statement *tree.Field
	for _, f := range firstMembers(n) {
		switch f.Key {
		case "Version":
			b.p.Version = b.stringAttr(f, "Version")
		case "Id":
			b.stringAttr(f, "Id")
		case "Statement":
			statement = f
		default:
			b.unknownElement(f, documentElements, "policy")
		}
	}
	if statement == nil {
		b.problem(n.Range, "the policy has no Statement")
		return
	}
	v := statement.Value
	if unknown, marker := isUnknown(v); unknown {
		b.p.Unresolved = marker
		return
	}
	switch v.Kind {
	case tree.Object:
		if size := compactSize(v); size > parse.MaxPolicyBytes {
			b.limit(v.Range, "the statement is %d bytes and is not checked: the policy is far larger than AWS accepts", size)
			b.p.Truncated = true
			return
		}
		b.statement(v, 0)
	case tree.Array:
		if len(v.Items) == 0 {
			b.problem(memberRange(statement), "Statement is an empty list")
		}
		checked := 0 // bytes of the statements normalized so far
		for i, item := range v.Items {
			size := compactSize(item)
			if i >= parse.MaxStatements || checked+size > parse.MaxPolicyBytes {
				// Far beyond what AWS accepts (CT006 reports the size),
				// and rules cost time per statement: check a prefix and
				// say so rather than take minutes.
				if i == 0 {
					b.limit(item.Range, "statement 0 is %d bytes and no statement is checked: the policy is far larger than AWS accepts", size)
				} else {
					b.limit(memberRange(statement), "only the first %d of %d statements are checked: the policy is far larger than AWS accepts", i, len(v.Items))
				}
				b.p.Truncated = true
				break
			}
			checked += size
			if unknown, marker := isUnknown(item); unknown {
				// Some statements cannot be known: the policy as a whole
				// cannot be judged, though the known ones are still checked.
				b.p.Unresolved = marker
				continue
			}
			if item.Kind != tree.Object {
				b.problem(item.Range, "statement %d must be an object, not %s", i, article(item))
				continue
			}
			b.statement(item, i)
		}
	default:
		b.problem(v.Range, "Statement must be an object or a list of objects, not %s", article(v))
	}
}

// stringAttr reads a string-valued element; other types are problems.
func (b *builder) stringAttr(f *tree.Field, name string) *model.Attr {
	v := f.Value
	if unknown, marker := isUnknown(v); unknown {
		return model.UnknownAttr(exprOf(marker), v.Range)
	}
	if v.Kind != tree.String {
		b.problem(v.Range, "%s must be a string, not %s", name, article(v))
		return v.Attr()
	}
	return model.Str(v.Text, v.Range)
}

func (b *builder) unknownElement(f *tree.Field, allowed []string, where string) {
	if hint := suggest(f.Key, allowed); hint != "" {
		b.problem(f.KeyRange, "unknown %s element %q: did you mean %s? (element names are case-sensitive)", where, f.Key, hint)
		return
	}
	b.problem(f.KeyRange, "unknown %s element %q (allowed: %s)", where, f.Key, joinNames(allowed))
}

// firstMembers returns the members of n, skipping repeats of a key: like
// Node.Get, the first occurrence counts; repeats are reported as duplicates.
// A set keeps it linear: hostile objects have 100,000 keys.
func firstMembers(n *tree.Node) []*tree.Field {
	out := make([]*tree.Field, 0, len(n.Keys))
	seen := make(map[string]bool, len(n.Keys))
	for _, f := range n.Keys {
		if !seen[f.Key] {
			seen[f.Key] = true
			out = append(out, f)
		}
	}
	return out
}

// memberRange spans a member from its key to the end of its value.
func memberRange(f *tree.Field) model.Range {
	r := f.KeyRange
	if r.IsZero() && f.Value != nil {
		return f.Value.Range
	}
	if f.Value != nil && !f.Value.Range.IsZero() {
		r.EndLine, r.EndColumn = f.Value.Range.EndLine, f.Value.Range.EndColumn
	}
	return r
}
