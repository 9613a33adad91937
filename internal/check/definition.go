package check

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// Definition is one Azure Policy definition, parsed and compiled. Read one
// with ParseDefinition; a definition is immutable afterwards and may be
// shared by several Sets.
type Definition struct {
	// Name is the definition's name: the GUID of a built-in, enclave's own
	// name for the baseline. Sets key definitions by it.
	Name string
	// ID is the "id" field when the file has one.
	ID          string
	DisplayName string
	Description string
	// Mode is "All", "Indexed" or a resource provider mode.
	Mode     string
	Category string
	Version  string
	// Controls lists the Microsoft cloud security benchmark control IDs
	// ("NS-2") from metadata.mcsbControls, for reports.
	Controls []string
	// Source is where the definition was read from (a file path).
	Source string
	// Parameters are the declared parameters, sorted by name.
	Parameters []ParamDef
	// Raw is the definition's JSON exactly as read, for renderers that
	// deploy it.
	Raw json.RawMessage

	rule        *policyRule
	unsupported []Unsupported
}

// ParamDef is a parameter a definition declares.
type ParamDef struct {
	Name        string
	Type        string // String, Array, Object, Boolean, Integer, Float, DateTime
	Default     json.RawMessage
	Allowed     []json.RawMessage
	DisplayName string
	Description string
}

// Unsupported returns the constructs of d the evaluator cannot judge. A
// definition with any is reported, never evaluated.
func (d *Definition) Unsupported() []Unsupported { return d.unsupported }

// wire shapes of a definition file: either the full resource
// ({"properties": {...}, "name": ...}) or just the properties object.
type defFile struct {
	ID         string          `json:"id"`
	Name       string          `json:"name"`
	Properties *defProperties  `json:"properties"`
	PolicyRule json.RawMessage `json:"policyRule"`
}

type defProperties struct {
	DisplayName string                     `json:"displayName"`
	Description string                     `json:"description"`
	Mode        string                     `json:"mode"`
	Version     string                     `json:"version"`
	Metadata    defMetadata                `json:"metadata"`
	Parameters  map[string]json.RawMessage `json:"parameters"`
	PolicyRule  json.RawMessage            `json:"policyRule"`
}

type defMetadata struct {
	Category     string   `json:"category"`
	Version      string   `json:"version"`
	MCSBControls []string `json:"mcsbControls"`
}

type paramWire struct {
	Type          string            `json:"type"`
	DefaultValue  json.RawMessage   `json:"defaultValue"`
	AllowedValues []json.RawMessage `json:"allowedValues"`
	Metadata      struct {
		DisplayName string `json:"displayName"`
		Description string `json:"description"`
	} `json:"metadata"`
}

// DefinitionError is a definition that cannot be read: malformed JSON
// (Line and Col say where, 1-based, when known) or a rule without if/then.
type DefinitionError struct {
	Source    string
	Line, Col int
	Err       error
}

func (e *DefinitionError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %v", e.Source, e.Line, e.Col, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Source, e.Err)
}

func (e *DefinitionError) Unwrap() error { return e.Err }

// defError wraps err for source, locating JSON syntax and type errors.
func defError(data []byte, source string, err error) error {
	de := &DefinitionError{Source: source, Err: err}
	var off int64 = -1
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
	}
	if off >= 0 && off <= int64(len(data)) {
		de.Line, de.Col = 1, 1
		for _, c := range data[:off] {
			if c == '\n' {
				de.Line++
				de.Col = 1
			} else {
				de.Col++
			}
		}
	}
	return de
}

// ParseDefinition reads a policy definition: the resource form Azure
// publishes ({"properties": {...}, "id", "name"}) or the bare properties
// object. source names it in messages; when the file has no name the
// source's base name without extension is used. Malformed JSON or a rule
// without if/then is an error; a construct the evaluator does not know is
// not: it is recorded in Unsupported.
func ParseDefinition(data []byte, source string) (*Definition, error) {
	var f defFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, defError(data, source, err)
	}
	p := f.Properties
	if p == nil {
		// The bare properties object.
		p = &defProperties{}
		if err := json.Unmarshal(data, p); err != nil {
			return nil, defError(data, source, err)
		}
	}
	d := &Definition{
		Name:        f.Name,
		ID:          f.ID,
		DisplayName: p.DisplayName,
		Description: p.Description,
		Mode:        p.Mode,
		Category:    p.Metadata.Category,
		Version:     p.Version,
		Controls:    p.Metadata.MCSBControls,
		Source:      source,
		Raw:         append(json.RawMessage(nil), data...),
	}
	if d.Version == "" {
		d.Version = p.Metadata.Version
	}
	if d.Name == "" {
		base := path.Base(filepath.ToSlash(source))
		d.Name = strings.TrimSuffix(base, path.Ext(base))
	}
	for name, raw := range p.Parameters {
		var w paramWire
		if err := json.Unmarshal(raw, &w); err != nil {
			return nil, &DefinitionError{Source: source, Err: fmt.Errorf("parameter %s: %w", name, err)}
		}
		d.Parameters = append(d.Parameters, ParamDef{
			Name: name, Type: w.Type, Default: w.DefaultValue, Allowed: w.AllowedValues,
			DisplayName: w.Metadata.DisplayName, Description: w.Metadata.Description,
		})
	}
	sort.Slice(d.Parameters, func(i, j int) bool { return d.Parameters[i].Name < d.Parameters[j].Name })
	if len(p.PolicyRule) == 0 {
		return nil, &DefinitionError{Source: source, Err: errors.New("no policyRule")}
	}
	rule, unsupported, err := compileRule(p.PolicyRule, d)
	if err != nil {
		return nil, &DefinitionError{Source: source, Err: err}
	}
	d.rule = rule
	for i := range unsupported {
		unsupported[i].Policy = d.Name
		unsupported[i].Source = source
	}
	d.unsupported = unsupported
	return d, nil
}

// param returns the declared parameter name (case-insensitively, as Azure
// matches parameter names).
func (d *Definition) param(name string) (ParamDef, bool) {
	for _, p := range d.Parameters {
		if strings.EqualFold(p.Name, name) {
			return p, true
		}
	}
	return ParamDef{}, false
}

// LoadDir reads every *.json file under dir (recursively) as a definition,
// in path order.
func LoadDir(dir string) ([]*Definition, error) {
	if _, err := os.Stat(dir); err != nil {
		return nil, err
	}
	return LoadFS(os.DirFS(dir), ".", dir)
}

// LoadFS reads every *.json file under root in fsys (recursively) as a
// definition, in path order; prefix is prepended to each Source (the
// directory fsys stands for, or a label such as "baseline").
func LoadFS(fsys fs.FS, root, prefix string) ([]*Definition, error) {
	var out []*Definition
	err := fs.WalkDir(fsys, root, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() || !strings.EqualFold(path.Ext(p), ".json") {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		src := p
		if prefix != "" {
			src = path.Join(filepath.ToSlash(prefix), p)
		}
		d, err := ParseDefinition(data, src)
		if err != nil {
			return err
		}
		out = append(out, d)
		return nil
	})
	return out, err
}
