// Command ctlint lints the configuration that protects CloudTrail audit logs.
package main

import (
	"os"

	"github.com/ctlint/ctlint/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
