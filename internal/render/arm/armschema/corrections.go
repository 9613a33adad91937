package armschema

import (
	"path"
	"strings"
)

// correction changes one place where a published schema disagrees with
// what Azure accepts. Each names its evidence; the list is the complete set
// of deviations from the published files, besides standInResource.
type correction struct {
	// file is the schema file's base name, for every apiVersion.
	file string
	// pointer is the JSON pointer of the schema to replace.
	pointer string
	// why says how Azure differs from the file.
	why string
	// fix returns the replacement for the schema at pointer in the file of
	// apiVersion ver.
	fix func(ver string, old any) any
}

var corrections = []correction{
	{
		file:    "Microsoft.Compute.json",
		pointer: "/definitions/HardwareProfile/properties/vmSize",
		why: "the enum is a frozen list of old sizes that its own description calls deprecated; " +
			"Azure accepts every size a region offers (Standard_D4s_v5, Standard_NC4as_T4_v3, ...)",
		fix: func(string, any) any { return map[string]any{"type": "string", "minLength": 1} },
	},
	{
		file:    "Microsoft.Compute.Extensions.json",
		pointer: "/resourceDefinitions/virtualMachines_extensions/properties/properties",
		why: "the hand-written extension schemas omit API properties such as autoUpgradeMinorVersion, " +
			"enableAutomaticUpgrade and protectedSettings; the generated VirtualMachineExtensionProperties " +
			"of the same apiVersion declares them, so a value must also match that",
		fix: func(ver string, old any) any {
			generated := BaseURL + ver + "/Microsoft.Compute.json#/definitions/VirtualMachineExtensionProperties"
			return map[string]any{"allOf": []any{old, map[string]any{"$ref": generated}}}
		},
	},
}

// correct applies the corrections for the file at rel (slash path
// "<apiVersion>/<file>") to its parsed document, and turns every
// "oneOf: [{}, expression]" into "{}": the generator writes that for
// properties of any type, where an expression matches both branches and so
// fails oneOf although it is exactly what ARM evaluates.
func correct(rel string, doc any) any {
	ver, file := path.Split(rel)
	ver = strings.TrimSuffix(ver, "/")
	for _, c := range corrections {
		if c.file != file {
			continue
		}
		parent, key, ok := lookupParent(doc, c.pointer)
		if ok {
			parent[key] = c.fix(ver, parent[key])
		}
	}
	return anyOrExpression(doc)
}

// lookupParent finds the object holding the last token of pointer.
func lookupParent(doc any, pointer string) (map[string]any, string, bool) {
	tokens := strings.Split(strings.TrimPrefix(pointer, "/"), "/")
	cur, ok := doc.(map[string]any)
	for _, tok := range tokens[:len(tokens)-1] {
		if !ok {
			return nil, "", false
		}
		cur, ok = cur[tok].(map[string]any)
	}
	if !ok {
		return nil, "", false
	}
	last := tokens[len(tokens)-1]
	_, ok = cur[last]
	return cur, last, ok
}

// anyOrExpression also opens discriminated bases (see openDiscriminatedBase).
// It rewrites, everywhere in v, a schema that is exactly
// {"oneOf": [{}, expression]} plus annotations into the empty schema, and
// {"oneOf": [X, expression]} into {"anyOf": [X, expression]}: a template
// expression is a string, so when X accepts strings an expression matches
// both branches, yet ARM reads it as the expression it is.
func anyOrExpression(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			v[k] = anyOrExpression(x)
		}
		openDiscriminatedBase(v)
		if isAnyOrExpression(v) {
			delete(v, "oneOf")
		} else if isValueOrExpression(v) {
			v["anyOf"] = v["oneOf"]
			delete(v, "oneOf")
		}
		return v
	case []any:
		for i, x := range v {
			v[i] = anyOrExpression(x)
		}
	}
	return v
}

func isAnyOrExpression(m map[string]any) bool {
	branches, ok := m["oneOf"].([]any)
	if !ok || len(branches) != 2 {
		return false
	}
	empty, _ := branches[0].(map[string]any)
	expr, _ := branches[1].(map[string]any)
	return empty != nil && len(empty) == 0 && len(expr) == 1 && expr["$ref"] == expressionURL
}

func isValueOrExpression(m map[string]any) bool {
	branches, ok := m["oneOf"].([]any)
	if !ok || len(branches) != 2 {
		return false
	}
	expr, _ := branches[1].(map[string]any)
	return len(expr) == 1 && expr["$ref"] == expressionURL
}

// openDiscriminatedBase drops "additionalProperties": false from the base of
// a polymorphic schema, {"allOf": [base, {"oneOf": [variants...]}]}. The
// generator closes the base although every variant adds properties of its
// own (an Azure ML compute's nested "properties", a Stream Analytics input's
// "datasource"), so as published no variant can ever match; the variants
// still check every field they declare.
func openDiscriminatedBase(m map[string]any) {
	all, ok := m["allOf"].([]any)
	if !ok || len(all) != 2 {
		return
	}
	base, _ := all[0].(map[string]any)
	variants, _ := all[1].(map[string]any)
	if base == nil || variants == nil || base["additionalProperties"] != false {
		return
	}
	if _, ok := variants["oneOf"].([]any); ok {
		delete(base, "additionalProperties")
	}
}
