package iam

import "github.com/ctlint/ctlint/internal/model"

// Placeholder implementations; replaced by the engine.

func evaluate(p *model.Policy, req Request) Decision { return Decision{Effect: Undecided} }

func matchStatement(s *model.Statement, req Request) Tri { return Maybe }

// ActionKnown reports whether action (service:Name, case-insensitive, may
// contain * and ?) names at least one action in the IAM catalog.
func ActionKnown(action string) bool { return true }

// SuggestAction returns the catalog action closest to an unknown action name,
// or "" when nothing is close.
func SuggestAction(action string) string { return "" }

// OperatorKnown reports whether op (with optional ForAllValues:/ForAnyValue:
// prefix and IfExists suffix) is a condition operator IAM defines.
func OperatorKnown(op string) bool { return true }
