package armschema

import (
	"fmt"
	"slices"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// undeclared reports the object keys in v that none of the schemas applying
// to them declares. Azure's schemas leave objects open (no
// additionalProperties: false), so the schemas alone accept a misspelt
// property that Azure would then ignore. An object is checked only where
// some applying schema lists properties and none allows others
// (additionalProperties or patternProperties); v must already be valid
// against schemas, so that the oneOf and anyOf branches applying to each
// value are the ones it matches.
func undeclared(schemas []*jsonschema.Schema, v any, at string) []string {
	applying := expand(schemas, v)
	switch v := v.(type) {
	case map[string]any:
		return undeclaredKeys(applying, v, at)
	case []any:
		var out []string
		for i, item := range v {
			out = append(out, undeclared(itemSchemas(applying, i), item, fmt.Sprintf("%s/%d", at, i))...)
		}
		return out
	}
	return nil
}

func undeclaredKeys(applying []*jsonschema.Schema, obj map[string]any, at string) []string {
	declares, open := false, false
	for _, s := range applying {
		declares = declares || len(s.Properties) > 0
		open = open || len(s.PatternProperties) > 0 || allowsMore(s.AdditionalProperties)
	}
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var out []string
	for _, k := range keys {
		var sub []*jsonschema.Schema
		for _, s := range applying {
			matched := false
			if p, ok := s.Properties[k]; ok {
				sub, matched = append(sub, p), true
			}
			for re, p := range s.PatternProperties {
				if re.MatchString(k) {
					sub, matched = append(sub, p), true
				}
			}
			if extra, ok := s.AdditionalProperties.(*jsonschema.Schema); ok && !matched {
				sub = append(sub, extra)
			}
		}
		if len(sub) == 0 && declares && !open {
			out = append(out, fmt.Sprintf("at '%s/%s': property not declared by the schema", at, escape(k)))
			continue
		}
		out = append(out, undeclared(sub, obj[k], at+"/"+escape(k))...)
	}
	return out
}

// expand returns the schemas that apply to v: the given ones, what they
// refer to, all of their allOf, and the anyOf and oneOf branches v matches.
func expand(schemas []*jsonschema.Schema, v any) []*jsonschema.Schema {
	var out []*jsonschema.Schema
	seen := map[*jsonschema.Schema]bool{}
	var add func(s *jsonschema.Schema)
	add = func(s *jsonschema.Schema) {
		if s == nil || seen[s] {
			return
		}
		seen[s] = true
		out = append(out, s)
		add(s.Ref)
		for _, a := range s.AllOf {
			add(a)
		}
		for _, b := range append(slices.Clone(s.AnyOf), s.OneOf...) {
			if b.Validate(v) == nil {
				add(b)
			}
		}
	}
	for _, s := range schemas {
		add(s)
	}
	return out
}

// itemSchemas returns the schemas for array element i.
func itemSchemas(applying []*jsonschema.Schema, i int) []*jsonschema.Schema {
	var out []*jsonschema.Schema
	for _, s := range applying {
		switch items := s.Items.(type) {
		case *jsonschema.Schema:
			out = append(out, items)
		case []*jsonschema.Schema:
			if i < len(items) {
				out = append(out, items[i])
			} else if extra, ok := s.AdditionalItems.(*jsonschema.Schema); ok {
				out = append(out, extra)
			}
		}
	}
	return out
}

// allowsMore reports whether an additionalProperties value admits keys
// beyond the declared ones.
func allowsMore(ap any) bool {
	switch ap := ap.(type) {
	case bool:
		return ap
	case *jsonschema.Schema:
		return ap.Bool == nil || *ap.Bool
	}
	return false
}

// escape spells a key as a JSON pointer token.
func escape(k string) string { return pointerEscaper.Replace(k) }

// pointerEscaper is built once: building a Replacer per key dominated the
// walk over large documents such as policy rules.
var pointerEscaper = strings.NewReplacer("~", "~0", "/", "~1")
