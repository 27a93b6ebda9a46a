package lint

import "path"

// calledModules returns the directories that some Terraform scope of the run
// loaded as a local module (their files appear among the scope's files
// outside its own directory).
func calledModules(scopes []scope, files [][]string) map[string]bool {
	called := map[string]bool{}
	for i, sc := range scopes {
		if sc.kind != kindTerraform {
			continue
		}
		own := path.Join(sc.display, sc.dir)
		for _, f := range files[i] {
			if d := path.Dir(f); d != own {
				called[d] = true
			}
		}
	}
	return called
}

// isCalledModule reports whether a Terraform scope is a module directory that
// another scope of the run calls. Its findings are reported through the
// caller, where the module's inputs are known; linted on its own, the same
// resources would be reported again with unknown inputs and other addresses.
func isCalledModule(sc scope, called map[string]bool) bool {
	return sc.kind == kindTerraform && called[path.Join(sc.display, sc.dir)]
}
