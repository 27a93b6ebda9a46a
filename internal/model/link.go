package model

import "strings"

// Link resolves the links between entities that the parser left open (by
// bucket name, key ARN, alias or ID), computes trail ARNs that were not set,
// and marks log buckets. Parsers call it once, after building the document;
// links a parser already set are kept.
func Link(d *Document) {
	byName := map[string]*Bucket{}
	byID := map[string]*Bucket{}
	for _, b := range d.Buckets {
		byID[b.ID] = b
		if n := b.Name.String(); n != "" {
			byName[n] = b
		}
	}
	find := func(link string, name *Attr) *Bucket {
		if b := byID[link]; b != nil {
			return b
		}
		if n := name.String(); n != "" {
			return byName[n]
		}
		return nil
	}
	for _, bp := range d.BucketPolicies {
		if b := find(bp.Bucket, bp.BucketName); b != nil {
			bp.Bucket, b.Policy = b.ID, bp.ID
		}
	}
	for _, lc := range d.Lifecycles {
		if b := find(lc.Bucket, lc.BucketName); b != nil {
			lc.Bucket, b.Lifecycle = b.ID, lc.ID
		}
	}
	for _, pab := range d.PublicAccessBlocks {
		if b := find(pab.Bucket, pab.BucketName); b != nil {
			pab.Bucket, b.PublicAccessBlock = b.ID, pab.ID
		}
	}
	for _, b := range d.Buckets {
		if b.Logging == nil {
			continue
		}
		if t := find(b.Logging.Target, b.Logging.TargetBucket); t != nil {
			b.Logging.Target = t.ID
			t.IsAccessLogTarget = true
		}
	}
	for _, t := range d.Trails {
		if b := find(t.Bucket, t.BucketName); b != nil {
			t.Bucket = b.ID
			b.IsLogBucket = true
		}
		if t.Key == "" && t.KMSKeyID != nil {
			t.Key = findKey(d.Keys, t.KMSKeyID.String())
		}
		if t.ARN == "" {
			t.ARN = TrailARN(Partition, attrOr(t.HomeRegion, Region), orDefault(t.Account, AccountID), t.Name.String())
		}
	}
	for _, b := range d.Buckets {
		if b.Encryption != nil && b.Encryption.Key == "" && b.Encryption.KMSKeyID != nil {
			b.Encryption.Key = findKey(d.Keys, b.Encryption.KMSKeyID.String())
		}
	}
	for _, bp := range d.BucketPolicies {
		if bp.Bucket == "" || !grantsCloudTrail(bp.Policy) {
			continue
		}
		if b := byID[bp.Bucket]; b != nil {
			b.IsLogBucket = true
		}
	}
}

// TrailARN builds a trail ARN from its parts (any of which may be markers).
func TrailARN(partition, region, account, name string) string {
	if name == "" {
		name = Unknown("trail name")
	}
	if strings.HasPrefix(name, "arn:") {
		return name
	}
	return "arn:" + partition + ":cloudtrail:" + region + ":" + account + ":trail/" + name
}

func findKey(keys []*Key, ref string) string {
	if ref == "" {
		return ""
	}
	for _, k := range keys {
		if k.ID == ref || (k.ARN != "" && k.ARN == ref) {
			return k.ID
		}
		for _, a := range k.Aliases {
			if a == ref || strings.HasSuffix(ref, ":"+a) {
				return k.ID
			}
		}
	}
	return ""
}

func grantsCloudTrail(p *Policy) bool {
	if p == nil {
		return false
	}
	for _, s := range p.Statements {
		if s.Principal == nil || s.Principal.Negated {
			continue
		}
		for _, e := range s.Principal.Entries {
			if e.Type == "Service" && strings.EqualFold(e.Value, "cloudtrail.amazonaws.com") {
				return true
			}
		}
	}
	return false
}

func attrOr(a *Attr, def string) string {
	if s := a.String(); s != "" {
		return s
	}
	return def
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
