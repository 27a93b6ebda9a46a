// Command gencorpus writes a deterministic benchmark corpus of CloudTrail
// infrastructure code (see package corpus):
//
//	go run ./tools/gencorpus -modules 1000 OUT
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/ctlint/ctlint/tools/gencorpus/corpus"
)

func main() {
	modules := flag.Int("modules", 1000, "number of Terraform modules to generate")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: gencorpus [-modules N] OUT")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 || *modules < 0 {
		flag.Usage()
		os.Exit(2)
	}
	n, err := corpus.Write(flag.Arg(0), *modules)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "gencorpus: wrote %d files for %d modules to %s\n", n, *modules, flag.Arg(0))
}
