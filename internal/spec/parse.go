package spec

import (
	"bytes"
	_ "embed"
	"fmt"

	"go.yaml.in/yaml/v4"

	"github.com/enclave-dev/enclave/internal/diag"
)

//go:embed example.yaml
var exampleYAML []byte

// ExampleYAML returns the built-in example's source.
func ExampleYAML() []byte { return bytes.Clone(exampleYAML) }

// ExampleFile is the name diagnostics use for the built-in example.
const ExampleFile = "<built-in example>"

// Example parses the built-in example.
func Example() *Document {
	d, ds := Parse(ExampleFile, exampleYAML)
	if ds.HasErrors() {
		panic("built-in example is invalid: " + ds.Error())
	}
	return d
}

// Parse reads a document. It reports every problem it finds; the document is
// nil when any of them is an error.
func Parse(file string, src []byte) (*Document, diag.Diagnostics) {
	var ds diag.Diagnostics
	var d Document
	dec := yaml.NewDecoder(bytes.NewReader(src))
	dec.KnownFields(true)
	if err := dec.Decode(&d); err != nil {
		ds.Errorf(diag.Pos{File: file}, "", "%s", fmt.Sprint(err))
		return nil, ds
	}
	d.File = file
	return &d, ds
}
