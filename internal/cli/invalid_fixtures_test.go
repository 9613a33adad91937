package cli_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/enclave-dev/enclave/internal/cli"
)

// fixtureDir holds one invalid spec per class of user error. Each states
// what enclave must report:
//
//	# ERROR: <line>:<col>: <message substring>   (one per expected error)
//	# ABSENT: <text>                             (must not appear in any output)
var fixtureDir = filepath.Join("..", "..", "testdata", "invalid")

var (
	errorDirective  = regexp.MustCompile(`^#\s*ERROR:\s*(\d+):(\d+):\s*(.+?)\s*$`)
	absentDirective = regexp.MustCompile(`^#\s*ABSENT:\s*(.+?)\s*$`)
)

// expectation is one expected error.
type expectation struct {
	line, col int
	text      string
}

func (e expectation) String() string { return fmt.Sprintf("%d:%d: %s", e.line, e.col, e.text) }

// readDirectives returns the expectations and forbidden texts of a fixture.
func readDirectives(t *testing.T, src []byte) (want []expectation, absent []string) {
	t.Helper()
	for l := range strings.SplitSeq(string(src), "\n") {
		if m := errorDirective.FindStringSubmatch(l); m != nil {
			line, _ := strconv.Atoi(m[1])
			col, _ := strconv.Atoi(m[2])
			want = append(want, expectation{line, col, m[3]})
		}
		if m := absentDirective.FindStringSubmatch(l); m != nil {
			absent = append(absent, m[1])
		}
	}
	return want, absent
}

func TestInvalidFixtures(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(fixtureDir, "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no fixtures in %s", fixtureDir)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".yaml"), func(t *testing.T) {
			t.Parallel()
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			want, absent := readDirectives(t, src)
			if len(want) == 0 {
				t.Fatalf("%s has no # ERROR: line", file)
			}
			out := filepath.Join(t.TempDir(), "out")
			var stdout, stderr bytes.Buffer
			code := cli.Run([]string{"plan", file, "--out", out}, cli.IO{In: strings.NewReader(""), Out: &stdout, ErrOut: &stderr})
			if code != cli.ExitUser {
				t.Errorf("Run(plan %s) = %d; want %d\nstderr:\n%s", file, code, cli.ExitUser, stderr.String())
			}
			checkErrors(t, file, stderr.String(), want)
			for _, s := range absent {
				if strings.Contains(stdout.String()+stderr.String(), s) {
					t.Errorf("output of plan %s contains %q, which must never be shown", file, s)
				}
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("plan %s created %s; a failed plan must write nothing", file, out)
			}
		})
	}
}

// checkErrors matches stderr's error lines against the expectations: each
// expectation needs a line at its position containing its text, and each
// error line needs an expectation. Indented lines are hints.
func checkErrors(t *testing.T, file, stderr string, want []expectation) {
	t.Helper()
	errLine := regexp.MustCompile("^" + regexp.QuoteMeta(file) + `:(\d+):(\d+): (.*)$`)
	matched := make([]bool, len(want))
	for l := range strings.SplitSeq(stderr, "\n") {
		if l == "" || strings.HasPrefix(l, "\t") {
			continue
		}
		m := errLine.FindStringSubmatch(l)
		found := false
		for i, w := range want {
			if m != nil && m[1] == strconv.Itoa(w.line) && m[2] == strconv.Itoa(w.col) && strings.Contains(m[3], w.text) {
				matched[i], found = true, true
			}
		}
		if !found {
			t.Errorf("unexpected error line:\n\t%s", l)
		}
	}
	for i, w := range want {
		if !matched[i] {
			t.Errorf("missing error %s\nstderr:\n%s", w, stderr)
		}
	}
}
