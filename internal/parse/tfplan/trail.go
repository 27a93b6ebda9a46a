package tfplan

import (
	"strings"

	"github.com/ctlint/ctlint/internal/model"
)

// emitTrail reads an aws_cloudtrail. Unlike HCL, a plan holds the
// provider's defaults for arguments nobody wrote (enable_logging = true,
// ...); they are what AWS will apply, so they are read as written.
func (p *parser) emitTrail(in *instance, v val) {
	t := &model.Trail{
		ID: in.addr, Range: p.blockRange(in), Account: model.AccountID,
		Name:                       v.str("name"),
		BucketName:                 v.str("s3_bucket_name"),
		Bucket:                     p.refAddress(in, "aws_s3_bucket", "s3_bucket_name"),
		S3KeyPrefix:                v.str("s3_key_prefix"),
		KMSKeyID:                   v.str("kms_key_id"),
		Key:                        p.keyRef(in, "kms_key_id"),
		IsMultiRegion:              v.boolean("is_multi_region_trail"),
		LogFileValidation:          v.boolean("enable_log_file_validation"),
		IsLogging:                  v.boolean("enable_logging"),
		IncludeGlobalServiceEvents: v.boolean("include_global_service_events"),
		IsOrganizationTrail:        v.boolean("is_organization_trail"),
		CloudWatchLogsGroupARN:     v.str("cloud_watch_logs_group_arn"),
		CloudWatchLogsRoleARN:      v.str("cloud_watch_logs_role_arn"),
		EventSelectors:             []*model.EventSelector{},
		AdvancedEventSelectors:     []*model.AdvancedEventSelector{},
	}
	// home_region and arn are computed: known in a state, unknown before
	// the first apply, when the ARN is built from markers instead.
	if hr := v.str("home_region"); hr != nil && hr.Known {
		t.HomeRegion = hr
	}
	name := t.Name.String()
	if name == "" {
		name = model.Unknown(in.addr + ".name")
	}
	t.ARN = model.TrailARN(model.Partition, model.Region, model.AccountID, name)
	if arn := v.str("arn"); arn != nil && arn.Known {
		t.ARN = arn.String()
		if parts := strings.SplitN(t.ARN, ":", 6); len(parts) == 6 && parts[4] != "" {
			t.Account = parts[4]
		}
	}
	for _, s := range v.items("event_selector") {
		t.EventSelectors = append(t.EventSelectors, &model.EventSelector{
			ReadWriteType:                 s.str("read_write_type"),
			IncludeManagementEvents:       s.boolean("include_management_events"),
			ExcludeManagementEventSources: s.values("exclude_management_event_sources"),
			Range:                         s.rng(),
		})
	}
	for _, s := range v.items("advanced_event_selector") {
		sel := &model.AdvancedEventSelector{Name: s.str("name"), Range: s.rng(), FieldSelectors: []*model.FieldSelector{}}
		for _, f := range s.items("field_selector") {
			sel.FieldSelectors = append(sel.FieldSelectors, &model.FieldSelector{
				Field:         f.str("field").String(),
				Equals:        f.values("equals"),
				NotEquals:     f.values("not_equals"),
				StartsWith:    f.values("starts_with"),
				NotStartsWith: f.values("not_starts_with"),
				EndsWith:      f.values("ends_with"),
				NotEndsWith:   f.values("not_ends_with"),
				Range:         f.rng(),
			})
		}
		t.AdvancedEventSelectors = append(t.AdvancedEventSelectors, sel)
	}
	p.doc.Trails = append(p.doc.Trails, t)
}
