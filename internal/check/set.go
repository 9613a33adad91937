package check

import (
	"encoding/json"
	"fmt"
	"sort"
	"time"
)

// Params are the parameter values of an assignment, by parameter name, as
// JSON. A parameter without a value takes the definition's default.
type Params map[string]json.RawMessage

// Assignment is a definition with the parameter values it is evaluated
// with, as an Azure policy assignment gives them.
type Assignment struct {
	Definition *Definition
	Params     Params

	missing []Unsupported
	// resolved are the parameter values by lower-cased name, decoded once.
	resolved map[string]any
	err      error
}

// Set is the rule set check evaluates: assignments and the alias table the
// rules' fields resolve through. Build one in the caller and pass it down;
// there is no global registry.
type Set struct {
	aliases     *Aliases
	assignments []Assignment
	byName      map[string]int
	now         time.Time
}

// NewSet returns an empty Set resolving aliases through a; nil means
// DefaultAliases().
func NewSet(a *Aliases) *Set {
	if a == nil {
		a = DefaultAliases()
	}
	return &Set{aliases: a, byName: map[string]int{}}
}

// Add assigns d with params. Two definitions with one name or a value for
// a parameter d does not declare is an error. A parameter the rule reads
// that has neither value nor default makes the assignment unsupported: it
// is listed in Result.Unsupported, not evaluated. (Parameters only a
// deployIfNotExists template reads may stay unset: check never runs the
// deployment.)
func (s *Set) Add(d *Definition, params Params) error {
	if _, dup := s.byName[d.Name]; dup {
		return fmt.Errorf("policy %s (%s) added twice", d.Name, d.Source)
	}
	for name := range params {
		if _, ok := d.param(name); !ok {
			return fmt.Errorf("policy %s: no parameter %q", d.Name, name)
		}
	}
	a := Assignment{Definition: d, Params: params}
	for _, p := range d.Parameters {
		if _, ok := lookupParam(params, p.Name); !ok && len(p.Default) == 0 && d.rule.reads(p.Name) {
			a.missing = append(a.missing, Unsupported{Policy: d.Name, Source: d.Source,
				Construct: "parameter " + p.Name, Detail: "the rule reads it, it has no default and the assignment gives no value"})
		}
	}
	if len(a.missing) == 0 {
		a.resolved, a.err = resolveParams(d, params)
	}
	s.byName[d.Name] = len(s.assignments)
	s.assignments = append(s.assignments, a)
	return nil
}

// AddAll assigns every definition with default parameter values.
func (s *Set) AddAll(defs []*Definition) error {
	for _, d := range defs {
		if err := s.Add(d, nil); err != nil {
			return err
		}
	}
	return nil
}

// Len returns the number of assignments.
func (s *Set) Len() int { return len(s.assignments) }

// Assignments returns the assignments sorted by definition name.
func (s *Set) Assignments() []Assignment {
	out := append([]Assignment(nil), s.assignments...)
	sort.Slice(out, func(i, j int) bool { return out[i].Definition.Name < out[j].Definition.Name })
	return out
}

// Lookup returns the definition named name.
func (s *Set) Lookup(name string) (*Definition, bool) {
	i, ok := s.byName[name]
	if !ok {
		return nil, false
	}
	return s.assignments[i].Definition, true
}
