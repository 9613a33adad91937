// Command enclave turns a short description of a data-science team into a
// secure Azure environment. See the README.
package main

import (
	"os"

	"github.com/enclave-dev/enclave/internal/cli"
)

func main() { os.Exit(cli.Main()) }
