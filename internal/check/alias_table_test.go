package check

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"go/format"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/enclave-dev/enclave/internal/policy/baseline"
)

var update = flag.Bool("update", false, "rewrite generated files (alias_table.go)")

// modelTypes are the resource types the built-in example presents to the
// evaluator, derived children included. TestModelTypesCovered keeps the
// list current.
var modelTypesFile = filepath.Join("testdata", "model_types.txt")

var (
	fieldRE = regexp.MustCompile(`"field"\s*:\s*"([^"\[][^"]*)"`)
	funcRE  = regexp.MustCompile(`(?i)(?:field|current)\('([^']+)'\)`)
)

// usedAliases returns every alias a definition under dir names in a field
// condition, a count or a field()/current() call.
func usedAliases(t *testing.T, fsys fs.FS, dir string) map[string]bool {
	t.Helper()
	used := map[string]bool{}
	err := fs.WalkDir(fsys, dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(p, ".json") {
			return err
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		for _, m := range fieldRE.FindAllSubmatch(b, -1) {
			used[string(m[1])] = true
		}
		for _, m := range funcRE.FindAllSubmatch(b, -1) {
			used[string(m[1])] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return used
}

func sharedPolicyDir(t *testing.T) string {
	_, file, _, _ := runtime.Caller(0)
	dir := filepath.Join(filepath.Dir(file), "..", "..", "..", "shared", "data", "azure-policy")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("../shared/data/azure-policy is absent (%v)", err)
	}
	return dir
}

// TestAliasTable checks that enclave's own alias table resolves every alias
// the built-in definitions use on enclave's resource types exactly as the
// Get-AzPolicyAlias dump does; -update regenerates the exceptions.
func TestAliasTable(t *testing.T) {
	dir := sharedPolicyDir(t)
	raw, err := os.ReadFile(filepath.Join(dir, "aliases", "aliases.json"))
	if err != nil {
		t.Fatal(err)
	}
	var dump map[string]map[string]string
	if err := json.Unmarshal(raw, &dump); err != nil {
		t.Fatal(err)
	}
	typesRaw, err := os.ReadFile(modelTypesFile)
	if err != nil {
		t.Fatal(err)
	}
	used := usedAliases(t, os.DirFS(dir), "definitions")
	own := usedAliases(t, baseline.FS(), baseline.Dir)
	types := strings.Fields(string(typesRaw))
	// The baseline's aliases are covered whatever their type: each belongs
	// to the longest type of the dump it starts with.
	for alias := range own {
		used[alias] = true
		if typ, ok := ownerType(dump, alias); ok && !slices.Contains(types, typ) {
			types = append(types, typ)
		}
	}
	usedFold := map[string]bool{}
	for a := range used {
		usedFold[strings.ToLower(a)] = true
	}
	conv := &Aliases{explicit: map[string]map[string]string{}}
	var want []aliasException
	for _, typ := range types {
		var m map[string]string
		for dt, dm := range dump {
			if strings.EqualFold(dt, typ) {
				m = dm
			}
		}
		for alias, p := range m {
			if alias == "Alias" || !usedFold[strings.ToLower(alias)] {
				continue
			}
			if got, ok := conv.resolve(typ, alias); !ok || !strings.EqualFold(got, p) {
				want = append(want, aliasException{typ, alias, p})
			}
		}
	}
	sort.Slice(want, func(i, j int) bool {
		if want[i].typ != want[j].typ {
			return want[i].typ < want[j].typ
		}
		return want[i].alias < want[j].alias
	})
	if *update {
		var b bytes.Buffer
		b.WriteString(aliasTableHeader)
		for _, e := range want {
			fmt.Fprintf(&b, "\t{%q, %q, %q},\n", e.typ, e.alias, e.path)
		}
		b.WriteString("}\n")
		src, err := format.Source(b.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("alias_table.go", src, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	def := DefaultAliases()
	for _, e := range want {
		if got, ok := def.resolve(e.typ, e.alias); !ok || !strings.EqualFold(got, e.path) {
			t.Errorf("DefaultAliases().resolve(%q, %q) = %q, %v; want %q (run go test ./internal/check -run TestAliasTable -update)", e.typ, e.alias, got, ok, e.path)
		}
	}
	// Every alias the baseline uses must resolve through DefaultAliases as
	// Azure resolves it, or, for types the dump lacks (Microsoft.Insights),
	// through the convention; an alias Azure does not know is an error.
	for _, alias := range slices.Sorted(maps.Keys(own)) {
		if !strings.Contains(alias, "/") {
			continue // type, name, location, tags, identity.type
		}
		typ, ok := ownerType(dump, alias)
		if !ok {
			prefix := alias[:strings.LastIndex(alias, "/")]
			if _, ok := def.resolve(prefix, alias); !ok {
				t.Errorf("baseline alias %q: no type in the dump and DefaultAliases() does not resolve it", alias)
			}
			continue
		}
		want, known := lookupFold(dump[typ], alias)
		if !known {
			t.Errorf("baseline alias %q is not an alias of %s in the dump", alias, typ)
			continue
		}
		if got, ok := def.resolve(typ, alias); !ok || !strings.EqualFold(got, want) {
			t.Errorf("DefaultAliases().resolve(%q, %q) = %q, %v; want %q (run go test ./internal/check -run TestAliasTable -update)", typ, alias, got, ok, want)
		}
	}
	for _, e := range aliasExceptions {
		p, ok := lookupFold(dumpType(dump, e.typ), e.alias)
		if !ok || p != e.path {
			t.Errorf("exception %s %s -> %s; the dump says %q", e.typ, e.alias, e.path, p)
		}
	}
}

// ownerType returns the dump's type an alias belongs to: the longest type
// name followed by "/" that starts it.
func ownerType(dump map[string]map[string]string, alias string) (string, bool) {
	best := ""
	la := strings.ToLower(alias)
	for typ := range dump {
		if strings.HasPrefix(la, strings.ToLower(typ)+"/") && len(typ) > len(best) {
			best = typ
		}
	}
	return best, best != ""
}

// dumpType returns the dump's aliases of typ, whatever its case.
func dumpType(dump map[string]map[string]string, typ string) map[string]string {
	for t, m := range dump {
		if strings.EqualFold(t, typ) {
			return m
		}
	}
	return nil
}

func lookupFold(m map[string]string, key string) (string, bool) {
	if v, ok := m[key]; ok {
		return v, true
	}
	for k, v := range m {
		if strings.EqualFold(k, key) {
			return v, true
		}
	}
	return "", false
}

const aliasTableHeader = `// Code generated by TestAliasTable -update from the built-in definitions and a
// Get-AzPolicyAlias dump; DO NOT EDIT.

package check

// aliasException is an alias whose path does not follow the default-path
// convention ("<type>/<x>" -> "properties.<x>").
type aliasException struct {
	typ, alias, path string
}

// aliasExceptions are the exceptions among the aliases the built-in
// definitions use on enclave's resource types (the types in
// testdata/model_types.txt).
var aliasExceptions = []aliasException{
`
