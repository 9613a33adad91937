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
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"github.com/enclave-dev/enclave/internal/diag"
)

// Exit codes. They are part of enclave's interface, listed in the README;
// scripts and CI rely on them, so a code never changes meaning.
const (
	ExitOK       = 0 // success
	ExitUser     = 1 // the user's input or invocation is wrong: diagnostics say where and what to do
	ExitInternal = 2 // a program fault in enclave itself
	ExitReach    = 3 // a reach intent does not hold
	ExitPolicy   = 4 // reserved: policy checks found problems
	ExitDrift    = 5 // the deployed environment drifted from the spec
	ExitAuth     = 6 // no Azure credential could sign in
)

// IO is where a command reads and writes.
type IO struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
}

// exitError carries an exit code through cobra. When err is
// diag.Diagnostics each diagnostic is printed on its own.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }

func (e *exitError) Unwrap() error { return e.err }

// bugHint follows every internal fault.
const bugHint = "this is a bug in enclave; please report it with the message above"

// internalErrorPrefix starts the message of every program fault.
const internalErrorPrefix = "internal error"

// failed turns diagnostics holding errors into the error a command returns
// (exit 1).
func failed(ds diag.Diagnostics) error {
	return &exitError{code: ExitUser, err: ds}
}

// userError is a problem the user can fix that has no place in a file.
func userError(pos diag.Pos, hint, format string, args ...any) error {
	var ds diag.Diagnostics
	ds.Errorf(pos, hint, format, args...)
	return &exitError{code: ExitUser, err: ds}
}

// internal wraps a program fault (exit 2).
func internal(err error) error {
	return &exitError{code: ExitInternal, err: fmt.Errorf("%s: %w", internalErrorPrefix, err)}
}

// printDiagnostics writes ds to w sorted by position, one per line.
func printDiagnostics(w io.Writer, ds diag.Diagnostics) {
	ds = append(diag.Diagnostics(nil), ds...)
	ds.Sort()
	for _, d := range ds {
		fmt.Fprintln(w, d.String())
	}
}

// Main runs the command line on the process's arguments and streams and
// returns the exit code.
func Main() int {
	return Run(os.Args[1:], IO{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr})
}

// Run runs enclave with args and returns the exit code. A panic is a
// program fault: it is reported with its stack and exits 2.
func Run(args []string, streams IO) int { return RunWith(args, streams, nil) }

// RunWith is Run with the connection to Azure given: tests pass the SDK's
// fake servers; nil means Azure itself.
func RunWith(args []string, streams IO, azure Connect) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(streams.ErrOut, "%s: %v\n%s\n%s\n", internalErrorPrefix, r, debug.Stack(), bugHint)
			code = ExitInternal
		}
	}()
	root := newRootCmd(streams, azure)
	root.SetArgs(args)
	cmd, err := root.ExecuteC()
	if err == nil {
		return ExitOK
	}
	var ee *exitError
	if !errors.As(err, &ee) {
		// cobra's own errors: unknown commands and flags, wrong arguments.
		fmt.Fprintf(streams.ErrOut, "error: %v\nrun '%s --help' for usage\n", strings.TrimSpace(err.Error()), cmd.CommandPath())
		return ExitUser
	}
	var ds diag.Diagnostics
	if errors.As(ee.err, &ds) {
		printDiagnostics(streams.ErrOut, ds)
	} else {
		fmt.Fprintln(streams.ErrOut, ee.err)
	}
	if ee.code == ExitInternal {
		fmt.Fprintln(streams.ErrOut, bugHint)
	}
	return ee.code
}

func newRootCmd(streams IO, azure Connect) *cobra.Command {
	root := &cobra.Command{
		Use:   "enclave",
		Short: "Build a secure Azure environment for a data-science team from a short spec",
		Long: `enclave turns enclave.yaml, a short description of a data-science team,
into a complete, secure-by-default Azure environment rendered as an ARM
subscription deployment. Without a spec file it uses a built-in example.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(streams.In)
	root.SetOut(streams.Out)
	root.SetErr(streams.ErrOut)
	root.CompletionOptions.DisableDefaultCmd = true
	root.AddCommand(
		NewCmdPlan(streams, nil),
		NewCmdReach(streams, nil),
		NewCmdRender(streams),
		NewCmdDocs(streams, nil),
		NewCmdCost(streams, nil),
		NewCmdPrices(streams),
		NewCmdCheck(streams, nil),
		NewCmdInit(streams, nil),
		NewCmdSchema(streams, nil),
		NewCmdVersion(streams, nil),
		NewCmdWhatIf(streams, azure, nil),
		NewCmdApply(streams, azure, nil),
		NewCmdDrift(streams, azure, nil),
	)
	return root
}
