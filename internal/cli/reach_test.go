package cli

import (
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestReachFlags(t *testing.T) {
	io, _, _ := streams()
	var got *ReachOptions
	cmd := NewCmdReach(io, func(o *ReachOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"s.yaml", "--from", "workstations", "--to", "pypi.org", "--port", "443", "--protocol", "tcp", "--format", "json", "--service-tags", "tags.json"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	want := ReachOptions{IO: io, SpecFile: "s.yaml", Format: "json", From: "workstations", To: "pypi.org", Port: 443, Protocol: "tcp", ServiceTags: "tags.json"}
	if diff := cmp.Diff(want, *got, cmp.AllowUnexported(), cmp.Comparer(func(a, b IO) bool { return true })); diff != "" {
		t.Errorf("reach options (-want +got):\n%s", diff)
	}
}

// --service-tags expands tags from Azure's ServiceTags_Public file
// (../shared/data/service-tags beside the module root).
func TestReachServiceTags(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "data", "service-tags", "ServiceTags_Public*.json"))
	if len(files) == 0 {
		t.Skip("no ServiceTags_Public JSON in ../shared/data/service-tags beside the module root")
	}
	io, out, errOut := streams()
	if code := Run([]string{"reach", "--service-tags", files[len(files)-1]}, io); code != ExitOK {
		t.Fatalf("reach --service-tags = exit %d; want 0\n%s", code, errOut)
	}
	if !strings.Contains(out.String(), "77 of 77 intent results hold") {
		t.Errorf("reach --service-tags output lacks the summary:\n%s", out)
	}
	bad := filepath.Join(t.TempDir(), "tags.json")
	if err := os.WriteFile(bad, []byte(`{"values": []}`), 0o644); err != nil {
		t.Fatal(err)
	}
	io, _, errOut = streams()
	if code := Run([]string{"reach", "--service-tags", bad}, io); code != ExitUser || !strings.Contains(errOut.String(), "no values") {
		t.Errorf("reach --service-tags with an empty file = exit %d, %q; want 1 naming the problem", code, errOut)
	}
}

// The JSON output has exactly the documented shape.
func TestReachJSONShape(t *testing.T) {
	io, out, errOut := streams()
	if code := Run([]string{"reach", "--format", "json"}, io); code != ExitOK {
		t.Fatalf("reach --format json = exit %d\n%s", code, errOut)
	}
	var doc map[string][]map[string]json.RawMessage
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
		t.Fatalf("reach --format json is not JSON: %v", err)
	}
	if len(doc) != 1 || len(doc["intents"]) == 0 {
		t.Fatalf("reach --format json keys = %v; want only a non-empty intents", maps.Keys(doc))
	}
	want := []string{"decidedBy", "expect", "from", "holds", "name", "path", "port", "protocol", "to", "verdict"}
	for _, in := range doc["intents"] {
		got := slices.Sorted(maps.Keys(in))
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("intent keys (-want +got):\n%s", diff)
		}
	}
}
