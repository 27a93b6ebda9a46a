package iam

// Kleene's strong three-valued logic: False dominates AND, True dominates OR,
// and Maybe stays Maybe unless the other operand decides the result.

// And is the Kleene conjunction of t and u.
func (t Tri) And(u Tri) Tri {
	switch {
	case t == False || u == False:
		return False
	case t == Maybe || u == Maybe:
		return Maybe
	}
	return True
}

// Or is the Kleene disjunction of t and u.
func (t Tri) Or(u Tri) Tri {
	switch {
	case t == True || u == True:
		return True
	case t == Maybe || u == Maybe:
		return Maybe
	}
	return False
}

// Not swaps True and False and keeps Maybe.
func (t Tri) Not() Tri {
	switch t {
	case True:
		return False
	case False:
		return True
	}
	return Maybe
}

func triOf(b bool) Tri {
	if b {
		return True
	}
	return False
}
