// Package deptest keeps enclave's imports pointing one way. Rules name
// packages by their path inside the module ("internal/model"), with a
// trailing "/..." for a package and everything below it; Check applies them
// to the package list `go list -deps -json` prints.
package deptest

import (
	"fmt"
	"sort"
	"strings"
)

// Package is the part of `go list -json` output the rules read.
type Package struct {
	ImportPath string
	Standard   bool
	Imports    []string
	Module     *struct {
		Path string
		Main bool
	}
}

// Rule constrains the packages matching Pkg (but none matching Except).
type Rule struct {
	Pkg    string
	Except []string
	// Forbid lists module packages they must not depend on, directly or
	// through another package.
	Forbid []string
	// Only, when set, lists every package they may import directly besides
	// the standard library: module packages by module path, others by
	// import path (both with the "/..." suffix allowed).
	Only []string
	// Why is the design reason, shown with each violation.
	Why string
}

// Rules are enclave's layering: data flows spec -> compile -> model ->
// render and deploy, and only the command's main package drives the cli.
var Rules = []Rule{
	{Pkg: "internal/model/...", Forbid: []string{"internal/spec/...", "internal/compile/...", "internal/render/...", "internal/cli/..."},
		Why: "the model is the single source of truth and knows nothing of where it came from or how it is spelled"},
	{Pkg: "internal/spec/...", Only: []string{"internal/diag/...", "go.yaml.in/yaml/...", "github.com/invopop/jsonschema/...", "github.com/santhosh-tekuri/jsonschema/..."},
		Why: "spec checks the shape of enclave.yaml and knows nothing about Azure resources"},
	{Pkg: "internal/compile/...", Forbid: []string{"internal/render/...", "internal/deploy/...", "internal/cli/..."},
		Why: "compile builds the model; renderers and commands read it"},
	{Pkg: "internal/render/...", Forbid: []string{"internal/spec/...", "internal/compile/...", "internal/deploy/...", "internal/cli/..."},
		Why: "renderers read only the model, never the spec or the compiler"},
	{Pkg: "...", Except: []string{"cmd/enclave", "internal/cli/..."}, Forbid: []string{"internal/cli/..."},
		Why: "only the command's main package runs the cli"},
	{Pkg: "internal/deploy/...", Forbid: []string{"internal/spec/...", "internal/compile/...", "internal/render/...", "internal/cli/..."},
		Why: "deploy sends the rendered template to Azure and reads the model; the command compiles and renders"},
	{Pkg: "...", Forbid: []string{"internal/deploy/deploytest"},
		Why: "the fake Azure servers are for tests only; production code never imports them"},
	{Pkg: "internal/reach/...", Forbid: []string{"internal/render/...", "internal/deploy/...", "internal/cli/..."},
		Why: "reach reads the model and the spec's intents; renderers and commands read its answers, never the reverse"},
	{Pkg: "internal/cost/...", Forbid: []string{"internal/spec/...", "internal/compile/...", "internal/render/...", "internal/cli/..."},
		Why: "cost prices the model; it reads neither the spec, the compiler nor the renderers"},
	{Pkg: "internal/check/...", Forbid: []string{"internal/spec/...", "internal/compile/...", "internal/render/...", "internal/report/..."},
		Why: "check judges the model as Azure Policy would; the caller presents the resources and reports the result"},
	{Pkg: "internal/report/...", Forbid: []string{"internal/spec/...", "internal/compile/...", "internal/render/..."},
		Why: "report only formats results the analyses produced"},
	{Pkg: "internal/policy/...", Only: []string{"internal/policy/..."},
		Why: "the policy baseline is a leaf of embedded definitions that compile and the command read; it imports only the standard library"},
	{Pkg: "internal/importarm/...", Only: []string{"internal/diag/...", "internal/model/..."},
		Why: "importarm turns templates and exports into resources for the model; it reads neither the spec, the compiler nor the renderers, and analyses and commands import it, never the reverse"},
	{Pkg: "internal/importarm/tomodel/...", Only: []string{"internal/importarm", "internal/diag/...", "internal/model/..."},
		Why: "tomodel maps evaluated resources onto model kinds; it reads only the evaluator's result and the model, never the renderers or the analyses"},
	{Pkg: "internal/render/terraform/...", Forbid: []string{"internal/render/arm/..."},
		Why: "each renderer spells the model itself; Terraform is never derived from the ARM rendering (only tests compare them)"},
}

// match reports whether rel (a path inside the module, or an import path)
// matches pattern.
func match(pattern, rel string) bool {
	if pattern == "..." {
		return true
	}
	if base, ok := strings.CutSuffix(pattern, "/..."); ok {
		return rel == base || strings.HasPrefix(rel, base+"/")
	}
	return rel == pattern
}

func matchAny(patterns []string, rel string) bool {
	for _, p := range patterns {
		if match(p, rel) {
			return true
		}
	}
	return false
}

// graph indexes the package list.
type graph struct {
	module string
	pkgs   map[string]Package
}

func newGraph(pkgs []Package) graph {
	g := graph{pkgs: map[string]Package{}}
	for _, p := range pkgs {
		g.pkgs[p.ImportPath] = p
		if p.Module != nil && p.Module.Main {
			g.module = p.Module.Path
		}
	}
	return g
}

// rel returns path relative to the main module and whether it is in it.
func (g graph) rel(path string) (string, bool) {
	if path == g.module {
		return ".", true
	}
	r, ok := strings.CutPrefix(path, g.module+"/")
	return r, ok && g.module != ""
}

// inModule reports whether the package at path belongs to the main module.
func (g graph) inModule(path string) bool {
	p, ok := g.pkgs[path]
	return ok && p.Module != nil && p.Module.Main
}

// chain returns the shortest import chain from one package to the first
// module package matching target, or nil when there is none.
func (g graph) chain(from string, target func(string) bool) []string {
	prev := map[string]string{from: ""}
	queue := []string{from}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		for _, imp := range g.pkgs[cur].Imports {
			if _, seen := prev[imp]; seen || !g.inModule(imp) {
				continue
			}
			prev[imp] = cur
			if target(imp) {
				var path []string
				for p := imp; p != ""; p = prev[p] {
					path = append([]string{p}, path...)
				}
				return path
			}
			queue = append(queue, imp)
		}
	}
	return nil
}

// Check returns every violation of rules in pkgs, sorted.
func Check(pkgs []Package, rules []Rule) []string {
	g := newGraph(pkgs)
	var out []string
	for _, p := range pkgs {
		from, ok := g.rel(p.ImportPath)
		if !ok || !g.inModule(p.ImportPath) {
			continue
		}
		for _, r := range rules {
			if !match(r.Pkg, from) || matchAny(r.Except, from) {
				continue
			}
			out = append(out, g.forbidden(p, r)...)
			out = append(out, g.notAllowed(p, r)...)
		}
	}
	sort.Strings(out)
	return out
}

// forbidden reports p's dependency on a package r forbids.
func (g graph) forbidden(p Package, r Rule) []string {
	if len(r.Forbid) == 0 {
		return nil
	}
	c := g.chain(p.ImportPath, func(path string) bool {
		rel, _ := g.rel(path)
		return matchAny(r.Forbid, rel)
	})
	if c == nil {
		return nil
	}
	for i := range c {
		c[i], _ = g.rel(c[i])
	}
	return []string{fmt.Sprintf("%s imports %s: %s", c[0], strings.Join(c[1:], " -> "), r.Why)}
}

// notAllowed reports p's direct imports outside r.Only.
func (g graph) notAllowed(p Package, r Rule) []string {
	if len(r.Only) == 0 {
		return nil
	}
	from, _ := g.rel(p.ImportPath)
	var out []string
	for _, imp := range p.Imports {
		if g.pkgs[imp].Standard {
			continue
		}
		name := imp
		if rel, ok := g.rel(imp); ok {
			name = rel
		}
		if matchAny(r.Only, name) || match(r.Pkg, name) {
			continue // allowed, or one of the rule's own packages
		}
		out = append(out, fmt.Sprintf("%s imports %s: %s", from, name, r.Why))
	}
	return out
}
