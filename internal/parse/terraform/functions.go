package terraform

import (
	"encoding/base64"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/tryfunc"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"

	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse"
)

// maxFileSize bounds what file() and templatefile() read.
const maxFileSize = 4 << 20

// pureFunctions are the Terraform functions whose result depends only on
// their arguments. Functions that depend on the moment or the machine
// (timestamp, uuid) are left out, so calls to them become markers.
var pureFunctions = map[string]function.Function{
	"abs":             stdlib.AbsoluteFunc,
	"base64decode":    base64DecodeFunc,
	"base64encode":    base64EncodeFunc,
	"can":             tryfunc.CanFunc,
	"ceil":            stdlib.CeilFunc,
	"chomp":           stdlib.ChompFunc,
	"chunklist":       stdlib.ChunklistFunc,
	"coalesce":        coalesceFunc,
	"coalescelist":    stdlib.CoalesceListFunc,
	"compact":         stdlib.CompactFunc,
	"concat":          stdlib.ConcatFunc,
	"contains":        stdlib.ContainsFunc,
	"csvdecode":       stdlib.CSVDecodeFunc,
	"distinct":        stdlib.DistinctFunc,
	"element":         stdlib.ElementFunc,
	"endswith":        stringPredicate(strings.HasSuffix),
	"flatten":         bounded(stdlib.FlattenFunc),
	"floor":           stdlib.FloorFunc,
	"format":          bounded(stdlib.FormatFunc),
	"formatlist":      bounded(stdlib.FormatListFunc),
	"indent":          stdlib.IndentFunc,
	"index":           stdlib.IndexFunc,
	"join":            bounded(stdlib.JoinFunc),
	"jsondecode":      stdlib.JSONDecodeFunc,
	"jsonencode":      stdlib.JSONEncodeFunc,
	"keys":            stdlib.KeysFunc,
	"length":          lengthFunc,
	"log":             stdlib.LogFunc,
	"lookup":          stdlib.LookupFunc,
	"lower":           stdlib.LowerFunc,
	"max":             stdlib.MaxFunc,
	"merge":           stdlib.MergeFunc,
	"min":             stdlib.MinFunc,
	"one":             oneFunc,
	"parseint":        stdlib.ParseIntFunc,
	"pow":             stdlib.PowFunc,
	"range":           rangeFunc,
	"regex":           stdlib.RegexFunc,
	"regexall":        stdlib.RegexAllFunc,
	"replace":         replaceFunc,
	"reverse":         stdlib.ReverseListFunc,
	"setintersection": stdlib.SetIntersectionFunc,
	"setsubtract":     stdlib.SetSubtractFunc,
	"setunion":        stdlib.SetUnionFunc,
	"signum":          stdlib.SignumFunc,
	"slice":           stdlib.SliceFunc,
	"sort":            stdlib.SortFunc,
	"split":           stdlib.SplitFunc,
	"startswith":      stringPredicate(strings.HasPrefix),
	"strcontains":     stringPredicate(strings.Contains),
	"strrev":          stdlib.ReverseFunc,
	"substr":          stdlib.SubstrFunc,
	"title":           stdlib.TitleFunc,
	"tobool":          stdlib.MakeToFunc(cty.Bool),
	"tolist":          stdlib.MakeToFunc(cty.List(cty.DynamicPseudoType)),
	"tomap":           stdlib.MakeToFunc(cty.Map(cty.DynamicPseudoType)),
	"tonumber":        stdlib.MakeToFunc(cty.Number),
	"toset":           stdlib.MakeToFunc(cty.Set(cty.DynamicPseudoType)),
	"tostring":        stdlib.MakeToFunc(cty.String),
	"trim":            stdlib.TrimFunc,
	"trimprefix":      stdlib.TrimPrefixFunc,
	"trimspace":       stdlib.TrimSpaceFunc,
	"trimsuffix":      stdlib.TrimSuffixFunc,
	"try":             tryfunc.TryFunc,
	"upper":           stdlib.UpperFunc,
	"values":          stdlib.ValuesFunc,
	"zipmap":          stdlib.ZipmapFunc,
}

var base64EncodeFunc = stringFunc(func(s string) (string, error) {
	return base64.StdEncoding.EncodeToString([]byte(s)), nil
})

var base64DecodeFunc = stringFunc(func(s string) (string, error) {
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil || !utf8.Valid(b) {
		return "", fmt.Errorf("invalid base64 or not UTF-8")
	}
	return string(b), nil
})

// functions returns the function table: the pure functions plus file(),
// fileexists() and templatefile(), confined to the lint root.
func (p *parser) functions() map[string]function.Function {
	fns := make(map[string]function.Function, len(pureFunctions)+3)
	for name, fn := range pureFunctions {
		fns[name] = fn
	}
	fns["file"] = function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}},
		Type:   function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			name := args[0].AsString()
			if data, ok := p.readConfined(name, "file"); ok {
				return cty.StringVal(string(data)), nil
			}
			return markerVal("file(" + strconv.Quote(name) + ")"), nil
		},
	})
	fns["fileexists"] = function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}},
		Type:   function.StaticReturnType(cty.DynamicPseudoType),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			name := args[0].AsString()
			fsPath, ok := p.confine(name, "fileexists")
			if !ok {
				return markerVal("fileexists(" + strconv.Quote(name) + ")"), nil
			}
			info, err := fs.Stat(p.fsys, fsPath)
			return cty.BoolVal(err == nil && info.Mode().IsRegular()), nil
		},
	})
	fns["templatefile"] = function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}, {Name: "vars", Type: cty.DynamicPseudoType}},
		Type:   function.StaticReturnType(cty.DynamicPseudoType),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			name := args[0].AsString()
			unknown := markerVal("templatefile(" + strconv.Quote(name) + ")")
			tmpl, ok := p.template(name)
			if !ok {
				return unknown, nil
			}
			v, diags := safeValue(tmpl, &hcl.EvalContext{Variables: templateVars(args[1]), Functions: fns})
			if diags.HasErrors() || !v.IsWhollyKnown() {
				return unknown, nil
			}
			return v, nil
		},
	})
	return fns
}

// template reads and parses a template file for templatefile().
func (p *parser) template(name string) (hclsyntax.Expression, bool) {
	data, ok := p.readConfined(name, "templatefile")
	if !ok {
		return nil, false
	}
	fsPath, _ := p.confine(name, "")
	expr, diags := hclsyntax.ParseTemplate(data, fsPath, hcl.InitialPos)
	if diags.HasErrors() {
		p.report(diags)
		return nil, false
	}
	return expr, true
}

func templateVars(v cty.Value) map[string]cty.Value {
	out := map[string]cty.Value{}
	if v.IsNull() || !v.IsKnown() || !(v.Type().IsObjectType() || v.Type().IsMapType()) {
		return out
	}
	for it := v.ElementIterator(); it.Next(); {
		k, val := it.Element()
		out[k.AsString()] = val
	}
	return out
}

// confine resolves a path given to a file function against the root module
// directory, as Terraform does, and refuses anything outside the lint root.
// It records an Unresolved entry when the file cannot be read.
func (p *parser) confine(name, fn string) (string, bool) {
	expr := fn + "(" + strconv.Quote(name) + ")"
	if p.opts.NoFileFunctions {
		if fn != "" {
			p.unresolvedHere(expr, reasonFileFunctions)
		}
		return "", false
	}
	clean := path.Join(p.rootDir, name)
	if path.IsAbs(name) || strings.Contains(name, `\`) || strings.Contains(name, ":") ||
		clean == ".." || strings.HasPrefix(clean, "../") || !fs.ValidPath(clean) {
		if fn != "" {
			p.unresolvedHere(expr, reasonOutsideRoot)
		}
		return "", false
	}
	return clean, true
}

// readConfined reads a file for a file function, within the lint root and
// the size limit.
func (p *parser) readConfined(name, fn string) ([]byte, bool) {
	fsPath, ok := p.confine(name, fn)
	if !ok {
		return nil, false
	}
	if data, ok := p.sources[fsPath]; ok {
		return data, true
	}
	info, err := fs.Stat(p.fsys, fsPath)
	if err != nil || !info.Mode().IsRegular() || info.Size() > maxFileSize {
		p.unresolvedHere(fn+"("+strconv.Quote(name)+")", reasonFileMissing)
		return nil, false
	}
	data, err := fs.ReadFile(p.fsys, fsPath)
	if err != nil || !utf8.Valid(data) {
		p.unresolvedHere(fn+"("+strconv.Quote(name)+")", reasonFileMissing)
		return nil, false
	}
	p.sources[fsPath] = data
	return data, true
}

// unresolvedHere records an Unresolved entry at the expression being
// evaluated.
func (p *parser) unresolvedHere(expr, reason string) {
	p.unresolved(model.Unresolved{Expr: expr, Reason: reason, Resource: p.evalResource, Range: p.rng(p.evalRange)})
}

var lengthFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "value", Type: cty.DynamicPseudoType, AllowDynamicType: true}},
	Type:   function.StaticReturnType(cty.Number),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		v := args[0]
		if v.Type() == cty.String {
			return stdlib.Strlen(v)
		}
		return stdlib.Length(v)
	},
})

// rangeFunc is range() with the result bounded, so that range(1e9) ends in an
// error rather than an out-of-memory kill.
var rangeFunc = function.New(&function.Spec{
	VarParam: &function.Parameter{Name: "params", Type: cty.Number},
	Type:     function.StaticReturnType(cty.List(cty.Number)),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		nums := make([]float64, len(args))
		for i, a := range args {
			f, _ := a.AsBigFloat().Float64()
			nums[i] = f
		}
		start, end, step := 0.0, 0.0, 1.0
		switch len(nums) {
		case 1:
			end = nums[0]
		case 2:
			start, end = nums[0], nums[1]
		case 3:
			start, end, step = nums[0], nums[1], nums[2]
		default:
			return cty.NilVal, fmt.Errorf("range takes one to three arguments")
		}
		if step == 0 || (end-start)/step > parse.MaxInstances {
			return cty.NilVal, fmt.Errorf("range too large")
		}
		return stdlib.RangeFunc.Call(args)
	},
})

// replaceFunc is Terraform's replace(): a substring written /like this/ is a
// regular expression.
var replaceFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "str", Type: cty.String}, {Name: "substr", Type: cty.String}, {Name: "replace", Type: cty.String}},
	Type:   function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		str, sub, repl := args[0].AsString(), args[1].AsString(), args[2].AsString()
		if len(sub) > 1 && strings.HasPrefix(sub, "/") && strings.HasSuffix(sub, "/") {
			re, err := regexp.Compile(sub[1 : len(sub)-1])
			if err != nil {
				return cty.NilVal, err
			}
			return cty.StringVal(re.ReplaceAllString(str, repl)), nil
		}
		return cty.StringVal(strings.ReplaceAll(str, sub, repl)), nil
	},
})

// bounded refuses to call fn when its arguments already exceed the value
// bound, since its result (a join, a flatten) would be at least as large.
// Width arguments of format ("%999999999s") are refused the same way.
func bounded(fn function.Function) function.Function {
	return function.New(&function.Spec{
		Params:   fn.Params(),
		VarParam: fn.VarParam(),
		Type:     fn.ReturnTypeForValues,
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			if tooLarge(cty.TupleVal(args), maxValueBytes) {
				return cty.NilVal, fmt.Errorf("arguments too large")
			}
			for _, a := range args {
				if a.Type() == cty.String && a.IsKnown() && !a.IsNull() && widthRE.MatchString(a.AsString()) {
					return cty.NilVal, fmt.Errorf("format width too large")
				}
			}
			v, err := fn.Call(args)
			if err == nil && tooLarge(v, maxValueBytes) {
				return cty.NilVal, fmt.Errorf("result too large")
			}
			return v, err
		},
	})
}

// widthRE finds format verbs with a width or precision of five digits or
// more.
var widthRE = regexp.MustCompile(`%[-+# 0]*(\d{5,}|\d*\.\d{5,})`)

// coalesceFunc is Terraform's coalesce(): the first argument that is neither
// null nor an empty string.
var coalesceFunc = function.New(&function.Spec{
	VarParam: &function.Parameter{Name: "vals", Type: cty.DynamicPseudoType, AllowNull: true},
	Type:     function.StaticReturnType(cty.DynamicPseudoType),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		for _, a := range args {
			if a.IsNull() || (a.Type() == cty.String && a.AsString() == "") {
				continue
			}
			return a, nil
		}
		return cty.NilVal, fmt.Errorf("no non-null, non-empty-string arguments")
	},
})

var oneFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "list", Type: cty.DynamicPseudoType}},
	Type:   function.StaticReturnType(cty.DynamicPseudoType),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		v := args[0]
		ty := v.Type()
		if !(ty.IsListType() || ty.IsSetType() || ty.IsTupleType()) {
			return cty.NilVal, fmt.Errorf("must be a list, set or tuple")
		}
		switch v.LengthInt() {
		case 0:
			return cty.NullVal(cty.DynamicPseudoType), nil
		case 1:
			it := v.ElementIterator()
			it.Next()
			_, e := it.Element()
			return e, nil
		}
		return cty.NilVal, fmt.Errorf("must have zero or one elements")
	},
})

func stringFunc(fn func(string) (string, error)) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "str", Type: cty.String}},
		Type:   function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			s, err := fn(args[0].AsString())
			if err != nil {
				return cty.NilVal, err
			}
			return cty.StringVal(s), nil
		},
	})
}

// stringPredicate returns a marker when the answer depends on an unknown part
// of the string, never a guessed boolean.
func stringPredicate(fn func(s, sub string) bool) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "str", Type: cty.String}, {Name: "sub", Type: cty.String}},
		Type:   function.StaticReturnType(cty.DynamicPseudoType),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			s, sub := args[0].AsString(), args[1].AsString()
			if model.HasUnknown(s) || model.HasUnknown(sub) {
				return cty.NilVal, fmt.Errorf("depends on an unknown value")
			}
			return cty.BoolVal(fn(s, sub)), nil
		},
	})
}
