package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/spf13/cobra"

	"github.com/enclave-dev/enclave/internal/diag"
	"github.com/enclave-dev/enclave/internal/output"
	"github.com/enclave-dev/enclave/internal/spec"
)

// DefaultSpecFile is the file init writes when given none.
const DefaultSpecFile = "enclave.yaml"

// InitOptions are the inputs of enclave init.
type InitOptions struct {
	IO
	// File is where the example goes.
	File string
	// Force allows replacing an existing file.
	Force bool
	// Example returns the spec to write; spec.ExampleYAML by default.
	Example func() []byte
}

// NewCmdInit returns the init command; runF replaces runInit in tests.
func NewCmdInit(streams IO, runF func(*InitOptions) error) *cobra.Command {
	opts := &InitOptions{IO: streams, File: DefaultSpecFile, Example: spec.ExampleYAML}
	cmd := &cobra.Command{
		Use:   "init [FILE]",
		Short: "Write the built-in example spec to enclave.yaml (or FILE) to start from",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.File = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return runInit(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Force, "force", false, "overwrite FILE if it exists")
	return cmd
}

func runInit(opts *InitOptions) error {
	_, err := os.Lstat(opts.File)
	switch {
	case err == nil && !opts.Force:
		return userError(diag.Pos{File: opts.File}, "pass --force to overwrite it, or name another file: enclave init FILE", "file already exists")
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return userError(diag.Pos{File: opts.File}, "", "cannot check file: %v", err)
	}
	src := opts.Example()
	if err := output.WriteFile(opts.File, src); err != nil {
		return userError(diag.Pos{File: opts.File}, "check that the directory exists and you can write to it", "cannot write spec: %v", err)
	}
	fmt.Fprintf(opts.Out, "wrote %s (%d bytes); edit it, then run: enclave plan %s\n", opts.File, len(src), opts.File)
	return nil
}
