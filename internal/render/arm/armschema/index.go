package armschema

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// Sections of a schema file that declare resources, one per deployment scope.
const (
	SectionResourceGroup   = "resourceDefinitions"
	SectionSubscription    = "subscription_resourceDefinitions"
	SectionExtension       = "extension_resourceDefinitions"
	SectionManagementGroup = "managementGroup_resourceDefinitions"
	SectionTenant          = "tenant_resourceDefinitions"
	SectionUnknown         = "unknown_resourceDefinitions"
)

// Definition locates the schema of one resource type at one apiVersion.
type Definition struct {
	File    string // "2025-07-01/Microsoft.Network.NRP.json"
	Section string // "resourceDefinitions"
	Name    string // "virtualNetworks_subnets"
}

// URL returns the schema URL of d.
func (d Definition) URL() string { return BaseURL + d.File + "#/" + d.Section + "/" + d.Name }

func (d Definition) String() string { return d.File + "#/" + d.Section + "/" + d.Name }

// NoSchemaError says that no schema declares a type at an apiVersion for the
// resource's scope.
type NoSchemaError struct {
	Resource   string
	Type       string
	APIVersion string
	// Elsewhere lists definitions of the pair in sections for other scopes.
	Elsewhere []Definition
}

func (e *NoSchemaError) Error() string {
	msg := fmt.Sprintf("%s: no schema declares %s at apiVersion %s", e.Resource, e.Type, e.APIVersion)
	if len(e.Elsewhere) > 0 {
		msg += fmt.Sprintf(" for this scope (declared in %v)", e.Elsewhere)
	}
	return msg
}

type indexKey struct{ typ, apiVersion string }

// Lookup finds the definition for r's type and apiVersion, preferring the
// section for r's scope: extension resources look in
// extension_resourceDefinitions first, then in their deployment scope's
// section; other resources the other way round.
func (v *Validator) Lookup(r Resource) (Definition, error) {
	typ, ver := r.Type(), r.APIVersion()
	if typ == "" || ver == "" {
		return Definition{}, fmt.Errorf("%s: type and apiVersion are required", r.Label())
	}
	defs, err := v.definitions(typ, ver)
	if err != nil {
		return Definition{}, err
	}
	for _, section := range sectionsFor(r) {
		for _, d := range defs {
			if d.Section == section {
				return d, nil
			}
		}
	}
	return Definition{}, &NoSchemaError{Resource: r.Label(), Type: typ, APIVersion: ver, Elsewhere: defs}
}

func sectionsFor(r Resource) []string {
	own := SectionResourceGroup
	if r.Scope == Subscription {
		own = SectionSubscription
	}
	if r.Extension() {
		return []string{SectionExtension, own, SectionUnknown}
	}
	return []string{own, SectionExtension, SectionUnknown}
}

// definitions returns every definition of (typ, ver), indexing on first use
// the files of directory ver named after typ's namespace: a namespace may be
// split across several files (Microsoft.Network.NRP.json,
// Microsoft.Network.privateDns.json, ...), each scanned once.
func (v *Validator) definitions(typ, ver string) ([]Definition, error) {
	ns, _, _ := strings.Cut(typ, "/")
	v.mu.Lock()
	defer v.mu.Unlock()
	scan := path.Join(ver, strings.ToLower(ns))
	if !v.scanned[scan] {
		if err := v.scan(ver, ns); err != nil {
			return nil, err
		}
		v.scanned[scan] = true
	}
	return v.index[indexKey{strings.ToLower(typ), ver}], nil
}

// scan indexes the files <ver>/<ns>.json and <ver>/<ns>.*.json. The caller
// holds v.mu.
func (v *Validator) scan(ver, ns string) error {
	if ver != path.Base(ver) || strings.HasPrefix(ver, ".") {
		return fmt.Errorf("apiVersion %q is not a schema directory name", ver)
	}
	entries, err := os.ReadDir(filepath.Join(v.dir, ver))
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return err
	}
	prefix := strings.ToLower(ns) + "."
	for _, e := range entries {
		name := strings.ToLower(e.Name())
		if e.IsDir() || !strings.HasPrefix(name, prefix) || !strings.HasSuffix(name, ".json") {
			continue
		}
		if err := v.indexFile(path.Join(ver, e.Name())); err != nil {
			return err
		}
	}
	return nil
}

// indexFile records each resource definition of one file under the types
// and apiVersions its type and apiVersion enums list.
func (v *Validator) indexFile(rel string) error {
	doc, err := v.doc(rel)
	if err != nil {
		return err
	}
	top, ok := doc.(map[string]any)
	if !ok {
		return fmt.Errorf("%s is not a JSON object", rel)
	}
	for _, section := range sortedKeys(top) {
		if !strings.HasSuffix(section, "esourceDefinitions") {
			continue
		}
		defs, _ := top[section].(map[string]any)
		for _, name := range sortedKeys(defs) {
			def, _ := defs[name].(map[string]any)
			props, _ := def["properties"].(map[string]any)
			d := Definition{File: rel, Section: section, Name: name}
			for _, typ := range enum(props, "type") {
				for _, ver := range enum(props, "apiVersion") {
					k := indexKey{strings.ToLower(typ), ver}
					v.index[k] = append(v.index[k], d)
				}
			}
		}
	}
	return nil
}

// enum returns the strings of properties[name].enum.
func enum(props map[string]any, name string) []string {
	p, _ := props[name].(map[string]any)
	vals, _ := p["enum"].([]any)
	var out []string
	for _, x := range vals {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
