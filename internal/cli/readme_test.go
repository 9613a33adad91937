package cli

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/enclave-dev/enclave/internal/spec"
)

var update = flag.Bool("update", false, "rewrite the generated sections of README.md")

// Markers around the README's generated spec reference.
const (
	refBegin = "<!-- BEGIN spec reference"
	refEnd   = "<!-- END spec reference -->"
)

// TestREADMESpecReference keeps the README's spec reference equal to what
// enclave schema --format markdown prints; -update rewrites it.
func TestREADMESpecReference(t *testing.T) {
	path := filepath.Join("..", "..", "README.md")
	readme, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	schema, err := spec.JSONSchema()
	if err != nil {
		t.Fatal(err)
	}
	want, err := SpecReference(schema)
	if err != nil {
		t.Fatal(err)
	}
	before, got, after, ok := section(string(readme))
	if !ok {
		t.Fatalf("%s has no %q ... %q section", path, refBegin, refEnd)
	}
	if got == want {
		return
	}
	if *update {
		if err := os.WriteFile(path, []byte(before+want+after), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("%s spec reference is stale; run go test ./internal/cli -run TestREADME -update (-README +generated):\n%s", path, cmp.Diff(got, want))
}

// section splits s around the generated reference: before ends with the
// begin marker's line, after starts with the end marker.
func section(s string) (before, body, after string, ok bool) {
	i := strings.Index(s, refBegin)
	if i < 0 {
		return "", "", "", false
	}
	nl := strings.IndexByte(s[i:], '\n')
	if nl < 0 {
		return "", "", "", false
	}
	start := i + nl + 1
	end := strings.Index(s[start:], refEnd)
	if end < 0 {
		return "", "", "", false
	}
	return s[:start], s[start : start+end], s[start+end:], true
}

func TestSpecReference(t *testing.T) {
	schema := []byte(`{
  "$defs": {
    "Net": {
      "description": "Net is the network.",
      "type": "object",
      "additionalProperties": false,
      "required": ["space"],
      "properties": {
        "space": {"type": "string", "examples": ["10.0.0.0/20"], "description": "Space is the range | all of it."},
        "tier": {"type": "string", "enum": ["Standard", "Premium"], "default": "Standard"},
        "ports": {"type": "array", "items": {"type": "integer", "minimum": 1, "maximum": 65535}}
      }
    },
    "Member": {"description": "Member is one person.", "type": "object", "properties": {"name": {"type": "string", "pattern": "^[a-z]+$"}}}
  },
  "type": "object",
  "required": ["name"],
  "properties": {
    "name": {"type": "string", "description": "Name prefixes every resource name."},
    "tags": {"type": "object", "additionalProperties": {"type": "string"}},
    "network": {"$ref": "#/$defs/Net"},
    "members": {"type": "array", "items": {"$ref": "#/$defs/Member"}}
  }
}`)
	want := `
### Top level

| key | type | required | default | meaning |
| --- | --- | --- | --- | --- |
| ` + "`name`" + ` | string | yes |  | Prefixes every resource name. |
| ` + "`tags`" + ` | map of string to string |  |  |  |
| ` + "`network`" + ` | object |  |  | The network. |
| ` + "`members`" + ` | list of objects |  |  | Each is one person. |

### ` + "`network`" + `

The network.

| key | type | required | default | meaning |
| --- | --- | --- | --- | --- |
| ` + "`network.space`" + ` | string, e.g. ` + "`10.0.0.0/20`" + ` | yes |  | The range \| all of it. |
| ` + "`network.tier`" + ` | one of ` + "`Standard`, `Premium`" + ` |  | ` + "`Standard`" + ` |  |
| ` + "`network.ports`" + ` | list of integers, 1 to 65535 |  |  |  |

### ` + "`members`" + `

Each is one person.

| key | type | required | default | meaning |
| --- | --- | --- | --- | --- |
| ` + "`members[].name`" + ` | string matching ` + "`^[a-z]+$`" + ` |  |  |  |
`
	got, err := SpecReference(schema)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("SpecReference() (-want +got):\n%s", diff)
	}
	if _, err := SpecReference([]byte(`{"type": "object"}`)); err == nil {
		t.Errorf("SpecReference(schema without keys) = nil error; want one")
	}
}
