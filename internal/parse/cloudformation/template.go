package cloudformation

import (
	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse"
	"github.com/ctlint/ctlint/internal/parse/tree"
)

// template is the sections of a template that the resolver needs, as
// written (intrinsics not yet resolved).
type template struct {
	file       string
	params     map[string]*tree.Node // Parameters: name -> declaration
	mappings   *tree.Node
	conditions map[string]*tree.Node // Conditions: name -> definition
	resources  []*resource           // in source order
	byID       map[string]*resource
}

// resource is one entry of Resources.
type resource struct {
	ID         string
	Type       string
	Range      model.Range // the logical ID through the end of its body
	KeyRange   model.Range
	Properties *tree.Node
	Metadata   *tree.Node
	Condition  string
	CondRange  model.Range
}

// readTemplate checks the template's structure. Problems confined to one
// resource skip that resource; the others are still read.
func readTemplate(file string, root *tree.Node) (*template, []*parse.Error) {
	if root.Kind != tree.Object {
		return nil, []*parse.Error{parse.Errorf(root.Range, "template must be a mapping, not %s", root.Kind)}
	}
	t := &template{
		file:       file,
		params:     map[string]*tree.Node{},
		conditions: map[string]*tree.Node{},
		byID:       map[string]*resource{},
		mappings:   root.Get("Mappings"),
	}
	var errs []*parse.Error
	section := func(name string) *tree.Field {
		f := root.Field(name)
		if f != nil && f.Value.Kind != tree.Object && f.Value.Kind != tree.Null {
			errs = append(errs, parse.Errorf(f.Value.Range, "%s must be a mapping, not %s", name, f.Value.Kind))
			return nil
		}
		return f
	}
	if f := section("Parameters"); f != nil {
		for _, p := range f.Value.Keys {
			t.params[p.Key] = p.Value
		}
	}
	if f := section("Conditions"); f != nil {
		for _, c := range f.Value.Keys {
			t.conditions[c.Key] = c.Value
		}
	}
	if section("Mappings") == nil {
		t.mappings = nil
	}
	res := root.Field("Resources")
	if res == nil {
		return t, append(errs, parse.Errorf(root.Range, "template has no Resources section"))
	}
	if section("Resources") == nil {
		return t, errs
	}
	for _, f := range res.Value.Keys {
		r, err := readResource(f)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if _, dup := t.byID[r.ID]; dup {
			errs = append(errs, parse.Errorf(f.KeyRange, "duplicate resource %s", r.ID))
			continue
		}
		if r.Condition != "" && t.conditions[r.Condition] == nil {
			errs = append(errs, parse.Errorf(r.CondRange, "resource %s names undefined condition %s", r.ID, r.Condition))
			continue
		}
		t.resources = append(t.resources, r)
		t.byID[r.ID] = r
	}
	return t, errs
}

func readResource(f *tree.Field) (*resource, *parse.Error) {
	body := f.Value
	if body.Kind != tree.Object {
		return nil, parse.Errorf(body.Range, "resource %s must be a mapping, not %s", f.Key, body.Kind)
	}
	r := &resource{
		ID:       f.Key,
		KeyRange: f.KeyRange,
		Range:    spanOf(f.KeyRange, body.Range),
		Metadata: body.Get("Metadata"),
	}
	typ := body.Get("Type")
	switch {
	case typ == nil:
		return nil, parse.Errorf(f.KeyRange, "resource %s has no Type", f.Key)
	case typ.Kind != tree.String || typ.Text == "":
		return nil, parse.Errorf(typ.Range, "resource %s: Type must be a string", f.Key)
	}
	r.Type = typ.Text
	if p := body.Get("Properties"); p != nil {
		if p.Kind != tree.Object && p.Kind != tree.Null {
			return nil, parse.Errorf(p.Range, "resource %s: Properties must be a mapping, not %s", f.Key, p.Kind)
		}
		r.Properties = p
	}
	if c := body.Field("Condition"); c != nil {
		if c.Value.Kind != tree.String {
			return nil, parse.Errorf(c.Value.Range, "resource %s: Condition must be a condition name", f.Key)
		}
		r.Condition, r.CondRange = c.Value.Text, c.Value.Range
	}
	return r, nil
}

// spanOf returns the range from the start of a to the end of b.
func spanOf(a, b model.Range) model.Range {
	if a.IsZero() {
		return b
	}
	if b.IsZero() {
		return a
	}
	return model.Range{File: a.File, Line: a.Line, Column: a.Column, EndLine: b.EndLine, EndColumn: b.EndColumn}
}
