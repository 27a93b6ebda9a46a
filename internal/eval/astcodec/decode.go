package astcodec

import (
	"github.com/open-policy-agent/opa/v1/ast"
)

// Decode reads what Encode wrote. Corrupt or truncated input gives an error,
// never a panic, never unbounded allocation: every length is checked against
// the bytes remaining.
func Decode(data []byte) (map[string]*ast.Module, error) {
	d := &decoder{reader: reader{data: data}}
	d.header()
	d.stringTable()
	d.locationTable()
	n := d.count()
	if d.err != nil {
		return nil, d.err
	}
	modules := make(map[string]*ast.Module, n)
	for range n {
		name, m := d.module()
		if d.err != nil {
			return nil, d.err
		}
		if _, dup := modules[name]; dup {
			d.fail("module %q twice", name)
			return nil, d.err
		}
		modules[name] = m
	}
	if d.remaining() != 0 {
		d.fail("%d bytes after the last module", d.remaining())
		return nil, d.err
	}
	return modules, nil
}

// decoder turns the tables into shared strings and locations, then builds
// the modules. Terms, expressions and term lists come from slabs, which
// saves most of the allocations a node-by-node decode would make.
type decoder struct {
	reader

	strBlob  string // every table string, back to back
	byteBlob []byte // the same bytes again, for Location.Text
	strEnds  []int  // end of string i in the blobs; it starts where i-1 ends

	// Boxing a string into an ast.Value allocates; values repeat a lot, so
	// each string is boxed at most once per kind.
	vars, strings, numbers []ast.Value

	locs []ast.Location

	terms    []ast.Term
	exprs    []ast.Expr
	termPtrs []*ast.Term
	ints     []int

	depth int
}

const slabSize = 256

func (d *decoder) header() {
	if len(d.data) < len(magic) || string(d.data[:len(magic)]) != magic {
		d.fail("not an astcodec encoding (bad magic)")
		return
	}
	d.pos = len(magic)
	if v := d.uint(); d.err == nil && v != FormatVersion {
		d.fail("format version %d, want %d", v, FormatVersion)
	}
}

func (d *decoder) stringTable() {
	n := d.count()
	total := d.count()
	if d.err != nil {
		return
	}
	d.strEnds = make([]int, n)
	end := 0
	for i := range n {
		l := d.uint()
		if d.err != nil {
			return
		}
		if l > uint64(total-end) {
			d.fail("string %d overruns the string table", i)
			return
		}
		end += int(l)
		d.strEnds[i] = end
	}
	if end != total {
		d.fail("string lengths add up to %d, table holds %d", end, total)
		return
	}
	if total > d.remaining() {
		d.fail("string table of %d bytes, %d left", total, d.remaining())
		return
	}
	raw := d.data[d.pos : d.pos+total]
	d.pos += total
	d.strBlob = string(raw)
	d.byteBlob = []byte(d.strBlob)
	d.vars = make([]ast.Value, n)
	d.strings = make([]ast.Value, n)
	d.numbers = make([]ast.Value, n)
}

func (d *decoder) bounds(i uint64) (start, end int, ok bool) {
	if i >= uint64(len(d.strEnds)) {
		d.fail("string index %d out of range", i)
		return 0, 0, false
	}
	if i > 0 {
		start = d.strEnds[i-1]
	}
	return start, d.strEnds[i], true
}

func (d *decoder) str() string {
	i := d.uint()
	if d.err != nil {
		return ""
	}
	start, end, ok := d.bounds(i)
	if !ok {
		return ""
	}
	return d.strBlob[start:end]
}

// boxed returns string i of the table as a Value of one kind, boxing it on
// first use.
func (d *decoder) boxed(cache []ast.Value, box func(string) ast.Value) ast.Value {
	i := d.uint()
	if d.err != nil {
		return nil
	}
	start, end, ok := d.bounds(i)
	if !ok {
		return nil
	}
	if v := cache[i]; v != nil {
		return v
	}
	v := box(d.strBlob[start:end])
	cache[i] = v
	return v
}

func (d *decoder) locationTable() {
	n := d.count()
	if d.err != nil {
		return
	}
	d.locs = make([]ast.Location, n)
	for i := range d.locs {
		loc := &d.locs[i]
		loc.File = d.str()
		loc.Row = d.int()
		loc.Col = d.int()
		loc.Offset = d.int()
		if t := d.uint(); t != 0 && d.err == nil {
			start, end, ok := d.bounds(t - 1)
			if !ok {
				return
			}
			// Cap the slice so an append to one text cannot write into the next.
			loc.Text = d.byteBlob[start:end:end]
		}
		if tabs, ok := d.optCount(); ok {
			loc.Tabs = d.intSlice(tabs)
			for j := range loc.Tabs {
				loc.Tabs[j] = d.int()
			}
		}
		if d.err != nil {
			return
		}
	}
}

func (d *decoder) loc() *ast.Location {
	i := d.uint()
	if i == 0 || d.err != nil {
		return nil
	}
	if i > uint64(len(d.locs)) {
		d.fail("location index %d out of range", i-1)
		return nil
	}
	return &d.locs[i-1]
}

func (d *decoder) enter() bool {
	d.depth++
	if d.depth > maxDepth {
		d.fail("nesting deeper than %d", maxDepth)
		return false
	}
	return true
}

func (d *decoder) leave() { d.depth-- }

func (d *decoder) newTerm() *ast.Term { return &slabOf(&d.terms, 1, slabSize)[0] }

func (d *decoder) newExpr() *ast.Expr { return &slabOf(&d.exprs, 1, slabSize)[0] }

// slabOf returns n elements cut from *slab, capped so that appending to the
// result copies instead of overwriting a neighbour. A slab that is too short
// is replaced by a fresh one of size elements; n of size or more gets its
// own allocation.
func slabOf[T any](slab *[]T, n, size int) []T {
	if n > len(*slab) {
		if n >= size {
			return make([]T, n)
		}
		*slab = make([]T, size)
	}
	s := (*slab)[:n:n]
	*slab = (*slab)[n:]
	return s
}

// intSlice returns a capped slice of n ints for Location.Tabs, which the
// parser sets on nearly every location of a tab-indented file.
func (d *decoder) intSlice(n int) []int {
	if n == 0 {
		return []int{}
	}
	return slabOf(&d.ints, n, slabSize*4)
}

// termSlice returns a slice of n term pointers, capped so that appending to
// it (as the compiler does to refs) copies instead of overwriting a neighbour.
func (d *decoder) termSlice(n int) []*ast.Term {
	if n == 0 {
		// Not nil: nil and empty lists stay apart (see encoder.optLen).
		return []*ast.Term{}
	}
	return slabOf(&d.termPtrs, n, slabSize)
}
