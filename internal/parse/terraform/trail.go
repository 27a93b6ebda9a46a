package terraform

import (
	"github.com/ctlint/ctlint/internal/model"
)

var trailSpec = spec{
	"event_selector":          {"data_resource": nil},
	"advanced_event_selector": {"field_selector": nil},
	"insight_selector":        nil,
}

// emitTrail reads an aws_cloudtrail. Arguments that are not written stay nil:
// the defaults (AWS-FACTS section 6) belong to the rules.
func (m *moduleInst) emitTrail(r *resourceDecl, inst *instance, e *env) {
	p := m.p
	c := e.read(r.body, trailSpec, r.rng)
	t := &model.Trail{
		ID: inst.addr, Range: p.rng(r.rng), Account: model.AccountID,
		Name:                       c.str("name"),
		BucketName:                 c.str("s3_bucket_name"),
		Bucket:                     e.refAddress(exprOf(c.attrs["s3_bucket_name"]), "aws_s3_bucket"),
		S3KeyPrefix:                c.str("s3_key_prefix"),
		KMSKeyID:                   c.str("kms_key_id"),
		Key:                        e.keyRef(exprOf(c.attrs["kms_key_id"])),
		IsMultiRegion:              c.boolean("is_multi_region_trail"),
		LogFileValidation:          c.boolean("enable_log_file_validation"),
		IsLogging:                  c.boolean("enable_logging"),
		IncludeGlobalServiceEvents: c.boolean("include_global_service_events"),
		IsOrganizationTrail:        c.boolean("is_organization_trail"),
		CloudWatchLogsGroupARN:     c.str("cloud_watch_logs_group_arn"),
		CloudWatchLogsRoleARN:      c.str("cloud_watch_logs_role_arn"),
		EventSelectors:             []*model.EventSelector{},
		AdvancedEventSelectors:     []*model.AdvancedEventSelector{},
	}
	name := t.Name.String()
	if name == "" {
		name = model.Unknown(inst.addr + ".name")
	}
	t.ARN = model.TrailARN(model.Partition, m.regionFor(r, inst), model.AccountID, name)
	for _, b := range c.blocksOf("event_selector") {
		s := b.read()
		t.EventSelectors = append(t.EventSelectors, &model.EventSelector{
			ReadWriteType:                 s.str("read_write_type"),
			IncludeManagementEvents:       s.boolean("include_management_events"),
			ExcludeManagementEventSources: orEmpty(s.values("exclude_management_event_sources")),
			Range:                         s.span(),
		})
	}
	for _, b := range c.blocksOf("advanced_event_selector") {
		s := b.read()
		sel := &model.AdvancedEventSelector{Name: s.str("name"), Range: s.span(), FieldSelectors: []*model.FieldSelector{}}
		for _, fb := range s.blocksOf("field_selector") {
			f := fb.read()
			sel.FieldSelectors = append(sel.FieldSelectors, &model.FieldSelector{
				Field:         f.str("field").String(),
				Equals:        orEmpty(f.values("equals")),
				NotEquals:     orEmpty(f.values("not_equals")),
				StartsWith:    orEmpty(f.values("starts_with")),
				NotStartsWith: orEmpty(f.values("not_starts_with")),
				EndsWith:      orEmpty(f.values("ends_with")),
				NotEndsWith:   orEmpty(f.values("not_ends_with")),
				Range:         f.span(),
			})
		}
		t.AdvancedEventSelectors = append(t.AdvancedEventSelectors, sel)
	}
	p.doc.Trails = append(p.doc.Trails, t)
}

// orEmpty keeps lists non-nil, so the rules' input always has arrays.
func orEmpty(v []model.Value) []model.Value {
	if v == nil {
		return []model.Value{}
	}
	return v
}
