package corpus

import (
	"bytes"
	"fmt"
)

// cloudFormationYAML is module i's stack as a YAML template with short-form
// intrinsics (!Sub, !Ref, !GetAtt).
func cloudFormationYAML(i int, v variant) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, `AWSTemplateFormatVersion: "2010-09-09"
Description: Audit trail for service %05d
Parameters:
  RetentionDays:
    Type: Number
    Default: %d
Resources:
  LogBucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub "${AWS::AccountId}-audit-%05d-cfn"
      VersioningConfiguration:
        Status: %s
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: aws:kms
              KMSMasterKeyID: !GetAtt TrailKey.Arn
      PublicAccessBlockConfiguration:
        BlockPublicAcls: true
        IgnorePublicAcls: true
        BlockPublicPolicy: true
        RestrictPublicBuckets: %s
      LifecycleConfiguration:
        Rules:
          - Id: retention
            Status: Enabled
            Prefix: AWSLogs/
            ExpirationInDays: !Ref RetentionDays
            NoncurrentVersionExpiration:
              NoncurrentDays: !Ref RetentionDays
  LogBucketPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref LogBucket
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Sid: AWSCloudTrailAclCheck
            Effect: Allow
            Principal:
              Service: cloudtrail.amazonaws.com
            Action: s3:GetBucketAcl
            Resource: !GetAtt LogBucket.Arn
          - Sid: AWSCloudTrailWrite
            Effect: Allow
            Principal:
              Service: cloudtrail.amazonaws.com
            Action: s3:PutObject
            Resource: !Sub "${LogBucket.Arn}/AWSLogs/${AWS::AccountId}/*"
`, i, retentionDays(v), i, versioningStatus(v), yesNo(!v.publicAccessOpen))
	if !v.noSourceArn || !v.noACLCondition {
		b.WriteString("            Condition:\n              StringEquals:\n")
		if !v.noACLCondition {
			b.WriteString("                s3:x-amz-acl: bucket-owner-full-control\n")
		}
		if !v.noSourceArn {
			fmt.Fprintf(&b, "                aws:SourceArn: !Sub \"arn:${AWS::Partition}:cloudtrail:${AWS::Region}:${AWS::AccountId}:trail/%s\"\n", trailName(i))
		}
	}
	if !v.noTLSDeny {
		b.WriteString(`          - Sid: DenyInsecureTransport
            Effect: Deny
            Principal: "*"
            Action: s3:*
            Resource:
              - !GetAtt LogBucket.Arn
              - !Sub "${LogBucket.Arn}/*"
            Condition:
              Bool:
                aws:SecureTransport: "false"
`)
	}
	fmt.Fprintf(&b, `  TrailKey:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: %s
      KeyPolicy:
        Version: "2012-10-17"
        Statement:
          - Sid: EnableAccountAdministration
            Effect: Allow
            Principal:
              AWS: !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:root"
            Action: kms:*
            Resource: "*"
          - Sid: AllowCloudTrailEncrypt
            Effect: Allow
            Principal:
              Service: cloudtrail.amazonaws.com
            Action: kms:GenerateDataKey*
            Resource: "*"
            Condition:
              StringLike:
                kms:EncryptionContext:aws:cloudtrail:arn: !Sub "arn:${AWS::Partition}:cloudtrail:*:${AWS::AccountId}:trail/*"
          - Sid: AllowCloudTrailDescribeKey
            Effect: Allow
            Principal:
              Service: cloudtrail.amazonaws.com
            Action: kms:DescribeKey
            Resource: "*"
  Trail:
    Type: AWS::CloudTrail::Trail
    DependsOn: LogBucketPolicy
    Properties:
      TrailName: %s
      S3BucketName: !Ref LogBucket
      IsLogging: true
      IsMultiRegionTrail: %s
      IncludeGlobalServiceEvents: true
      EnableLogFileValidation: %s
      KMSKeyId: !GetAtt TrailKey.Arn
`, yesNo(!v.rotationOff), trailName(i), yesNo(!v.singleRegion), yesNo(!v.noValidation))
	return b.Bytes()
}

// cloudFormationJSON is module i's stack as a JSON template with long-form
// intrinsics (Fn::Sub, Ref, Fn::GetAtt).
func cloudFormationJSON(i int, v variant) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, `{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Description": "Audit trail for service %05d",
  "Resources": {
    "LogBucket": {
      "Type": "AWS::S3::Bucket",
      "Properties": {
        "BucketName": {"Fn::Sub": "${AWS::AccountId}-audit-%05d-cfn-json"},
        "VersioningConfiguration": {"Status": %q},
        "BucketEncryption": {
          "ServerSideEncryptionConfiguration": [
            {"ServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": {"Fn::GetAtt": ["TrailKey", "Arn"]}}}
          ]
        },
        "PublicAccessBlockConfiguration": {
          "BlockPublicAcls": true,
          "IgnorePublicAcls": true,
          "BlockPublicPolicy": true,
          "RestrictPublicBuckets": %s
        },
        "LifecycleConfiguration": {
          "Rules": [
            {"Id": "retention", "Status": "Enabled", "Prefix": "AWSLogs/", "ExpirationInDays": %d, "NoncurrentVersionExpiration": {"NoncurrentDays": %d}}
          ]
        }
      }
    },
    "LogBucketPolicy": {
      "Type": "AWS::S3::BucketPolicy",
      "Properties": {
        "Bucket": {"Ref": "LogBucket"},
        "PolicyDocument": {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Sid": "AWSCloudTrailAclCheck",
              "Effect": "Allow",
              "Principal": {"Service": "cloudtrail.amazonaws.com"},
              "Action": "s3:GetBucketAcl",
              "Resource": {"Fn::GetAtt": ["LogBucket", "Arn"]}
            },
            {
              "Sid": "AWSCloudTrailWrite",
              "Effect": "Allow",
              "Principal": {"Service": "cloudtrail.amazonaws.com"},
              "Action": "s3:PutObject",
              "Resource": {"Fn::Sub": "${LogBucket.Arn}/AWSLogs/${AWS::AccountId}/*"}`,
		i, i, versioningStatus(v), yesNo(!v.publicAccessOpen), retentionDays(v), retentionDays(v))
	var conds []string
	if !v.noACLCondition {
		conds = append(conds, `"s3:x-amz-acl": "bucket-owner-full-control"`)
	}
	if !v.noSourceArn {
		conds = append(conds, fmt.Sprintf(`"aws:SourceArn": {"Fn::Sub": "arn:${AWS::Partition}:cloudtrail:${AWS::Region}:${AWS::AccountId}:trail/%s"}`, trailName(i)))
	}
	if len(conds) > 0 {
		b.WriteString(",\n              \"Condition\": {\"StringEquals\": {")
		for j, c := range conds {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString(c)
		}
		b.WriteString("}}")
	}
	b.WriteString("\n            }")
	if !v.noTLSDeny {
		b.WriteString(`,
            {
              "Sid": "DenyInsecureTransport",
              "Effect": "Deny",
              "Principal": "*",
              "Action": "s3:*",
              "Resource": [{"Fn::GetAtt": ["LogBucket", "Arn"]}, {"Fn::Sub": "${LogBucket.Arn}/*"}],
              "Condition": {"Bool": {"aws:SecureTransport": "false"}}
            }`)
	}
	fmt.Fprintf(&b, `
          ]
        }
      }
    },
    "TrailKey": {
      "Type": "AWS::KMS::Key",
      "Properties": {
        "EnableKeyRotation": %s,
        "KeyPolicy": {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Sid": "EnableAccountAdministration",
              "Effect": "Allow",
              "Principal": {"AWS": {"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:root"}},
              "Action": "kms:*",
              "Resource": "*"
            },
            {
              "Sid": "AllowCloudTrail",
              "Effect": "Allow",
              "Principal": {"Service": "cloudtrail.amazonaws.com"},
              "Action": ["kms:GenerateDataKey*", "kms:DescribeKey"],
              "Resource": "*"
            }
          ]
        }
      }
    },
    "Trail": {
      "Type": "AWS::CloudTrail::Trail",
      "DependsOn": "LogBucketPolicy",
      "Properties": {
        "TrailName": %q,
        "S3BucketName": {"Ref": "LogBucket"},
        "IsLogging": true,
        "IsMultiRegionTrail": %s,
        "IncludeGlobalServiceEvents": true,
        "EnableLogFileValidation": %s,
        "KMSKeyId": {"Fn::GetAtt": ["TrailKey", "Arn"]}
      }
    }
  }
}
`, yesNo(!v.rotationOff), trailName(i)+"-json", yesNo(!v.singleRegion), yesNo(!v.noValidation))
	return b.Bytes()
}
