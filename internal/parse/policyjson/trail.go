package policyjson

import (
	"strconv"
	"strings"

	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse"
	"github.com/ctlint/ctlint/internal/parse/tree"
)

// trails reads `aws cloudtrail describe-trails` ({"trailList": [...]}),
// `get-trail` ({"Trail": {...}}) or a bare trail object. Outputs of
// get-trail-status (IsLogging) and get-event-selectors (EventSelectors,
// AdvancedEventSelectors) are merged when they were combined into the same
// file: inside a trail object, or at the top level with a TrailARN naming
// the trail.
func (r *reader) trails(doc *model.Document) error {
	var nodes []*tree.Node
	switch {
	case r.root.Get("trailList") != nil:
		list, err := objects(r.root, "trailList")
		if err != nil {
			return err
		}
		nodes = list
	case r.root.Get("Trail") != nil:
		t, err := object(r.root, "Trail")
		if err != nil {
			return err
		}
		if t == nil {
			return parse.Errorf(r.root.Get("Trail").Range, "Trail must be an object")
		}
		nodes = []*tree.Node{t}
	case r.root.Kind == tree.Object:
		nodes = []*tree.Node{r.root}
	default:
		return parse.Errorf(r.root.Range, "not a trail: expected an object")
	}
	ids := trailIDs(r.file.Path, nodes)
	for i, n := range nodes {
		t, err := trail(n, ids[i])
		if err != nil {
			return err
		}
		if n != r.root && r.describes(t) {
			if err := mergeStatus(t, r.root); err != nil {
				return err
			}
		}
		doc.Trails = append(doc.Trails, t)
	}
	return nil
}

// describes reports whether the top level of the file holds status or
// selectors of trail t: it names t's ARN, or the file holds one trail and
// the top level names none.
func (r *reader) describes(t *model.Trail) bool {
	arn := r.root.Get("TrailARN")
	if arn == nil {
		return r.root.Get("Trail") != nil
	}
	return arn.Text != "" && (arn.Text == t.ARN || arn.Text == t.Name.String())
}

// trailIDs names each trail by the file, and by the trail's name when the
// file holds several (by index when names are missing or repeat).
func trailIDs(path string, nodes []*tree.Node) []string {
	if len(nodes) == 1 {
		return []string{path}
	}
	count := map[string]int{}
	for _, n := range nodes {
		count[n.Get("Name").Attr().String()]++
	}
	ids := make([]string, len(nodes))
	for i, n := range nodes {
		name := n.Get("Name").Attr().String()
		if name == "" || count[name] > 1 {
			name = strconv.Itoa(i)
		}
		ids[i] = path + "#trail/" + name
	}
	return ids
}

func trail(n *tree.Node, id string) (*model.Trail, error) {
	t := &model.Trail{
		ID:                         id,
		Name:                       attr(n, "Name"),
		Range:                      n.Range,
		BucketName:                 attr(n, "S3BucketName"),
		S3KeyPrefix:                attr(n, "S3KeyPrefix"),
		KMSKeyID:                   attr(n, "KmsKeyId", "KMSKeyId"),
		IsMultiRegion:              attr(n, "IsMultiRegionTrail"),
		LogFileValidation:          attr(n, "LogFileValidationEnabled", "EnableLogFileValidation"),
		IncludeGlobalServiceEvents: attr(n, "IncludeGlobalServiceEvents"),
		IsOrganizationTrail:        attr(n, "IsOrganizationTrail"),
		CloudWatchLogsGroupARN:     attr(n, "CloudWatchLogsLogGroupArn"),
		CloudWatchLogsRoleARN:      attr(n, "CloudWatchLogsRoleArn"),
		HomeRegion:                 attr(n, "HomeRegion"),
		EventSelectors:             []*model.EventSelector{},
		AdvancedEventSelectors:     []*model.AdvancedEventSelector{},
	}
	if arn := n.Get("TrailARN"); arn != nil && arn.Kind == tree.String {
		t.ARN = arn.Text
		t.Account = arnAccount(arn.Text)
	}
	if err := mergeStatus(t, n); err != nil {
		return nil, err
	}
	return t, nil
}

// mergeStatus reads IsLogging and event selectors from n into t.
func mergeStatus(t *model.Trail, n *tree.Node) error {
	if a := attr(n, "IsLogging"); a != nil {
		t.IsLogging = a
	}
	selectors, err := objects(n, "EventSelectors")
	if err != nil {
		return err
	}
	for _, s := range selectors {
		exclude, err := values(s, "ExcludeManagementEventSources")
		if err != nil {
			return err
		}
		t.EventSelectors = append(t.EventSelectors, &model.EventSelector{
			ReadWriteType:                 attr(s, "ReadWriteType"),
			IncludeManagementEvents:       attr(s, "IncludeManagementEvents"),
			ExcludeManagementEventSources: exclude,
			Range:                         s.Range,
		})
	}
	advanced, err := objects(n, "AdvancedEventSelectors")
	if err != nil {
		return err
	}
	for _, s := range advanced {
		a := &model.AdvancedEventSelector{Name: attr(s, "Name"), FieldSelectors: []*model.FieldSelector{}, Range: s.Range}
		fields, err := objects(s, "FieldSelectors")
		if err != nil {
			return err
		}
		for _, f := range fields {
			fs, err := fieldSelector(f)
			if err != nil {
				return err
			}
			a.FieldSelectors = append(a.FieldSelectors, fs)
		}
		t.AdvancedEventSelectors = append(t.AdvancedEventSelectors, a)
	}
	return nil
}

func fieldSelector(n *tree.Node) (*model.FieldSelector, error) {
	fs := &model.FieldSelector{Field: n.Get("Field").Attr().String(), Range: n.Range}
	for _, m := range []struct {
		name string
		dst  *[]model.Value
	}{
		{"Equals", &fs.Equals}, {"NotEquals", &fs.NotEquals},
		{"StartsWith", &fs.StartsWith}, {"NotStartsWith", &fs.NotStartsWith},
		{"EndsWith", &fs.EndsWith}, {"NotEndsWith", &fs.NotEndsWith},
	} {
		v, err := values(n, m.name)
		if err != nil {
			return nil, err
		}
		*m.dst = v
	}
	return fs, nil
}

// arnAccount returns the account field of an ARN, or "".
func arnAccount(arn string) string {
	parts := strings.SplitN(arn, ":", 6)
	if len(parts) != 6 || parts[0] != "arn" {
		return ""
	}
	return parts[4]
}
