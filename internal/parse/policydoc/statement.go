package policydoc

import (
	"slices"
	"strings"

	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse/tree"
)

func (b *builder) statement(n *tree.Node, index int) {
	s := &model.Statement{Index: index, Range: n.Range, Conditions: []*model.Condition{}}
	b.p.Statements = append(b.p.Statements, s)
	var action, resource, principal *tree.Field
	for _, f := range firstMembers(n) {
		switch f.Key {
		case "Sid":
			s.Sid = b.stringAttr(f, "Sid")
		case "Effect":
			s.Effect = b.effect(f)
		case "Principal", "NotPrincipal":
			if principal != nil {
				b.problem(f.KeyRange, "a statement cannot have both %s and %s", principal.Key, f.Key)
				continue
			}
			principal = f
			s.Principal = b.principal(f)
		case "Action", "NotAction":
			if action != nil {
				b.problem(f.KeyRange, "a statement cannot have both %s and %s", action.Key, f.Key)
				continue
			}
			action = f
			s.Action = b.element(f)
		case "Resource", "NotResource":
			if resource != nil {
				b.problem(f.KeyRange, "a statement cannot have both %s and %s", resource.Key, f.Key)
				continue
			}
			resource = f
			s.Resource = b.element(f)
		case "Condition":
			s.Conditions = b.conditions(f)
		default:
			b.unknownElement(f, statementElements, "statement")
		}
	}
	if n.Get("Effect") == nil {
		b.problem(n.Range, "statement %d has no Effect", index)
	}
	if action == nil {
		b.problem(n.Range, "statement %d has neither Action nor NotAction", index)
	}
	if b.p.Kind == model.PolicyBucket || b.p.Kind == model.PolicyKey {
		if principal == nil {
			b.problem(n.Range, "statement %d has neither Principal nor NotPrincipal, which a %s policy requires", index, b.p.Kind)
		}
		if resource == nil {
			b.problem(n.Range, "statement %d has neither Resource nor NotResource, which a %s policy requires", index, b.p.Kind)
		}
	}
}

func (b *builder) effect(f *tree.Field) *model.Attr {
	a := b.stringAttr(f, "Effect")
	if !a.Known {
		return a
	}
	v, ok := a.Value.(string)
	if !ok || v == "Allow" || v == "Deny" {
		return a
	}
	for _, want := range []string{"Allow", "Deny"} {
		if strings.EqualFold(strings.TrimSpace(v), want) {
			b.problem(f.Value.Range, "Effect must be \"Allow\" or \"Deny\", not %q: did you mean %q? (Effect is case-sensitive)", v, want)
			return a
		}
	}
	b.problem(f.Value.Range, "Effect must be \"Allow\" or \"Deny\", not %q", v)
	return a
}

// element reads Action, NotAction, Resource or NotResource: a string or a
// list of strings.
func (b *builder) element(f *tree.Field) *model.Element {
	e := &model.Element{Negated: strings.HasPrefix(f.Key, "Not"), Range: memberRange(f)}
	e.Values = b.stringList(f.Value, f.Key)
	if len(e.Values) == 0 && f.Value.Kind == tree.Array {
		b.problem(f.Value.Range, "%s is an empty list", f.Key)
	}
	return e
}

// stringList reads a string, an unknown, or a list of them. Other values are
// problems and are left out.
func (b *builder) stringList(v *tree.Node, name string) []model.Value {
	out := []model.Value{}
	if unknown, marker := isUnknown(v); unknown {
		return append(out, model.Value{Value: marker, Range: v.Range})
	}
	switch v.Kind {
	case tree.String:
		return append(out, model.Value{Value: v.Text, Range: v.Range})
	case tree.Array:
		for _, item := range v.Items {
			if unknown, marker := isUnknown(item); unknown {
				out = append(out, model.Value{Value: marker, Range: item.Range})
				continue
			}
			if item.Kind != tree.String {
				b.problem(item.Range, "%s values must be strings, not %s", name, article(item))
				continue
			}
			out = append(out, model.Value{Value: item.Text, Range: item.Range})
		}
		return out
	}
	b.problem(v.Range, "%s must be a string or a list of strings, not %s", name, article(v))
	return out
}

var principalTypes = []string{"AWS", "Service", "Federated", "CanonicalUser"}

// principal reads Principal or NotPrincipal: "*" or an object mapping a
// principal type to a string or a list of strings. A wholly unknown element
// becomes one entry whose Type and Value are the marker.
func (b *builder) principal(f *tree.Field) *model.Principal {
	p := &model.Principal{Negated: f.Key == "NotPrincipal", Entries: []model.PrincipalEntry{}, Range: memberRange(f)}
	v := f.Value
	if unknown, marker := isUnknown(v); unknown {
		p.Entries = append(p.Entries, model.PrincipalEntry{Type: marker, Value: marker, Range: v.Range})
		return p
	}
	switch v.Kind {
	case tree.String:
		if v.Text != "*" {
			b.problem(v.Range, "%s must be \"*\" or an object such as {\"AWS\": %q}, not a string", f.Key, v.Text)
			return p
		}
		p.Entries = append(p.Entries, model.PrincipalEntry{Type: "*", Value: "*", Range: v.Range})
	case tree.Object:
		for _, tf := range firstMembers(v) {
			if !slices.Contains(principalTypes, tf.Key) {
				if hint := suggest(tf.Key, principalTypes); hint != "" {
					b.problem(tf.KeyRange, "unknown principal type %q: did you mean %s? (principal types are case-sensitive)", tf.Key, hint)
				} else {
					b.problem(tf.KeyRange, "unknown principal type %q (allowed: %s)", tf.Key, joinNames(principalTypes))
				}
			}
			for _, val := range b.stringList(tf.Value, f.Key+" "+tf.Key) {
				p.Entries = append(p.Entries, model.PrincipalEntry{Type: tf.Key, Value: val.Value, Range: val.Range})
			}
		}
	default:
		b.problem(v.Range, "%s must be \"*\" or an object, not %s", f.Key, article(v))
	}
	return p
}

// conditions reads {Operator: {Key: value | [values]}} into one Condition per
// key. A wholly unknown block, or an unknown operator block, becomes a
// condition whose unknown parts are markers, so that rules see a condition
// they cannot evaluate rather than none.
func (b *builder) conditions(f *tree.Field) []*model.Condition {
	out := []*model.Condition{}
	v := f.Value
	if unknown, marker := isUnknown(v); unknown {
		return append(out, &model.Condition{Operator: marker, Key: marker, Values: []model.Value{}, Range: memberRange(f), OperatorRange: v.Range})
	}
	if v.Kind != tree.Object {
		b.problem(v.Range, "Condition must be an object, not %s", article(v))
		return out
	}
	for _, op := range firstMembers(v) {
		if unknown, marker := isUnknown(op.Value); unknown {
			out = append(out, &model.Condition{Operator: op.Key, Key: marker, Values: []model.Value{}, Range: memberRange(op), OperatorRange: op.KeyRange})
			continue
		}
		if op.Value.Kind != tree.Object {
			b.problem(op.Value.Range, "condition operator %s must map condition keys to values, not be %s", op.Key, article(op.Value))
			continue
		}
		for _, key := range firstMembers(op.Value) {
			out = append(out, &model.Condition{
				Operator:      op.Key,
				Key:           key.Key,
				Values:        b.conditionValues(key.Value, key.Key),
				Range:         memberRange(key),
				OperatorRange: op.KeyRange,
			})
		}
	}
	return out
}

// conditionValues reads a condition's value or values; booleans and numbers
// become their text ("true", "10"), as IAM compares them.
func (b *builder) conditionValues(v *tree.Node, key string) []model.Value {
	out := []model.Value{}
	one := func(n *tree.Node) {
		if unknown, marker := isUnknown(n); unknown {
			out = append(out, model.Value{Value: marker, Range: n.Range})
			return
		}
		if !n.IsScalar() {
			b.problem(n.Range, "condition %s: values must be strings, numbers or booleans, not %s", key, article(n))
			return
		}
		out = append(out, model.Value{Value: n.Text, Range: n.Range})
	}
	if v.Kind == tree.Array {
		if len(v.Items) == 0 {
			b.problem(v.Range, "condition %s has an empty list of values", key)
		}
		for _, item := range v.Items {
			one(item)
		}
		return out
	}
	one(v)
	return out
}
