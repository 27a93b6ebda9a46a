package model

// Policy kinds.
const (
	PolicyBucket   = "bucket"
	PolicyKey      = "key"
	PolicyIdentity = "identity" // a policy document with no known attachment
)

// Policy is an IAM policy document normalized once: Statement is always a list,
// Action, Resource and Principal values are always lists, and every element
// keeps its source range.
type Policy struct {
	// ID is unique within the document; IAM builtins look policies up by it.
	ID    string `json:"id"`
	Kind  string `json:"kind"`
	Range Range  `json:"range"`
	// Size is the policy's length in bytes as AWS counts it (JSON without
	// insignificant white space); 0 when not computable (unknown parts).
	Size    int   `json:"size"`
	Version *Attr `json:"version,omitempty"`
	// Unresolved is set when the whole document could not be resolved offline
	// (a data source, a module output): the expression text. Statements is then
	// empty and rules must not judge the policy.
	Unresolved string `json:"unresolved,omitempty"`
	// Truncated is set when the policy is far larger than AWS accepts and
	// only its first statements were read (a Problem says how many).
	// Statements are then a prefix: grammar rules still check them, but
	// rules must not judge what the policy allows or denies, since a
	// statement not read may deny what one read allows.
	Truncated  bool         `json:"truncated,omitempty"`
	Statements []*Statement `json:"statements"`
	// Problems are grammar errors the parser saw (unknown element, wrong type,
	// duplicate key); CT001 reports them.
	Problems []Problem `json:"problems"`
}

// Problem is a defect in a policy document found while normalizing it.
type Problem struct {
	Message string `json:"message"`
	Range   Range  `json:"range"`
}

// Statement is one policy statement.
type Statement struct {
	Index     int        `json:"index"`
	Range     Range      `json:"range"`
	Sid       *Attr      `json:"sid,omitempty"`
	Effect    *Attr      `json:"effect,omitempty"`
	Principal *Principal `json:"principal,omitempty"`
	// Action holds Action or NotAction (Negated); nil when neither is written.
	Action     *Element     `json:"action,omitempty"`
	Resource   *Element     `json:"resource,omitempty"`
	Conditions []*Condition `json:"conditions"`
}

// Element is an Action/NotAction or Resource/NotResource element.
type Element struct {
	Negated bool    `json:"negated"`
	Values  []Value `json:"values"`
	Range   Range   `json:"range"`
}

// Value is one string of a policy element, possibly holding unknown markers.
type Value struct {
	Value string `json:"value"`
	Range Range  `json:"range"`
}

// Principal is a Principal or NotPrincipal element.
type Principal struct {
	Negated bool `json:"negated"`
	// Entries are the principals named. "*" as the whole element is an entry
	// of type "*" with value "*".
	Entries []PrincipalEntry `json:"entries"`
	Range   Range            `json:"range"`
}

// PrincipalEntry is one principal: Type is AWS, Service, Federated,
// CanonicalUser or "*".
type PrincipalEntry struct {
	Type  string `json:"type"`
	Value string `json:"value"`
	Range Range  `json:"range"`
}

// Condition is one condition key under one operator. Operator and Key are kept
// as written; the IAM engine and the Rego input add canonical forms.
type Condition struct {
	Operator      string  `json:"operator"`
	Key           string  `json:"key"`
	Values        []Value `json:"values"`
	Range         Range   `json:"range"`
	OperatorRange Range   `json:"operator_range"`
}
