package cloudformation

import (
	"strings"

	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse/tree"
)

// sub resolves Fn::Sub, in its string form and its [template, {vars}] form.
func (r *resolver) sub(arg *tree.Node, rng model.Range, depth int) *tree.Node {
	tmplNode, vars := arg, map[string]*tree.Node{}
	if arg.Kind == tree.Array {
		if len(arg.Items) != 2 || arg.Items[1].Kind != tree.Object {
			return r.unknown("Fn::Sub", rng, "Fn::Sub takes a string or [string, {variables}]")
		}
		tmplNode = arg.Items[0]
		for _, f := range arg.Items[1].Keys {
			vars[f.Key] = r.resolve(f.Value, depth)
		}
	}
	if tmplNode.Kind != tree.String {
		return r.unknown("Fn::Sub", rng, "Fn::Sub takes a string template")
	}
	var b strings.Builder
	referenced := map[string]bool{}
	s := tmplNode.Text
	for {
		i := strings.Index(s, "${")
		if i < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		s = s[i+2:]
		j := strings.IndexByte(s, '}')
		if j < 0 {
			b.WriteString("${" + s)
			break
		}
		name := s[:j]
		s = s[j+1:]
		if strings.HasPrefix(name, "!") { // ${!Literal} is written as ${Literal}
			b.WriteString("${" + name[1:] + "}")
			continue
		}
		b.WriteString(r.subVar(strings.TrimSpace(name), vars, rng, referenced))
	}
	out := strNode(b.String(), rng)
	r.linkSub(out, referenced)
	return out
}

func (r *resolver) subVar(name string, vars map[string]*tree.Node, rng model.Range, referenced map[string]bool) string {
	var n *tree.Node
	if v, ok := vars[name]; ok {
		n = v
	} else if id, attr, dotted := strings.Cut(name, "."); dotted && !strings.HasPrefix(name, "AWS::") {
		n = r.getAtt(id, attr, rng)
	} else {
		n = r.ref(name, rng)
	}
	if id, ok := r.links[n]; ok {
		referenced[id] = true
	}
	if n != nil && n.Kind == tree.Array {
		return model.Unknown(name)
	}
	s, _ := textOf(n)
	return s
}

// linkSub links a Sub's result to the one resource it names when the result
// is that resource's name or ARN ("${Bucket}", "arn:aws:s3:::${Bucket}"),
// not merely built from it ("${Bucket}-replica").
func (r *resolver) linkSub(out *tree.Node, referenced map[string]bool) {
	if len(referenced) != 1 {
		return
	}
	for id := range referenced {
		res := r.t.byID[id]
		arn, _ := r.arnOf(res)
		if out.Text == r.refText(res) || out.Text == arn {
			r.links[out] = id
		}
	}
}
