package deptest

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// goList runs `go list -deps -json ./...` at the module root. It needs no
// network: every dependency is already in the module cache.
func goList(t *testing.T) []Package {
	t.Helper()
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go command not found; cannot list packages")
	}
	run := func(dir string, args ...string) []byte {
		cmd := exec.Command(gobin, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOPROXY=off", "GOTOOLCHAIN=local", "GOFLAGS=-mod=readonly")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, stderr.Bytes())
		}
		return out
	}
	root := strings.TrimSpace(string(run(".", "list", "-m", "-f", "{{.Dir}}")))
	trackSources(t, root)
	dec := json.NewDecoder(bytes.NewReader(run(root, "list", "-deps", "-json", "./...")))
	var pkgs []Package
	for {
		var p Package
		err := dec.Decode(&p)
		if errors.Is(err, io.EOF) {
			return pkgs
		}
		if err != nil {
			t.Fatalf("decoding go list output: %v", err)
		}
		pkgs = append(pkgs, p)
	}
}

// trackSources stats every directory and Go file of the module. go test
// caches a result until a file the test itself opened or stat'ed changes;
// the go list subprocess reads are invisible to it, so without this an
// import added after a passing run would be hidden by the cache.
func trackSources(t *testing.T, root string) {
	t.Helper()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() && path != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata"):
			return filepath.SkipDir
		case d.IsDir() || strings.HasSuffix(path, ".go") || d.Name() == "go.mod":
			_, err := os.Stat(path)
			return err
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestImportsPointOneWay(t *testing.T) {
	pkgs := goList(t)
	if len(pkgs) == 0 {
		t.Fatal("go list found no packages")
	}
	for _, v := range Check(pkgs, Rules) {
		t.Error(v)
	}
}

// fake builds a package list for module example.com/m; paths without a dot
// in their first element are standard library.
func fake(imports map[string][]string) []Package {
	var pkgs []Package
	for path, imps := range imports {
		p := Package{ImportPath: path, Imports: imps}
		switch {
		case strings.HasPrefix(path, "example.com/m"):
			p.Module = &struct {
				Path string
				Main bool
			}{"example.com/m", true}
		case !strings.Contains(strings.Split(path, "/")[0], "."):
			p.Standard = true
		}
		pkgs = append(pkgs, p)
	}
	return pkgs
}

func TestCheck(t *testing.T) {
	const m = "example.com/m/"
	tests := []struct {
		name    string
		imports map[string][]string
		want    []string
	}{
		{
			name: "clean",
			imports: map[string][]string{
				m + "cmd/enclave":         {m + "internal/cli"},
				m + "internal/cli":        {m + "internal/compile", m + "internal/render/arm", m + "internal/spec"},
				m + "internal/compile":    {m + "internal/model", m + "internal/spec", m + "internal/diag"},
				m + "internal/render/arm": {m + "internal/model", "encoding/json"},
				m + "internal/spec":       {m + "internal/diag", "go.yaml.in/yaml/v4", "fmt"},
				m + "internal/model":      {"net/netip"},
				m + "internal/diag":       {"fmt"},
				"go.yaml.in/yaml/v4":      {"fmt"},
				"encoding/json":           nil,
				"fmt":                     nil,
				"net/netip":               nil,
			},
		},
		{
			name: "model reaches spec through another package",
			imports: map[string][]string{
				m + "internal/model":  {m + "internal/naming"},
				m + "internal/naming": {m + "internal/spec"},
				m + "internal/spec":   nil,
			},
			want: []string{"internal/model imports internal/naming -> internal/spec: " + Rules[0].Why},
		},
		{
			name: "spec imports a package outside its list",
			imports: map[string][]string{
				m + "internal/spec":    {m + "internal/model", "github.com/other/lib", "strings"},
				m + "internal/model":   nil,
				"github.com/other/lib": nil,
				"strings":              nil,
			},
			want: []string{
				"internal/spec imports github.com/other/lib: " + Rules[1].Why,
				"internal/spec imports internal/model: " + Rules[1].Why,
			},
		},
		{
			name: "renderer reads the compiler",
			imports: map[string][]string{
				m + "internal/render/terraform": {m + "internal/compile"},
				m + "internal/compile":          nil,
			},
			want: []string{"internal/render/terraform imports internal/compile: " + Rules[3].Why},
		},
		{
			name: "compile imports render, which only the cli may drive",
			imports: map[string][]string{
				m + "internal/compile":    {m + "internal/render/arm"},
				m + "internal/render/arm": nil,
			},
			want: []string{"internal/compile imports internal/render/arm: " + Rules[2].Why},
		},
		{
			name: "a package other than main imports cli",
			imports: map[string][]string{
				m + "internal/report": {m + "internal/cli"},
				m + "internal/cli":    nil,
			},
			want: []string{"internal/report imports internal/cli: " + Rules[4].Why},
		},
		{
			name: "deploy compiles the spec itself",
			imports: map[string][]string{
				m + "internal/deploy":  {m + "internal/compile"},
				m + "internal/compile": nil,
			},
			want: []string{"internal/deploy imports internal/compile: " + Rules[5].Why},
		},
		{
			name: "production code imports the fake Azure servers",
			imports: map[string][]string{
				m + "internal/cli":               {m + "internal/deploy/deploytest"},
				m + "internal/deploy/deploytest": nil,
			},
			want: []string{"internal/cli imports internal/deploy/deploytest: " + Rules[6].Why},
		},
		{
			name: "terraform derived from the ARM rendering",
			imports: map[string][]string{
				m + "internal/render/terraform": {m + "internal/render/arm"},
				m + "internal/render/arm":       nil,
			},
			want: []string{"internal/render/terraform imports internal/render/arm: " + Rules[len(Rules)-1].Why},
		},
		{
			name: "importarm reads the spec",
			imports: map[string][]string{
				m + "internal/importarm": {m + "internal/spec", m + "internal/model", m + "internal/diag", "strings"},
				m + "internal/spec":      nil,
				m + "internal/model":     nil,
				m + "internal/diag":      nil,
				"strings":                nil,
			},
			want: []string{"internal/importarm imports internal/spec: " + ruleFor(t, "internal/importarm/...").Why},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Check(fake(tt.imports), Rules)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Check(%v) (-want +got):\n%s", tt.imports, diff)
			}
		})
	}
}

// ruleFor returns the rule constraining pkg.
func ruleFor(t *testing.T, pkg string) Rule {
	t.Helper()
	for _, r := range Rules {
		if r.Pkg == pkg {
			return r
		}
	}
	t.Fatalf("no rule for %s", pkg)
	return Rule{}
}
