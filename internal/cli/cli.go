// Package cli is enclave's command line: one file per verb, each with an
// options struct, a NewCmdX constructor and a runX function that takes its
// dependencies through the options, so commands are testable without
// running a process.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/enclave-dev/enclave/internal/diag"
)

// Exit codes, documented in the README.
const (
	ExitOK       = 0
	ExitUser     = 1 // the spec (or another input) has errors
	ExitInternal = 2 // a program fault
)

// IO is where a command reads and writes.
type IO struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
}

// exitError carries an exit code through cobra.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }

// userErrors wraps diagnostics as a user error (exit 1).
func userErrors(ds diag.Diagnostics) error { return &exitError{code: ExitUser, err: ds} }

// Main runs the command line and returns the process exit code.
func Main() int {
	return Run(os.Args[1:], IO{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr})
}

// Run runs enclave with args and returns the exit code.
func Run(args []string, streams IO) int {
	root := NewRootCmd(streams)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return ExitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		fmt.Fprintln(streams.ErrOut, ee.err.Error())
		return ee.code
	}
	fmt.Fprintln(streams.ErrOut, "error:", err)
	return ExitUser
}

// NewRootCmd builds the command tree.
func NewRootCmd(streams IO) *cobra.Command {
	root := &cobra.Command{
		Use:           "enclave",
		Short:         "Build a secure, verified Azure environment for a data-science team",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(streams.Out)
	root.SetErr(streams.ErrOut)
	root.AddCommand(NewCmdPlan(streams, nil))
	return root
}
