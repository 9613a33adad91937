// Package baseline holds enclave's own Azure Policy definitions: JSON files
// in Azure's policy definition format, embedded in the binary. The same
// files are evaluated offline by internal/check before deployment and
// rendered into the ARM output by internal/compile and internal/render/arm,
// so that Azure enforces after deployment what enclave verified before it.
//
// The package is a leaf: it imports nothing of enclave's, so compile and
// check can both read it without importing each other.
package baseline

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
)

//go:embed definitions/*.json
var files embed.FS

// Dir is the directory of FS holding the definition files.
const Dir = "definitions"

// NamePrefix starts the name of every baseline definition.
const NamePrefix = "enclave-"

// FS returns the embedded definition files, under Dir.
func FS() fs.FS { return files }

// Definition is one baseline policy definition as the file spells it.
type Definition struct {
	// Name is the definition's resource name ("enclave-storage-shared-key-access").
	Name       string     `json:"name"`
	Properties Properties `json:"properties"`
	// File is the file's path in FS; Raw its bytes.
	File string `json:"-"`
	Raw  []byte `json:"-"`
}

// Properties are the definition's properties in Azure's format.
type Properties struct {
	DisplayName string               `json:"displayName"`
	PolicyType  string               `json:"policyType"`
	Mode        string               `json:"mode"`
	Description string               `json:"description"`
	Metadata    Metadata             `json:"metadata"`
	Parameters  map[string]Parameter `json:"parameters"`
	PolicyRule  json.RawMessage      `json:"policyRule"`
}

// Metadata is the part of a definition's metadata enclave reads.
type Metadata struct {
	Category string `json:"category"`
	Version  string `json:"version"`
	// Controls are the Microsoft cloud security benchmark controls the
	// definition implements ("NS-2", "IM-1").
	Controls []string `json:"mcsbControls"`
	Source   string   `json:"source"`
}

// Parameter is a definition parameter.
type Parameter struct {
	Type          string            `json:"type"`
	Metadata      ParameterMetadata `json:"metadata"`
	AllowedValues []json.RawMessage `json:"allowedValues,omitempty"`
	DefaultValue  json.RawMessage   `json:"defaultValue,omitempty"`
}

// ParameterMetadata describes a parameter to people.
type ParameterMetadata struct {
	DisplayName string `json:"displayName"`
	Description string `json:"description"`
	StrongType  string `json:"strongType,omitempty"`
}

// ParameterNames returns the definition's parameter names, sorted.
func (d Definition) ParameterNames() []string {
	var out []string
	for n := range d.Properties.Parameters {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

// Effects returns the allowed values of the effect parameter.
func (d Definition) Effects() []string {
	p, ok := d.Properties.Parameters["effect"]
	if !ok {
		return nil
	}
	var out []string
	for _, v := range p.AllowedValues {
		var s string
		if json.Unmarshal(v, &s) == nil {
			out = append(out, s)
		}
	}
	return out
}

// DefaultEffect returns the default of the effect parameter.
func (d Definition) DefaultEffect() string {
	var s string
	_ = json.Unmarshal(d.Properties.Parameters["effect"].DefaultValue, &s)
	return s
}

// Load parses every embedded definition, sorted by name. It fails on a
// file that does not parse or lacks a required field, so a broken file
// fails every caller's tests, not a deployment.
func Load() ([]Definition, error) {
	entries, err := fs.ReadDir(files, Dir)
	if err != nil {
		return nil, err
	}
	var out []Definition
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".json") {
			continue
		}
		p := path.Join(Dir, e.Name())
		raw, err := fs.ReadFile(files, p)
		if err != nil {
			return nil, err
		}
		d, err := Parse(raw)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		if want := NamePrefix + strings.TrimSuffix(e.Name(), ".json"); d.Name != want {
			return nil, fmt.Errorf("%s: name %q; want %q (the file name with the %q prefix)", p, d.Name, want, NamePrefix)
		}
		d.File = p
		out = append(out, d)
	}
	slices.SortFunc(out, func(a, b Definition) int { return strings.Compare(a.Name, b.Name) })
	return out, nil
}

// Parse parses one definition file and checks the fields every baseline
// definition must have.
func Parse(raw []byte) (Definition, error) {
	var d Definition
	if err := json.Unmarshal(raw, &d); err != nil {
		return Definition{}, err
	}
	d.Raw = raw
	p := d.Properties
	switch {
	case d.Name == "":
		return d, fmt.Errorf("no name")
	case p.DisplayName == "":
		return d, fmt.Errorf("no displayName")
	case p.Description == "":
		return d, fmt.Errorf("no description")
	case p.Mode != "All" && p.Mode != "Indexed":
		return d, fmt.Errorf("mode %q; want All or Indexed", p.Mode)
	case p.Metadata.Category == "" || p.Metadata.Version == "":
		return d, fmt.Errorf("metadata lacks category or version")
	case len(p.Metadata.Controls) == 0:
		return d, fmt.Errorf("metadata.mcsbControls is empty")
	case len(p.PolicyRule) == 0:
		return d, fmt.Errorf("no policyRule")
	}
	for name, prm := range p.Parameters {
		if len(prm.DefaultValue) == 0 {
			return d, fmt.Errorf("parameter %s has no default value", name)
		}
		if prm.Metadata.DisplayName == "" {
			return d, fmt.Errorf("parameter %s has no display name", name)
		}
	}
	if _, ok := p.Parameters["effect"]; !ok {
		return d, fmt.Errorf("no effect parameter")
	}
	return d, nil
}
