package eval

import (
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/ctlint/ctlint/internal/model"
)

// Input builds the Rego input for d directly as an ast.Value, without a JSON
// round trip. Its shape is exactly that of encoding/json applied to d (a test
// holds the two together), plus canonical lowercase forms of condition
// operators and keys ("operator_lc", "key_lc") that rules compare against.
func Input(d *model.Document) ast.Value {
	return obj(
		kv("scope", obj(
			kv("kind", str(d.Scope.Kind)),
			kv("path", str(d.Scope.Path)),
			kv("files", strs(d.Scope.Files)),
			kvOmit("variant", d.Scope.Variant),
		)),
		kv("settings", obj(
			kv("retention_days", ast.IntNumberTerm(d.Settings.RetentionDays).Value),
			kv("log_bucket_scope", str(d.Settings.LogBucketScope)),
		)),
		kv("buckets", list(d.Buckets, bucketAST)),
		kv("bucket_policies", list(d.BucketPolicies, func(bp *model.BucketPolicy) ast.Value {
			return obj(
				kv("id", str(bp.ID)),
				kv("bucket", str(bp.Bucket)),
				opt("bucket_name", bp.BucketName),
				kv("policy", policyAST(bp.Policy)),
				kv("range", rangeAST(bp.Range)),
			)
		})),
		kv("keys", list(d.Keys, keyAST)),
		kv("lifecycles", list(d.Lifecycles, lifecycleAST)),
		kv("trails", list(d.Trails, trailAST)),
		kv("public_access_blocks", list(d.PublicAccessBlocks, func(p *model.PublicAccessBlock) ast.Value {
			return obj(
				kv("id", str(p.ID)),
				kv("bucket", str(p.Bucket)),
				opt("bucket_name", p.BucketName),
				opt("block_public_acls", p.BlockPublicAcls),
				opt("ignore_public_acls", p.IgnorePublicAcls),
				opt("block_public_policy", p.BlockPublicPolicy),
				opt("restrict_public_buckets", p.RestrictPublicBuckets),
				kv("range", rangeAST(p.Range)),
			)
		})),
		kv("other_policies", list(d.OtherPolicies, policyAST)),
		kv("unresolved", list(d.Unresolved, func(u model.Unresolved) ast.Value {
			return obj(
				kv("expr", str(u.Expr)),
				kv("reason", str(u.Reason)),
				kv("resource", str(u.Resource)),
				kv("range", rangeAST(u.Range)),
			)
		})),
	)
}

func bucketAST(b *model.Bucket) ast.Value {
	items := []item{
		kv("id", str(b.ID)),
		opt("name", b.Name),
		kv("arn", str(b.ARN)),
		kv("range", rangeAST(b.Range)),
		opt("acl", b.ACL),
		kv("grants", list(b.Grants, func(g model.Grant) ast.Value {
			return obj(
				kv("grantee_type", str(g.GranteeType)),
				kv("grantee", str(g.Grantee)),
				kv("permission", str(g.Permission)),
				kv("range", rangeAST(g.Range)),
			)
		})),
		opt("object_ownership", b.ObjectOwnership),
		opt("requester_pays", b.RequesterPays),
		kv("policy", str(b.Policy)),
		kv("lifecycle", str(b.Lifecycle)),
		kv("public_access_block", str(b.PublicAccessBlock)),
		kv("is_log_bucket", ast.Boolean(b.IsLogBucket)),
		kv("is_access_log_target", ast.Boolean(b.IsAccessLogTarget)),
		kv("partial", ast.Boolean(b.Partial)),
	}
	if v := b.Versioning; v != nil {
		items = append(items, kv("versioning", obj(opt("status", v.Status), opt("mfa_delete", v.MFADelete), kv("range", rangeAST(v.Range)))))
	}
	if e := b.Encryption; e != nil {
		items = append(items, kv("encryption", obj(
			opt("algorithm", e.Algorithm),
			opt("kms_key_id", e.KMSKeyID),
			opt("bucket_key_enabled", e.BucketKeyEnabled),
			kv("key", str(e.Key)),
			kv("range", rangeAST(e.Range)),
		)))
	}
	if l := b.Logging; l != nil {
		items = append(items, kv("logging", obj(
			opt("target_bucket", l.TargetBucket),
			opt("target_prefix", l.TargetPrefix),
			kv("target", str(l.Target)),
			kv("range", rangeAST(l.Range)),
		)))
	}
	if o := b.ObjectLock; o != nil {
		items = append(items, kv("object_lock", obj(
			opt("enabled", o.Enabled),
			opt("mode", o.Mode),
			opt("days", o.Days),
			opt("years", o.Years),
			kv("range", rangeAST(o.Range)),
		)))
	}
	return obj(items...)
}

func keyAST(k *model.Key) ast.Value {
	return obj(
		kv("id", str(k.ID)),
		kv("arn", str(k.ARN)),
		kv("range", rangeAST(k.Range)),
		kv("policy", policyAST(k.Policy)),
		opt("rotation_enabled", k.RotationEnabled),
		opt("rotation_period_days", k.RotationPeriodDays),
		opt("key_spec", k.KeySpec),
		opt("key_usage", k.KeyUsage),
		kv("aliases", strs(k.Aliases)),
	)
}

func lifecycleAST(l *model.Lifecycle) ast.Value {
	return obj(
		kv("id", str(l.ID)),
		kv("bucket", str(l.Bucket)),
		opt("bucket_name", l.BucketName),
		kv("rules", list(l.Rules, ruleAST)),
		kv("range", rangeAST(l.Range)),
	)
}

func ruleAST(r *model.LifecycleRule) ast.Value {
	items := []item{
		kv("index", ast.IntNumberTerm(r.Index).Value),
		opt("id", r.ID),
		opt("status", r.Status),
		kv("range", rangeAST(r.Range)),
		kv("transitions", list(r.Transitions, transitionAST)),
		kv("noncurrent_version_transitions", list(r.NoncurrentVersionTransitions, transitionAST)),
		opt("abort_incomplete_multipart_upload_days", r.AbortIncompleteMultipartUpload),
	}
	if f := r.Filter; f != nil {
		items = append(items, kv("filter", obj(
			opt("prefix", f.Prefix),
			kv("tags", list(f.Tags, func(t model.Tag) ast.Value {
				return obj(kv("key", str(t.Key)), kv("value", str(t.Value)), kv("range", rangeAST(t.Range)))
			})),
			opt("object_size_greater_than", f.ObjectSizeGreaterThan),
			opt("object_size_less_than", f.ObjectSizeLessThan),
			kv("range", rangeAST(f.Range)),
		)))
	}
	if e := r.Expiration; e != nil {
		items = append(items, kv("expiration", obj(
			opt("days", e.Days),
			opt("date", e.Date),
			opt("expired_object_delete_marker", e.ExpiredObjectDeleteMarker),
			kv("range", rangeAST(e.Range)),
		)))
	}
	if n := r.NoncurrentVersionExpiration; n != nil {
		items = append(items, kv("noncurrent_version_expiration", obj(
			opt("noncurrent_days", n.NoncurrentDays),
			opt("newer_noncurrent_versions", n.NewerNoncurrentVersions),
			kv("range", rangeAST(n.Range)),
		)))
	}
	return obj(items...)
}

func transitionAST(t *model.Transition) ast.Value {
	return obj(opt("days", t.Days), opt("date", t.Date), opt("storage_class", t.StorageClass), kv("range", rangeAST(t.Range)))
}

func trailAST(t *model.Trail) ast.Value {
	return obj(
		kv("id", str(t.ID)),
		opt("name", t.Name),
		kv("arn", str(t.ARN)),
		kv("range", rangeAST(t.Range)),
		opt("bucket_name", t.BucketName),
		kv("bucket", str(t.Bucket)),
		opt("s3_key_prefix", t.S3KeyPrefix),
		opt("kms_key_id", t.KMSKeyID),
		kv("key", str(t.Key)),
		opt("is_multi_region", t.IsMultiRegion),
		opt("log_file_validation", t.LogFileValidation),
		opt("is_logging", t.IsLogging),
		opt("include_global_service_events", t.IncludeGlobalServiceEvents),
		opt("is_organization_trail", t.IsOrganizationTrail),
		opt("cloud_watch_logs_group_arn", t.CloudWatchLogsGroupARN),
		opt("cloud_watch_logs_role_arn", t.CloudWatchLogsRoleARN),
		opt("home_region", t.HomeRegion),
		kv("account", str(t.Account)),
		kv("organization_id", str(t.OrganizationID)),
		kv("event_selectors", list(t.EventSelectors, func(e *model.EventSelector) ast.Value {
			return obj(
				opt("read_write_type", e.ReadWriteType),
				opt("include_management_events", e.IncludeManagementEvents),
				kv("exclude_management_event_sources", values(e.ExcludeManagementEventSources)),
				kv("range", rangeAST(e.Range)),
			)
		})),
		kv("advanced_event_selectors", list(t.AdvancedEventSelectors, func(a *model.AdvancedEventSelector) ast.Value {
			return obj(
				opt("name", a.Name),
				kv("field_selectors", list(a.FieldSelectors, func(f *model.FieldSelector) ast.Value {
					return obj(
						kv("field", str(f.Field)),
						kv("equals", values(f.Equals)),
						kv("not_equals", values(f.NotEquals)),
						kv("starts_with", values(f.StartsWith)),
						kv("not_starts_with", values(f.NotStartsWith)),
						kv("ends_with", values(f.EndsWith)),
						kv("not_ends_with", values(f.NotEndsWith)),
						kv("range", rangeAST(f.Range)),
					)
				})),
				kv("range", rangeAST(a.Range)),
			)
		})),
	)
}

func policyAST(p *model.Policy) ast.Value {
	if p == nil {
		return ast.Null{}
	}
	items := []item{
		kv("id", str(p.ID)),
		kv("kind", str(p.Kind)),
		kv("range", rangeAST(p.Range)),
		kv("size", ast.IntNumberTerm(p.Size).Value),
		opt("version", p.Version),
		kv("statements", list(p.Statements, statementAST)),
		kv("problems", list(p.Problems, func(pr model.Problem) ast.Value {
			return obj(kv("message", str(pr.Message)), kv("range", rangeAST(pr.Range)))
		})),
	}
	if p.Unresolved != "" {
		items = append(items, kv("unresolved", str(p.Unresolved)))
	}
	if p.Truncated {
		items = append(items, kv("truncated", ast.Boolean(true)))
	}
	return obj(items...)
}

func statementAST(s *model.Statement) ast.Value {
	items := []item{
		kv("index", ast.IntNumberTerm(s.Index).Value),
		kv("range", rangeAST(s.Range)),
		opt("sid", s.Sid),
		opt("effect", s.Effect),
		kv("conditions", list(s.Conditions, func(c *model.Condition) ast.Value {
			return obj(
				kv("operator", str(c.Operator)),
				kv("operator_lc", str(strings.ToLower(c.Operator))),
				kv("key", str(c.Key)),
				kv("key_lc", str(strings.ToLower(c.Key))),
				kv("values", values(c.Values)),
				kv("range", rangeAST(c.Range)),
				kv("operator_range", rangeAST(c.OperatorRange)),
			)
		})),
	}
	if p := s.Principal; p != nil {
		items = append(items, kv("principal", obj(
			kv("negated", ast.Boolean(p.Negated)),
			kv("entries", list(p.Entries, func(e model.PrincipalEntry) ast.Value {
				return obj(kv("type", str(e.Type)), kv("value", str(e.Value)), kv("range", rangeAST(e.Range)))
			})),
			kv("range", rangeAST(p.Range)),
		)))
	}
	if s.Action != nil {
		items = append(items, kv("action", elementAST(s.Action)))
	}
	if s.Resource != nil {
		items = append(items, kv("resource", elementAST(s.Resource)))
	}
	return obj(items...)
}

func elementAST(e *model.Element) ast.Value {
	return obj(kv("negated", ast.Boolean(e.Negated)), kv("values", values(e.Values)), kv("range", rangeAST(e.Range)))
}

func values(vs []model.Value) ast.Value {
	return list(vs, func(v model.Value) ast.Value { return obj(kv("value", str(v.Value)), kv("range", rangeAST(v.Range))) })
}

func rangeAST(r model.Range) ast.Value {
	return obj(
		kv("file", str(r.File)),
		kv("line", ast.IntNumberTerm(r.Line).Value),
		kv("column", ast.IntNumberTerm(r.Column).Value),
		kv("end_line", ast.IntNumberTerm(r.EndLine).Value),
		kv("end_column", ast.IntNumberTerm(r.EndColumn).Value),
	)
}

func attrAST(a *model.Attr) ast.Value {
	var v ast.Value = ast.Null{}
	switch x := a.Value.(type) {
	case string:
		v = ast.String(x)
	case bool:
		v = ast.Boolean(x)
	case float64:
		v = ast.FloatNumberTerm(x).Value
	case int:
		v = ast.IntNumberTerm(x).Value
	}
	return obj(kv("value", v), kv("known", ast.Boolean(a.Known)), kv("range", rangeAST(a.Range)))
}

// item is one key/value pair of an object under construction; a nil value
// (an omitted optional field) is skipped by obj.
type item struct {
	key   string
	value ast.Value
}

func kv(k string, v ast.Value) item { return item{k, v} }

// kvOmit adds a string member only when it is not empty (json omitempty).
func kvOmit(k, v string) item {
	if v == "" {
		return item{}
	}
	return item{k, ast.String(v)}
}

func opt(k string, a *model.Attr) item {
	if a == nil {
		return item{}
	}
	return item{k, attrAST(a)}
}

func obj(items ...item) ast.Value {
	terms := make([][2]*ast.Term, 0, len(items))
	for _, it := range items {
		if it.value != nil {
			terms = append(terms, [2]*ast.Term{ast.StringTerm(it.key), ast.NewTerm(it.value)})
		}
	}
	return ast.NewObject(terms...)
}

func str(s string) ast.Value { return ast.String(s) }

func strs(ss []string) ast.Value {
	terms := make([]*ast.Term, len(ss))
	for i, s := range ss {
		terms[i] = ast.StringTerm(s)
	}
	return ast.NewArray(terms...)
}

func list[T any](xs []T, f func(T) ast.Value) ast.Value {
	terms := make([]*ast.Term, len(xs))
	for i, x := range xs {
		terms[i] = ast.NewTerm(f(x))
	}
	return ast.NewArray(terms...)
}
