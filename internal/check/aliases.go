package check

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"
)

// Aliases resolves policy field aliases ("Microsoft.Storage/storageAccounts/
// minimumTlsVersion") to paths in a resource's ARM body
// ("properties.minimumTlsVersion"). An alias belongs to a resource type; on a
// resource of another type it has no value, as in Azure.
//
// Most aliases follow the documented default-path convention: the alias name
// after the resource type, under "properties". Aliases that do not (sku,
// nested child properties, polymorphic shapes) are listed explicitly. See
// https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-alias
type Aliases struct {
	// explicit maps a lower-cased type to its lower-cased aliases' paths.
	explicit map[string]map[string]string
	// complete says explicit lists every alias of the types it holds (a
	// Get-AzPolicyAlias dump); otherwise unknown aliases of a type follow
	// the convention.
	complete bool

	mu    sync.Mutex
	cache map[[2]string]resolved
}

type resolved struct {
	segs []pathSeg
	ok   bool
}

// path returns the parsed body path of alias on a resource of type typ.
func (a *Aliases) path(typ, alias string) ([]pathSeg, bool) {
	key := [2]string{typ, alias}
	a.mu.Lock()
	defer a.mu.Unlock()
	if r, ok := a.cache[key]; ok {
		return r.segs, r.ok
	}
	var r resolved
	if p, ok := a.resolve(typ, alias); ok {
		if segs, err := parsePath(p); err == nil {
			r = resolved{segs: segs, ok: true}
		}
	}
	if a.cache == nil {
		a.cache = map[[2]string]resolved{}
	}
	a.cache[key] = r
	return r.segs, r.ok
}

// LoadAliases reads a Get-AzPolicyAlias dump:
// {"<type>": {"<alias>": "<default path>", ...}, ...}. Types it lists are
// resolved only through it; other types follow the convention.
func LoadAliases(data []byte) (*Aliases, error) {
	var raw map[string]map[string]string
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("aliases: %w", err)
	}
	a := &Aliases{explicit: map[string]map[string]string{}, complete: true}
	for typ, m := range raw {
		t := map[string]string{}
		for alias, p := range m {
			if alias == "Alias" {
				continue // the dump's header row
			}
			t[strings.ToLower(alias)] = p
		}
		a.explicit[strings.ToLower(typ)] = t
	}
	return a, nil
}

// DefaultAliases returns enclave's own table: the convention plus the
// exceptions in aliasExceptions.
func DefaultAliases() *Aliases {
	a := &Aliases{explicit: map[string]map[string]string{}}
	for _, e := range aliasExceptions {
		t := strings.ToLower(e.typ)
		if a.explicit[t] == nil {
			a.explicit[t] = map[string]string{}
		}
		a.explicit[t][strings.ToLower(e.alias)] = e.path
	}
	return a
}

// pathSeg is one step of a path: a property name, or "[*]" for every
// element of an array.
type pathSeg struct {
	name string
	all  bool
}

// resolve returns the body path of alias on a resource of type typ, and
// false when the alias does not belong to that type.
func (a *Aliases) resolve(typ, alias string) (string, bool) {
	lt, la := strings.ToLower(typ), strings.ToLower(alias)
	if m, ok := a.explicit[lt]; ok {
		if p, ok := m[la]; ok {
			return p, true
		}
		if a.complete {
			return "", false
		}
	}
	rest, ok := strings.CutPrefix(la, lt+"/")
	if !ok {
		return "", false
	}
	// A further "/" before the first property means a child type's alias.
	head := rest
	if i := strings.IndexAny(head, ".["); i >= 0 {
		head = head[:i]
	}
	if strings.Contains(head, "/") || rest == "" {
		return "", false
	}
	return "properties." + alias[len(alias)-len(rest):], true
}

// parsePath splits "properties.subnets[*].properties.name" into segments.
// Bracketed keys ("tags['a.b']") are one segment.
func parsePath(p string) ([]pathSeg, error) {
	var out []pathSeg
	for p != "" {
		switch {
		case strings.HasPrefix(p, "[*]"):
			out = append(out, pathSeg{all: true})
			p = p[3:]
		case strings.HasPrefix(p, "['") || strings.HasPrefix(p, "[\""):
			q := p[1]
			end := strings.IndexByte(p[2:], q)
			if end < 0 || len(p) < end+4 || p[end+3] != ']' {
				return nil, fmt.Errorf("unterminated key in %q", p)
			}
			out = append(out, pathSeg{name: p[2 : end+2]})
			p = p[end+4:]
		case p[0] == '.':
			p = p[1:]
		default:
			i := strings.IndexAny(p, ".[")
			if i < 0 {
				i = len(p)
			}
			out = append(out, pathSeg{name: p[:i]})
			p = p[i:]
		}
	}
	return out, nil
}
