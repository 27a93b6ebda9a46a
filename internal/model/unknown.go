package model

import "strings"

// Values that cannot be resolved offline are written into strings as markers:
// «expression». A whole value may be a marker ("«var.bucket_name»") or only a
// part of it ("arn:aws:s3:::«var.bucket_name»/AWSLogs/*"). Keeping them inline
// lets the IAM engine match partly known ARNs and tell "certainly not", "certainly"
// and "cannot say" apart, instead of guessing.
const (
	markerOpen  = "«"
	markerClose = "»"
)

// Well-known unknowns shared by every input format. Parsers map the scope's own
// account, region and partition (data.aws_caller_identity, AWS::AccountId, ...)
// to these symbols so that rules can still tell "the same account" apart from
// "another account" without knowing the number.
var (
	AccountID = Unknown("AWS::AccountId")
	Region    = Unknown("AWS::Region")
	Partition = Unknown("AWS::Partition")
)

// stripMarkers removes marker delimiters from an expression's text.
var stripMarkers = strings.NewReplacer(markerOpen, "", markerClose, "")

// Unknown returns the marker for a value written as expr that cannot be known.
func Unknown(expr string) string {
	return markerOpen + stripMarkers.Replace(expr) + markerClose
}

// HasUnknown reports whether s contains any unknown marker.
func HasUnknown(s string) bool { return strings.Contains(s, markerOpen) }

// IsUnknown reports whether s is exactly one unknown marker.
func IsUnknown(s string) bool {
	return strings.HasPrefix(s, markerOpen) && strings.HasSuffix(s, markerClose) &&
		strings.Count(s, markerOpen) == 1
}

// Segment is a piece of a string that may hold unknown markers: literal text,
// or the expression of an unknown part.
type Segment struct {
	Text    string
	Unknown bool
}

// Segments splits s into literal text and unknown parts, in order.
func Segments(s string) []Segment {
	var out []Segment
	for s != "" {
		i := strings.Index(s, markerOpen)
		if i < 0 {
			out = append(out, Segment{Text: s})
			break
		}
		if i > 0 {
			out = append(out, Segment{Text: s[:i]})
		}
		rest := s[i+len(markerOpen):]
		j := strings.Index(rest, markerClose)
		if j < 0 { // unterminated: treat the remainder as literal text
			out = append(out, Segment{Text: s[i:]})
			break
		}
		out = append(out, Segment{Text: rest[:j], Unknown: true})
		s = rest[j+len(markerClose):]
	}
	return out
}

// Display renders s for people: unknown parts as ${expression}, the way
// Terraform and CloudFormation's Fn::Sub write them.
func Display(s string) string {
	if !HasUnknown(s) {
		return s
	}
	var b strings.Builder
	for _, seg := range Segments(s) {
		if seg.Unknown {
			b.WriteString("${" + seg.Text + "}")
		} else {
			b.WriteString(seg.Text)
		}
	}
	return b.String()
}
