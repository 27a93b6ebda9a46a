package model

// BucketSetting is a bucket setting written in a resource of its own (AWS
// provider v4+: aws_s3_bucket_versioning, ..._server_side_encryption_configuration,
// ...). Parsers collect them while reading and merge them into their buckets
// once every bucket is known, so that a bucket configured entirely with split
// resources is judged as configured.
type BucketSetting struct {
	Addr       string // the setting resource's address
	Bucket     string // entity ID of the bucket it refers to, or ""
	BucketName *Attr  // its bucket argument, to link by name
	Range      Range
	Apply      func(b *Bucket)
}

// BucketARN is the ARN policies write for a bucket: S3 ARNs name no region
// or account, and policies almost always spell the partition "aws".
func BucketARN(name string) string { return "arn:aws:s3:::" + name }

// MergeBucketSettings applies every setting to its bucket: by reference,
// else by name. Settings for a bucket outside the scope are gathered, by
// bucket name, into one partial bucket, so that what is written is still
// checked and nothing is reported missing.
func MergeBucketSettings(d *Document, settings []*BucketSetting) {
	byID := map[string]*Bucket{}
	byName := map[string]*Bucket{}
	for _, b := range d.Buckets {
		byID[b.ID] = b
		if n := b.Name.String(); n != "" {
			byName[n] = b
		}
	}
	for _, s := range settings {
		b := byID[s.Bucket]
		if b == nil {
			b = byName[s.BucketName.String()]
		}
		if b == nil {
			b = &Bucket{ID: s.Addr, Name: s.BucketName, Range: s.Range, Grants: []Grant{}, Partial: true}
			if s.BucketName != nil {
				b.ARN = BucketARN(s.BucketName.String())
			}
			d.Buckets = append(d.Buckets, b)
			byID[b.ID] = b
			if n := s.BucketName.String(); n != "" {
				byName[n] = b
			}
		}
		s.Apply(b)
	}
}
