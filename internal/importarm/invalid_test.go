package importarm

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestInvalid evaluates each testdata/invalid/*.json and compares every
// diagnostic with the file's "// ERROR: " lines (a prefix of each
// diagnostic, in order). A "// PARAMS: " line is the parameters file,
// named after the template so positions in it are checked too.
func TestInvalid(t *testing.T) {
	files, err := filepath.Glob("testdata/invalid/*.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			var params []byte
			for _, line := range strings.Split(string(src), "\n") {
				if w, ok := strings.CutPrefix(line, "// ERROR: "); ok {
					want = append(want, w)
				}
				if p, ok := strings.CutPrefix(line, "// PARAMS: "); ok {
					params = []byte(p)
				}
			}
			name := filepath.Base(f)
			res, ds := Evaluate(name, src, params, Options{ParametersFile: name})
			if res != nil {
				t.Errorf("Evaluate(%s) returned a result despite errors", f)
			}
			var got []string
			for i, d := range ds {
				s := d.String()
				if i < len(want) && strings.HasPrefix(s, want[i]) {
					s = want[i]
				}
				got = append(got, s)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Evaluate(%s) diagnostics (-want +got):\n%s", f, diff)
			}
			for _, d := range ds {
				if d.Pos.Line == 0 {
					t.Errorf("Evaluate(%s): diagnostic without a position: %s", f, d)
				}
			}
		})
	}
}
