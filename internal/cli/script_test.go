package cli_test

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/enclave-dev/enclave/internal/cli"
)

// TestMain lets scripts run `enclave` as a program: testscript re-executes
// this test binary under that name. Scripts that set ENCLAVE_TEST_AZURE
// talk to the Azure SDK's fake servers instead of Azure.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"enclave": func() {
			os.Exit(cli.RunWith(os.Args[1:], cli.IO{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr}, fakeAzure()))
		},
	})
}

// TestScripts runs the end-to-end scripts in testdata/script at the module
// root.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:  filepath.Join("..", "..", "testdata", "script"),
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){"exitcode": cmdExitCode},
		// Graphviz (WebAssembly, linked through render/docs) compiles itself
		// when a process starts and caches the result under TMPDIR; sharing
		// this test process's TMPDIR, where that cache is already warm, keeps
		// every enclave run from compiling it again (seconds each).
		Setup: func(env *testscript.Env) error {
			env.Setenv("TMPDIR", os.TempDir())
			return nil
		},
	})
}

// cmdExitCode runs a program and checks its exit code: exitcode N prog args...
// Its stdout and stderr are then checked like those of exec.
func cmdExitCode(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exitcode N program [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exitcode: %v", err)
	}
	got := 0
	var ee *exec.ExitError
	switch err := ts.Exec(args[1], args[2:]...); {
	case errors.As(err, &ee):
		got = ee.ExitCode()
	case err != nil:
		ts.Fatalf("%s: %v", args[1], err)
	}
	if got != want {
		ts.Fatalf("%s exited with %d; want %d", strings.Join(args[1:], " "), got, want)
	}
}
