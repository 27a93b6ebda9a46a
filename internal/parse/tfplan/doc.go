// Package tfplan reads the JSON that `terraform show -json` prints for a
// saved plan or for a state, and produces the normalized model.Document.
//
// A plan has every value that Terraform could resolve: module outputs,
// registry modules, computed names. What it could not resolve before apply
// is listed in after_unknown; such a value becomes an unknown marker naming
// the resource address and attribute (model.Unknown("aws_s3_bucket.logs.arn")),
// never a guess. Links between resources come from the plan's configuration
// section (expressions[...].references), so a policy is attached to the
// bucket it was written for even when the bucket's name is unknown.
//
// Positions: without configuration, every range lies inside the plan file,
// and a policy's statements are located inside the JSON string that holds
// the policy (plans are written on one line, so columns matter). When the
// Terraform configuration that produced the plan is available (Options.FS
// and Options.TFDir), each resource is mapped back to its block in the .tf
// files and attributes to their HCL ranges, so findings point where the
// user edits.
package tfplan
