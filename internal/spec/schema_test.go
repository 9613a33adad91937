package spec

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v4"
)

// compileSchema compiles the generated schema with a validator that asserts
// formats, as an editor would.
func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	b, err := JSONSchema()
	if err != nil {
		t.Fatalf("JSONSchema() error: %v", err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("JSONSchema() is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(SchemaID, doc); err != nil {
		t.Fatalf("AddResource: %v", err)
	}
	s, err := c.Compile(SchemaID)
	if err != nil {
		t.Fatalf("compiling the generated schema: %v", err)
	}
	return s
}

// yamlToJSON converts YAML to the JSON value the validator takes.
func yamlToJSON(t *testing.T, src []byte) any {
	t.Helper()
	var v any
	if err := yaml.Load(src, &v); err != nil {
		t.Fatalf("yaml.Load: %v", err)
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("json.Marshal: %v", err)
	}
	out, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("UnmarshalJSON: %v", err)
	}
	return out
}

func TestExampleValidatesAgainstSchema(t *testing.T) {
	s := compileSchema(t)
	if err := s.Validate(yamlToJSON(t, exampleYAML)); err != nil {
		t.Errorf("built-in example does not validate against JSONSchema():\n%v", err)
	}
}

func TestSchemaRejects(t *testing.T) {
	s := compileSchema(t)
	tests := []struct {
		name, old, new string
	}{
		{"unknown key", "firewallTier: Standard", "firewallTier: Standard\n  fireWall: x"},
		{"bad enum", "role: data-engineer", "role: engineer"},
		{"bad name pattern", "name: kodata", "name: KoData"},
		{"bad prefix", "addressSpace: 10.60.0.0/20", "addressSpace: 10.60.0.0/40"},
		{"bad address", "peerAddress: 203.0.113.10", "peerAddress: not-an-ip"},
		{"port out of range", "port: 1521", "port: 70000"},
		{"inline secret", "sharedKey: {parameter: vpnSharedKey}", "sharedKey: hunter2"},
		{"missing required", "location: australiaeast\n", ""},
	}
	for _, tt := range tests {
		src := strings.Replace(string(exampleYAML), tt.old, tt.new, 1)
		if src == string(exampleYAML) {
			t.Fatalf("%s: %q not in the example", tt.name, tt.old)
		}
		if err := s.Validate(yamlToJSON(t, []byte(src))); err == nil {
			t.Errorf("%s: schema accepted the example with %q replaced by %q", tt.name, tt.old, tt.new)
		}
	}
}

func TestSchemaIsDeterministic(t *testing.T) {
	a, err := JSONSchema()
	if err != nil {
		t.Fatal(err)
	}
	for range 5 {
		b, err := JSONSchema()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Fatal("JSONSchema() differs between calls")
		}
	}
}

func TestSchemaHeader(t *testing.T) {
	b, err := JSONSchema()
	if err != nil {
		t.Fatal(err)
	}
	var head struct {
		Schema string `json:"$schema"`
		ID     string `json:"$id"`
	}
	if err := json.Unmarshal(b, &head); err != nil {
		t.Fatal(err)
	}
	if head.Schema != "https://json-schema.org/draft/2020-12/schema" || head.ID != SchemaID {
		t.Errorf("JSONSchema() header = %+v; want draft 2020-12 and $id %s", head, SchemaID)
	}
	first, _, _ := strings.Cut(string(exampleYAML), "\n")
	if want := "# yaml-language-server: $schema=" + SchemaID; first != want {
		t.Errorf("example first line = %q; want %q", first, want)
	}
}
