package lint

// release drops a linted scope's file content, so that memory holds the
// files of the scopes being linted, not of every scope discovered: a
// directory walk reads each template to detect its kind, and would otherwise
// keep a whole repository's templates until the run ends. Standard input is
// kept: reports print its source lines.
func (sc *scope) release() {
	if sc.file != nil && sc.file.Path != stdinName {
		sc.file.Data = nil
	}
}
