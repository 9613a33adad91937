package spec

import (
	_ "embed"
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"net/netip"
	"reflect"
	"strconv"
	"strings"

	"github.com/invopop/jsonschema"
)

// SchemaID is where the JSON Schema of enclave.yaml is published; the
// example's first line points editors at it.
const SchemaID = "https://enclave.dev/schema/enclave.schema.json"

// typesSource is the source of the spec types; its doc comments become
// the schema's descriptions, so the binary needs no source tree.
//
//go:embed types.go
var typesSource string

// prefixPattern matches an IPv4 CIDR prefix.
const prefixPattern = `^(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}/([0-9]|[12][0-9]|3[0-2])$`

// JSONSchema returns the JSON Schema (draft 2020-12) of enclave.yaml,
// generated from the Go types. The output is the same on every call.
func JSONSchema() ([]byte, error) {
	r := &jsonschema.Reflector{
		BaseSchemaID:   SchemaID,
		ExpandedStruct: true,
		Mapper:         mapNetip,
		CommentMap:     typeComments(),
	}
	s := r.Reflect(&Document{})
	s.ID = SchemaID
	s.Title = "enclave.yaml"
	s.Description = "A data-science team's Azure environment: its network, team, services, data sources, governance and the network paths (intents) it needs."
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// mapNetip describes the netip types as the strings they are written as.
func mapNetip(t reflect.Type) *jsonschema.Schema {
	switch t {
	case reflect.TypeFor[netip.Prefix]():
		return &jsonschema.Schema{Type: "string", Pattern: prefixPattern}
	case reflect.TypeFor[netip.Addr]():
		return &jsonschema.Schema{Type: "string", Format: "ipv4"}
	}
	return nil
}

// typeComments reads the doc comments of the types and fields in types.go
// into the reflector's comment map ("<pkg>.Type" and "<pkg>.Type.Field").
func typeComments() map[string]string {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "types.go", typesSource, parser.ParseComments)
	if err != nil {
		panic("spec: types.go does not parse: " + err.Error())
	}
	pkg := reflect.TypeFor[Document]().PkgPath()
	out := map[string]string{}
	for _, decl := range f.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.TYPE {
			continue
		}
		for _, spec := range gd.Specs {
			ts := spec.(*ast.TypeSpec)
			doc := ts.Doc
			if doc == nil && len(gd.Specs) == 1 {
				doc = gd.Doc
			}
			if text := commentText(doc); text != "" {
				out[pkg+"."+ts.Name.Name] = text
			}
			st, ok := ts.Type.(*ast.StructType)
			if !ok {
				continue
			}
			for _, field := range st.Fields.List {
				text := commentText(field.Doc)
				if text == "" {
					text = commentText(field.Comment)
				}
				for _, name := range field.Names {
					if text != "" {
						out[pkg+"."+ts.Name.Name+"."+name.Name] = fieldComment(name.Name, yamlKey(field), text)
					}
				}
			}
		}
	}
	return out
}

// yamlKey is the YAML key in a field's tag.
func yamlKey(f *ast.Field) string {
	if f.Tag == nil {
		return ""
	}
	tag, err := strconv.Unquote(f.Tag.Value)
	if err != nil {
		return ""
	}
	key, _, _ := strings.Cut(reflect.StructTag(tag).Get("yaml"), ",")
	return key
}

// fieldComment rewrites a Go doc comment for a schema user: "CircuitID is
// the circuit ID." becomes "The circuit ID.", and "SharedKey names ..."
// becomes "sharedKey names ...".
func fieldComment(goName, key, text string) string {
	rest, ok := strings.CutPrefix(text, goName+" ")
	if !ok || key == "" {
		return text
	}
	if after, ok := strings.CutPrefix(rest, "is "); ok {
		for _, w := range []string{"the ", "a ", "an ", "where "} {
			if strings.HasPrefix(after, w) {
				return strings.ToUpper(after[:1]) + after[1:]
			}
		}
	}
	return key + " " + rest
}

// commentText joins a comment group into one line.
func commentText(g *ast.CommentGroup) string {
	return strings.Join(strings.Fields(g.Text()), " ")
}
