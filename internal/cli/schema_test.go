package cli

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/enclave-dev/enclave/internal/spec"
)

func TestRunSchema(t *testing.T) {
	io, stdout, _ := streams()
	if err := runSchema(&SchemaOptions{IO: io, Schema: func() ([]byte, error) { return []byte(`{"$schema":"x"}`), nil }}); err != nil {
		t.Fatal(err)
	}
	if got, want := stdout.String(), "{\"$schema\":\"x\"}\n"; got != want {
		t.Errorf("runSchema() = %q; want %q", got, want)
	}

	err := runSchema(&SchemaOptions{IO: io, Schema: func() ([]byte, error) { return nil, errors.New("reflect failed") }})
	if got := exitCode(err); got != ExitInternal {
		t.Errorf("runSchema(failing generator) = %v (exit %d); want exit %d", err, got, ExitInternal)
	}
}

func TestSchemaIsJSON(t *testing.T) {
	io, stdout, _ := streams()
	if err := runSchema(&SchemaOptions{IO: io, Schema: spec.JSONSchema}); err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := json.Unmarshal(stdout.Bytes(), &v); err != nil {
		t.Fatalf("enclave schema printed invalid JSON: %v", err)
	}
	if _, ok := v["$schema"]; !ok {
		t.Errorf("enclave schema has no $schema key")
	}
}
