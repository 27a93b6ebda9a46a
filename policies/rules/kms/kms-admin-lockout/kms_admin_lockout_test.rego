package ctlint.rules.kms_admin_lockout_test

import data.ctlint.rules.kms_admin_lockout as rule
import data.ctlint.testkit.policy as kit

root_admin := {"line": 4, "Sid": "Enable IAM User Permissions", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}

cloudtrail := {"line": 12, "Sid": "Allow CloudTrail to encrypt logs", "Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"}, "Action": "kms:GenerateDataKey*", "Resource": "*"}

decrypt_only := {"line": 20, "Sid": "Decrypt", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/auditor"}, "Action": "kms:Decrypt", "Resource": "*"}

test_no_admin if {
	findings := rule.report with input as kit.key_doc([cloudtrail, decrypt_only])
	count(findings) == 1
	kit.lines(findings) == {1}
}

test_root_admin if {
	count(rule.report) == 0 with input as kit.key_doc([root_admin, cloudtrail])
}

test_account_id_principal if {
	admin := object.union(root_admin, {"Principal": {"AWS": "111122223333"}})
	count(rule.report) == 0 with input as kit.key_doc([admin, cloudtrail])
}

test_admin_role_with_put_key_policy if {
	admin := {"line": 4, "Sid": "KeyAdmins", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/key-admin"}, "Action": ["kms:Create*", "kms:Describe*", "kms:Put*", "kms:Update*"], "Resource": "*"}
	count(rule.report) == 0 with input as kit.key_doc([admin, cloudtrail])
}

test_denied_admin_is_no_admin if {
	deny := {"line": 30, "Sid": "NoPolicyChanges", "Effect": "Deny", "Principal": "*", "Action": "kms:PutKeyPolicy", "Resource": "*"}
	count(rule.report) == 1 with input as kit.key_doc([root_admin, deny])
}

# An admin named by an unknown value is still an admin: whoever it is, the
# statement lets that principal manage the key.
test_unknown_admin_principal_is_an_admin if {
	admin := object.union(root_admin, {"Principal": {"AWS": "«var.admin_arn»"}})
	count(rule.report) == 0 with input as kit.key_doc([admin, cloudtrail])
	count(rule.undecided) == 0 with input as kit.key_doc([admin, cloudtrail])
}

test_unknown_admin_actions_are_undecided if {
	admin := object.union(root_admin, {"Action": "«var.admin_actions»"})
	count(rule.report) == 0 with input as kit.key_doc([admin, cloudtrail])
	count(rule.undecided) == 1 with input as kit.key_doc([admin, cloudtrail])
}

test_bucket_policies_are_not_judged if {
	count(rule.report) == 0 with input as kit.bucket_doc([cloudtrail])
}
