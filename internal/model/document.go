package model

// Scope kinds: which parser produced a document.
const (
	ScopePolicyJSON     = "policyjson"
	ScopeTerraform      = "terraform"
	ScopeTerraformPlan  = "tfplan"
	ScopeCloudFormation = "cloudformation"
)

// Document is everything ctlint knows about one scope: a Terraform module
// directory, a CloudFormation template, a plan, or one raw JSON input. Links
// between entities (a trail's bucket, a policy's bucket) are resolved by the
// parser and stored as entity IDs.
type Document struct {
	Scope              Scope                `json:"scope"`
	Settings           Settings             `json:"settings"`
	Buckets            []*Bucket            `json:"buckets"`
	BucketPolicies     []*BucketPolicy      `json:"bucket_policies"`
	Keys               []*Key               `json:"keys"`
	Lifecycles         []*Lifecycle         `json:"lifecycles"`
	Trails             []*Trail             `json:"trails"`
	PublicAccessBlocks []*PublicAccessBlock `json:"public_access_blocks"`
	// Policies that are neither bucket nor key policies (a raw policy whose
	// kind could not be told), still checked by the grammar rules.
	OtherPolicies []*Policy `json:"other_policies"`
	// Unresolved lists values the parser could not resolve offline and that
	// are not attached to any entity (a remote module, a file outside the
	// lint root). CT007 reports them.
	Unresolved []Unresolved `json:"unresolved"`

	// Suppressions declared in the input's own structure (CloudFormation
	// resource Metadata). Comment suppressions are read from the source text
	// by the config package. Not part of the rules' input.
	Suppressions []Suppression `json:"-"`
}

// Suppression silences rules for one resource.
type Suppression struct {
	RuleIDs  []string
	Reason   string
	Expires  string // YYYY-MM-DD or ""
	Resource string // entity ID
	Range    Range  // the resource, or the suppression entry
}

// Scope describes where a document came from.
type Scope struct {
	Kind  string   `json:"kind"`
	Path  string   `json:"path"`
	Files []string `json:"files"`
	// Variant names one assignment of conditions that could not be decided
	// offline (CloudFormation Conditions), e.g. "IsProd=false". A parser that
	// cannot decide a condition returns one document per variant; findings
	// present in every variant are certain, the others are reported as
	// possible. "" for the only variant.
	Variant string `json:"variant,omitempty"`
}

// Settings are the options that rules read.
type Settings struct {
	RetentionDays int `json:"retention_days"`
	// LogBucketScope is "cloudtrail" (CT5xx only for buckets a trail writes to
	// or whose policy grants CloudTrail) or "all".
	LogBucketScope string `json:"log_bucket_scope"`
}

// Unresolved is a value that could not be resolved offline.
type Unresolved struct {
	Expr     string `json:"expr"`
	Reason   string `json:"reason"`
	Resource string `json:"resource"`
	Range    Range  `json:"range"`
}

// Bucket is an S3 bucket declared in the scope, with every setting that was
// written for it, whether inline or in a separate resource.
type Bucket struct {
	ID    string `json:"id"`
	Name  *Attr  `json:"name,omitempty"`
	ARN   string `json:"arn"`
	Range Range  `json:"range"`

	ACL             *Attr       `json:"acl,omitempty"`
	Grants          []Grant     `json:"grants"`
	ObjectOwnership *Attr       `json:"object_ownership,omitempty"`
	Versioning      *Versioning `json:"versioning,omitempty"`
	Encryption      *Encryption `json:"encryption,omitempty"`
	Logging         *Logging    `json:"logging,omitempty"`
	ObjectLock      *ObjectLock `json:"object_lock,omitempty"`
	RequesterPays   *Attr       `json:"requester_pays,omitempty"`

	// Links to other entities by ID; "" when none is in scope.
	Policy            string `json:"policy"`
	Lifecycle         string `json:"lifecycle"`
	PublicAccessBlock string `json:"public_access_block"`

	// Computed by the linker: a trail in scope writes here, or the bucket
	// policy grants cloudtrail.amazonaws.com; another bucket's access logging
	// targets this bucket.
	IsLogBucket       bool `json:"is_log_bucket"`
	IsAccessLogTarget bool `json:"is_access_log_target"`

	// Partial marks a bucket known only from some of its settings (a raw
	// encryption or versioning configuration): rules judge what is written and
	// never complain about what is missing.
	Partial bool `json:"partial"`
}

// Grant is one ACL grant.
type Grant struct {
	GranteeType string `json:"grantee_type"` // CanonicalUser, Group, AmazonCustomerByEmail
	Grantee     string `json:"grantee"`      // ID, URI or email
	Permission  string `json:"permission"`
	Range       Range  `json:"range"`
}

// Versioning is a bucket's versioning configuration.
type Versioning struct {
	Status    *Attr `json:"status,omitempty"` // Enabled, Suspended, Disabled
	MFADelete *Attr `json:"mfa_delete,omitempty"`
	Range     Range `json:"range"`
}

// Encryption is a bucket's default encryption.
type Encryption struct {
	Algorithm        *Attr  `json:"algorithm,omitempty"` // AES256, aws:kms, aws:kms:dsse
	KMSKeyID         *Attr  `json:"kms_key_id,omitempty"`
	BucketKeyEnabled *Attr  `json:"bucket_key_enabled,omitempty"`
	Key              string `json:"key"` // linked key ID
	Range            Range  `json:"range"`
}

// Logging is a bucket's server access logging.
type Logging struct {
	TargetBucket *Attr  `json:"target_bucket,omitempty"`
	TargetPrefix *Attr  `json:"target_prefix,omitempty"`
	Target       string `json:"target"` // linked bucket ID
	Range        Range  `json:"range"`
}

// ObjectLock is a bucket's Object Lock configuration.
type ObjectLock struct {
	Enabled *Attr `json:"enabled,omitempty"`
	Mode    *Attr `json:"mode,omitempty"` // GOVERNANCE, COMPLIANCE
	Days    *Attr `json:"days,omitempty"`
	Years   *Attr `json:"years,omitempty"`
	Range   Range `json:"range"`
}

// BucketPolicy attaches a policy to a bucket.
type BucketPolicy struct {
	ID         string  `json:"id"`
	Bucket     string  `json:"bucket"` // linked bucket ID
	BucketName *Attr   `json:"bucket_name,omitempty"`
	Policy     *Policy `json:"policy"`
	Range      Range   `json:"range"`
}

// Key is a KMS key.
type Key struct {
	ID    string `json:"id"`
	ARN   string `json:"arn"`
	Range Range  `json:"range"`
	// Policy is nil when no key policy is written (AWS applies its default,
	// which lets the account's IAM policies manage the key).
	Policy             *Policy  `json:"policy"`
	RotationEnabled    *Attr    `json:"rotation_enabled,omitempty"`
	RotationPeriodDays *Attr    `json:"rotation_period_days,omitempty"`
	KeySpec            *Attr    `json:"key_spec,omitempty"`
	KeyUsage           *Attr    `json:"key_usage,omitempty"`
	Aliases            []string `json:"aliases"`
}

// Lifecycle is a bucket's lifecycle configuration.
type Lifecycle struct {
	ID         string           `json:"id"`
	Bucket     string           `json:"bucket"`
	BucketName *Attr            `json:"bucket_name,omitempty"`
	Rules      []*LifecycleRule `json:"rules"`
	Range      Range            `json:"range"`
}

// LifecycleRule is one lifecycle rule.
type LifecycleRule struct {
	Index  int     `json:"index"`
	ID     *Attr   `json:"id,omitempty"`
	Status *Attr   `json:"status,omitempty"` // Enabled, Disabled
	Filter *Filter `json:"filter,omitempty"` // nil: applies to every object
	Range  Range   `json:"range"`

	Expiration                     *Expiration           `json:"expiration,omitempty"`
	NoncurrentVersionExpiration    *NoncurrentExpiration `json:"noncurrent_version_expiration,omitempty"`
	Transitions                    []*Transition         `json:"transitions"`
	NoncurrentVersionTransitions   []*Transition         `json:"noncurrent_version_transitions"`
	AbortIncompleteMultipartUpload *Attr                 `json:"abort_incomplete_multipart_upload_days,omitempty"`
}

// Filter selects the objects a lifecycle rule applies to. An empty filter
// (every field nil) selects every object.
type Filter struct {
	Prefix                *Attr `json:"prefix,omitempty"`
	Tags                  []Tag `json:"tags"`
	ObjectSizeGreaterThan *Attr `json:"object_size_greater_than,omitempty"`
	ObjectSizeLessThan    *Attr `json:"object_size_less_than,omitempty"`
	Range                 Range `json:"range"`
}

// Tag is a key/value tag in a lifecycle filter.
type Tag struct {
	Key   string `json:"key"`
	Value string `json:"value"`
	Range Range  `json:"range"`
}

// Expiration expires current object versions.
type Expiration struct {
	Days                      *Attr `json:"days,omitempty"`
	Date                      *Attr `json:"date,omitempty"`
	ExpiredObjectDeleteMarker *Attr `json:"expired_object_delete_marker,omitempty"`
	Range                     Range `json:"range"`
}

// NoncurrentExpiration permanently deletes noncurrent versions.
type NoncurrentExpiration struct {
	NoncurrentDays          *Attr `json:"noncurrent_days,omitempty"`
	NewerNoncurrentVersions *Attr `json:"newer_noncurrent_versions,omitempty"`
	Range                   Range `json:"range"`
}

// Transition moves objects to another storage class. For noncurrent
// transitions Days holds NoncurrentDays.
type Transition struct {
	Days         *Attr `json:"days,omitempty"`
	Date         *Attr `json:"date,omitempty"`
	StorageClass *Attr `json:"storage_class,omitempty"`
	Range        Range `json:"range"`
}

// Trail is a CloudTrail trail.
type Trail struct {
	ID   string `json:"id"`
	Name *Attr  `json:"name,omitempty"`
	// ARN is arn:<partition>:cloudtrail:<region>:<account>:trail/<name>, with
	// unknown parts as markers.
	ARN   string `json:"arn"`
	Range Range  `json:"range"`

	BucketName  *Attr  `json:"bucket_name,omitempty"`
	Bucket      string `json:"bucket"` // linked bucket ID
	S3KeyPrefix *Attr  `json:"s3_key_prefix,omitempty"`
	KMSKeyID    *Attr  `json:"kms_key_id,omitempty"`
	Key         string `json:"key"` // linked key ID

	IsMultiRegion              *Attr  `json:"is_multi_region,omitempty"`
	LogFileValidation          *Attr  `json:"log_file_validation,omitempty"`
	IsLogging                  *Attr  `json:"is_logging,omitempty"`
	IncludeGlobalServiceEvents *Attr  `json:"include_global_service_events,omitempty"`
	IsOrganizationTrail        *Attr  `json:"is_organization_trail,omitempty"`
	CloudWatchLogsGroupARN     *Attr  `json:"cloud_watch_logs_group_arn,omitempty"`
	CloudWatchLogsRoleARN      *Attr  `json:"cloud_watch_logs_role_arn,omitempty"`
	HomeRegion                 *Attr  `json:"home_region,omitempty"`
	Account                    string `json:"account"`         // account id or marker
	OrganizationID             string `json:"organization_id"` // known org id or ""

	EventSelectors         []*EventSelector         `json:"event_selectors"`
	AdvancedEventSelectors []*AdvancedEventSelector `json:"advanced_event_selectors"`
}

// EventSelector is a classic event selector.
type EventSelector struct {
	ReadWriteType                 *Attr   `json:"read_write_type,omitempty"`
	IncludeManagementEvents       *Attr   `json:"include_management_events,omitempty"`
	ExcludeManagementEventSources []Value `json:"exclude_management_event_sources"`
	Range                         Range   `json:"range"`
}

// AdvancedEventSelector is an advanced event selector.
type AdvancedEventSelector struct {
	Name           *Attr            `json:"name,omitempty"`
	FieldSelectors []*FieldSelector `json:"field_selectors"`
	Range          Range            `json:"range"`
}

// FieldSelector is one field condition of an advanced event selector.
type FieldSelector struct {
	Field         string  `json:"field"`
	Equals        []Value `json:"equals"`
	NotEquals     []Value `json:"not_equals"`
	StartsWith    []Value `json:"starts_with"`
	NotStartsWith []Value `json:"not_starts_with"`
	EndsWith      []Value `json:"ends_with"`
	NotEndsWith   []Value `json:"not_ends_with"`
	Range         Range   `json:"range"`
}

// PublicAccessBlock is a bucket's public access block.
type PublicAccessBlock struct {
	ID                    string `json:"id"`
	Bucket                string `json:"bucket"`
	BucketName            *Attr  `json:"bucket_name,omitempty"`
	BlockPublicAcls       *Attr  `json:"block_public_acls,omitempty"`
	IgnorePublicAcls      *Attr  `json:"ignore_public_acls,omitempty"`
	BlockPublicPolicy     *Attr  `json:"block_public_policy,omitempty"`
	RestrictPublicBuckets *Attr  `json:"restrict_public_buckets,omitempty"`
	Range                 Range  `json:"range"`
}

// Policies returns every policy in the document, bucket policies first, then
// key policies, then the others, each in document order.
func (d *Document) Policies() []*Policy {
	var out []*Policy
	for _, bp := range d.BucketPolicies {
		if bp.Policy != nil {
			out = append(out, bp.Policy)
		}
	}
	for _, k := range d.Keys {
		if k.Policy != nil {
			out = append(out, k.Policy)
		}
	}
	return append(out, d.OtherPolicies...)
}

// Normalize makes every list of d non-nil, so that the document marshals to
// arrays, never nulls, as the input schema says.
func (d *Document) Normalize() {
	if d.Buckets == nil {
		d.Buckets = []*Bucket{}
	}
	if d.BucketPolicies == nil {
		d.BucketPolicies = []*BucketPolicy{}
	}
	if d.Keys == nil {
		d.Keys = []*Key{}
	}
	if d.Lifecycles == nil {
		d.Lifecycles = []*Lifecycle{}
	}
	if d.Trails == nil {
		d.Trails = []*Trail{}
	}
	if d.PublicAccessBlocks == nil {
		d.PublicAccessBlocks = []*PublicAccessBlock{}
	}
	if d.OtherPolicies == nil {
		d.OtherPolicies = []*Policy{}
	}
	if d.Unresolved == nil {
		d.Unresolved = []Unresolved{}
	}
	if d.Scope.Files == nil {
		d.Scope.Files = []string{}
	}
}
