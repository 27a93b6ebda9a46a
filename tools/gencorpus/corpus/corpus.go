// Package corpus generates a deterministic, realistic repository of
// CloudTrail infrastructure code for benchmarks: Terraform modules (a log
// bucket with split settings resources, a bucket policy written with
// jsonencode, a KMS key whose policy comes from an aws_iam_policy_document, a
// lifecycle configuration and a trail) and, every fifth module, the same
// stack as a CloudFormation JSON and a YAML template.
//
// Each module is a good or a bad variant of that stack, chosen by its index,
// so that the rules have real work to do and real findings to report. The
// output depends only on the number of modules: same arguments, same bytes.
package corpus

import (
	"fmt"
	"os"
	"path/filepath"
)

// TemplateEvery is how often a module also gets CloudFormation templates.
const TemplateEvery = 5

// File is one generated file; Path is slash-separated and relative to the
// corpus root.
type File struct {
	Path string
	Data []byte
}

// Each calls fn for every file of a corpus of n modules, in a fixed order.
// It stops at the first error fn returns.
func Each(n int, fn func(File) error) error {
	for i := range n {
		for _, f := range module(i) {
			if err := fn(f); err != nil {
				return err
			}
		}
	}
	return nil
}

// Write generates a corpus of n modules under dir (created if needed) and
// returns the number of files written.
func Write(dir string, n int) (int, error) {
	files := 0
	err := Each(n, func(f File) error {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return err
		}
		files++
		return nil
	})
	return files, err
}

// ModuleDir returns the directory of module i, relative to the corpus root.
// Modules are grouped a hundred to a directory, as services often are.
func ModuleDir(i int) string {
	return fmt.Sprintf("services/group-%02d/module-%05d", i/100, i)
}

// module returns the files of module i.
func module(i int) []File {
	v := variantOf(i)
	dir := ModuleDir(i)
	files := []File{
		{dir + "/main.tf", terraformMain(i, v)},
		{dir + "/bucket.tf", terraformBucket(i, v)},
		{dir + "/policy.tf", terraformPolicy(i, v)},
		{dir + "/kms.tf", terraformKey(i, v)},
	}
	if i%TemplateEvery == 0 {
		files = append(files,
			File{dir + "/cloudformation/stack.json", cloudFormationJSON(i, v)},
			File{dir + "/cloudformation/stack.yaml", cloudFormationYAML(i, v)},
		)
	}
	return files
}
