package terraform

import (
	"reflect"

	"github.com/ctlint/ctlint/internal/model"
)

var rangeType = reflect.TypeOf(model.Range{})

// walkRanges calls fn for every model.Range reachable from v, so that
// invariants on positions cover every field, including ones added later.
func walkRanges(v any, fn func(model.Range)) {
	walkValue(reflect.ValueOf(v), fn, map[uintptr]bool{})
}

func walkValue(v reflect.Value, fn func(model.Range), seen map[uintptr]bool) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() || seen[v.Pointer()] {
			return
		}
		seen[v.Pointer()] = true
		walkValue(v.Elem(), fn, seen)
	case reflect.Interface:
		if !v.IsNil() {
			walkValue(v.Elem(), fn, seen)
		}
	case reflect.Struct:
		if v.Type() == rangeType {
			fn(v.Interface().(model.Range))
			return
		}
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				walkValue(v.Field(i), fn, seen)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			walkValue(v.Index(i), fn, seen)
		}
	}
}
