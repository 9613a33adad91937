package spec

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"

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

// Parse reads a document. It reports every problem it finds, sorted by
// position; the document is nil when any of them is an error.
func Parse(file string, src []byte) (*Document, diag.Diagnostics) {
	root, ds := load(file, src)
	if ds.HasErrors() {
		ds.Sort()
		return nil, ds
	}
	doc := &Document{File: file}
	dec := newDecoder(file, len(src))
	dec.decode(root, reflect.ValueOf(doc).Elem(), "", nil)
	doc.Positions = dec.pos
	ds.Append(dec.diags)
	if !dec.over {
		ds.Append(validate(doc, dec.failed))
	}
	ds.Sort()
	if ds.HasErrors() {
		return nil, ds
	}
	return doc, ds
}

// load reads src into a node tree: the content of its single document.
func load(file string, src []byte) (*yaml.Node, diag.Diagnostics) {
	var ds diag.Diagnostics
	start := diag.Pos{File: file, Line: 1, Col: 1}
	l, err := yaml.NewLoader(bytes.NewReader(src))
	if err != nil {
		// Only bad options fail here; that is a program fault.
		panic("spec: " + err.Error())
	}
	var doc yaml.Node
	if err := l.Load(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			ds.Errorf(start, emptyHint, "the file is empty")
		} else {
			ds.Append(syntaxError(file, src, err))
		}
		return nil, ds
	}
	var next yaml.Node
	switch err := l.Load(&next); {
	case errors.Is(err, io.EOF):
	case err != nil:
		ds.Append(syntaxError(file, src, err))
	default:
		at := diag.Pos{File: file, Line: next.Line, Col: next.Column}
		ds.Errorf(at, "remove the \"---\" line and everything after it, or split the file", "only one YAML document is allowed")
	}
	if len(doc.Content) == 0 {
		ds.Errorf(start, emptyHint, "the file is empty")
		return nil, ds
	}
	return doc.Content[0], ds
}

const emptyHint = "a spec needs at least name, location, network and team; see the schema at " + SchemaID

// syntaxError turns an error from the YAML reader into a diagnostic at the
// position it reports.
func syntaxError(file string, src []byte, err error) diag.Diagnostics {
	var ds diag.Diagnostics
	var le *yaml.LoadError
	if !errors.As(err, &le) {
		ds.Errorf(diag.Pos{File: file}, "", "yaml syntax error: %s", strings.TrimPrefix(err.Error(), "yaml: "))
		return ds
	}
	msg := strings.TrimPrefix(le.Message, "yaml: ")
	if le.ContextMsg != "" && le.ContextMark.Line > 0 {
		msg = fmt.Sprintf("%s (%s started at line %d)", msg, strings.TrimPrefix(le.ContextMsg, "while "), le.ContextMark.Line)
	}
	at := diag.Pos{File: file, Line: le.Mark.Line, Col: le.Mark.Column}
	if at.Line == 0 {
		at = diag.Pos{File: file, Line: 1, Col: 1}
	}
	ds.Errorf(at, syntaxHint(src, at.Line), "yaml syntax error: %s", msg)
	return ds
}

// syntaxHint suggests the usual causes of a syntax error on a line.
func syntaxHint(src []byte, line int) string {
	lines := bytes.Split(src, []byte("\n"))
	if line >= 1 && line <= len(lines) && bytes.ContainsRune(lines[line-1], '\t') {
		return "YAML indents with spaces; replace the tabs on this line"
	}
	return "check the indentation, and quote values that contain \": \", \"#\" or start with a special character"
}
