package cloudformation

import (
	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse/tree"
)

// trail reads AWS::CloudTrail::Trail. Without TrailName CloudFormation
// generates a name, which stays unknown.
func (b *builder) trail(res *resource, p *tree.Node) {
	t := &model.Trail{
		ID:                         res.ID,
		Range:                      res.Range,
		Name:                       b.attr(p, "TrailName"),
		BucketName:                 b.attr(p, "S3BucketName"),
		Bucket:                     b.linkOf(p, "S3BucketName"),
		S3KeyPrefix:                b.attr(p, "S3KeyPrefix"),
		KMSKeyID:                   b.attr(p, "KMSKeyId"),
		Key:                        b.linkOf(p, "KMSKeyId"),
		IsMultiRegion:              b.boolAttr(p, "IsMultiRegionTrail"),
		LogFileValidation:          b.boolAttr(p, "EnableLogFileValidation"),
		IsLogging:                  b.boolAttr(p, "IsLogging"),
		IncludeGlobalServiceEvents: b.boolAttr(p, "IncludeGlobalServiceEvents"),
		IsOrganizationTrail:        b.boolAttr(p, "IsOrganizationTrail"),
		CloudWatchLogsGroupARN:     b.attr(p, "CloudWatchLogsLogGroupArn"),
		CloudWatchLogsRoleARN:      b.attr(p, "CloudWatchLogsRoleArn"),
		Account:                    model.AccountID,
		EventSelectors:             []*model.EventSelector{},
		AdvancedEventSelectors:     []*model.AdvancedEventSelector{},
	}
	if t.Name == nil {
		t.Name = model.UnknownAttr(res.ID+".TrailName", res.KeyRange)
	}
	t.ARN = model.TrailARN(model.Partition, model.Region, model.AccountID, t.Name.String())
	for _, es := range objects(p, "EventSelectors") {
		t.EventSelectors = append(t.EventSelectors, &model.EventSelector{
			ReadWriteType:                 b.attr(es, "ReadWriteType"),
			IncludeManagementEvents:       b.boolAttr(es, "IncludeManagementEvents"),
			ExcludeManagementEventSources: orEmpty(values(es, "ExcludeManagementEventSources")),
			Range:                         es.Range,
		})
	}
	for _, aes := range objects(p, "AdvancedEventSelectors") {
		sel := &model.AdvancedEventSelector{Name: b.attr(aes, "Name"), Range: aes.Range, FieldSelectors: []*model.FieldSelector{}}
		for _, fs := range objects(aes, "FieldSelectors") {
			name, _ := textOf(fs.Get("Field"))
			sel.FieldSelectors = append(sel.FieldSelectors, &model.FieldSelector{
				Field:         name,
				Equals:        orEmpty(values(fs, "Equals")),
				NotEquals:     orEmpty(values(fs, "NotEquals")),
				StartsWith:    orEmpty(values(fs, "StartsWith")),
				NotStartsWith: orEmpty(values(fs, "NotStartsWith")),
				EndsWith:      orEmpty(values(fs, "EndsWith")),
				NotEndsWith:   orEmpty(values(fs, "NotEndsWith")),
				Range:         fs.Range,
			})
		}
		t.AdvancedEventSelectors = append(t.AdvancedEventSelectors, sel)
	}
	b.doc.Trails = append(b.doc.Trails, t)
}

// orEmpty keeps lists non-nil so that the rules' input always has arrays.
func orEmpty(v []model.Value) []model.Value {
	if v == nil {
		return []model.Value{}
	}
	return v
}
