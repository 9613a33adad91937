// Package armschema checks the resources of an ARM template against the
// resource schemas Azure publishes under https://schema.management.azure.com/schemas/,
// read from a local copy of that tree. Tests of anything that writes or
// reads ARM JSON use it to prove every resource is spelled the way Azure
// expects at its apiVersion.
//
// A resource is checked the way the deployment template schema checks it:
// against the template's resourceBase (name, type, apiVersion, dependsOn,
// condition, copy, scope, comments, location, tags) and against the
// per-type definition for its (type, apiVersion). On top of what the schemas
// say, the Validator rejects properties no applicable schema declares: the
// published schemas leave objects open, so a misspelt property would
// otherwise pass here and be silently ignored by Azure.
package armschema

import (
	"bytes"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/dlclark/regexp2"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// BaseURL is where Azure publishes the schemas; a schema directory holds the
// files under it at the same relative paths.
const BaseURL = "https://schema.management.azure.com/schemas/"

// SharedDir returns the schema directory kept beside the module,
// <module root>/../shared/data/arm-schemas/schemas, finding the module root
// by walking up from the working directory to go.mod. The error wraps
// fs.ErrNotExist when the directory is absent, so tests can skip.
func SharedDir() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		up := filepath.Dir(dir)
		if up == dir {
			return "", fmt.Errorf("no go.mod above the working directory: %w", os.ErrNotExist)
		}
		dir = up
	}
	schemas := filepath.Join(dir, "..", "shared", "data", "arm-schemas", "schemas")
	if _, err := os.Stat(schemas); err != nil {
		return "", fmt.Errorf("ARM schemas not found: %w", err)
	}
	return schemas, nil
}

// Validator checks resources against the schemas in one directory. It loads
// and compiles each schema at most once; it is safe for concurrent use.
type Validator struct {
	dir string

	mu       sync.Mutex
	docs     map[string]any // parsed files, by slash path relative to dir
	scanned  map[string]bool
	index    map[indexKey][]Definition
	compiler *jsonschema.Compiler
	compiled map[string]*jsonschema.Schema // by schema URL
}

// New returns a Validator reading schemas from dir (a copy of the tree under
// BaseURL: dir/<apiVersion>/<Namespace>*.json and dir/common/...).
func New(dir string) *Validator {
	v := &Validator{
		dir:      dir,
		docs:     map[string]any{},
		scanned:  map[string]bool{},
		index:    map[indexKey][]Definition{},
		compiled: map[string]*jsonschema.Schema{},
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft4)
	c.UseRegexpEngine(compileRegexp2)
	c.UseLoader(loader{v})
	v.compiler = c
	return v
}

// Validate checks r against the template's resourceBase and the schema for
// its type and apiVersion. The error is a *NoSchemaError when no schema
// declares the pair, or an *Error listing what is wrong.
func (v *Validator) Validate(r Resource) error {
	if _, err := scopeOf(r.Template); err != nil {
		return fmt.Errorf("%s: %w", r.Label(), err)
	}
	def, err := v.Lookup(r)
	if err != nil {
		return err
	}
	base, err := v.schema(resourceBaseURL(r.Template))
	if err != nil {
		return err
	}
	sch, err := v.schema(def.URL())
	if err != nil {
		return err
	}
	problems := validateAll([]*jsonschema.Schema{base, sch}, r.Body)
	if leaf, ok := childNamed(r); ok && hasNameProblem(problems) {
		// Some per-type schemas pattern the child's own segment, others
		// the joined "parent/child" name; accept the form that fits.
		if alt := validateAll([]*jsonschema.Schema{base, sch}, leaf); !hasNameProblem(alt) {
			problems = alt
		}
	}
	if len(problems) == 0 {
		problems = undeclared([]*jsonschema.Schema{base, sch}, withoutTemplateKeys(r), "")
	}
	if len(problems) > 0 {
		slices.Sort(problems)
		return &Error{Resource: r.Label(), Definition: def, Problems: problems}
	}
	return nil
}

// childNamed returns r's body with the name cut to its last segment, for a
// child resource declared at the top of a template ("parent/child", one
// segment per type segment after the namespace).
func childNamed(r Resource) (map[string]any, bool) {
	segments := strings.Count(r.Type(), "/")
	parts := strings.Split(r.Name(), "/")
	if segments < 2 || strings.HasPrefix(r.Name(), "[") || len(parts) != segments {
		return nil, false
	}
	out := make(map[string]any, len(r.Body))
	for k, x := range r.Body {
		out[k] = x
	}
	out["name"] = parts[len(parts)-1]
	return out, true
}

func validateAll(schemas []*jsonschema.Schema, body map[string]any) []string {
	var problems []string
	for _, s := range schemas {
		if err := s.Validate(body); err != nil {
			problems = append(problems, describe(err)...)
		}
	}
	return problems
}

func hasNameProblem(problems []string) bool {
	for _, p := range problems {
		if strings.HasPrefix(p, "at '/name'") {
			return true
		}
	}
	return false
}

// templateKeys are keys the template language accepts on a resource that
// neither resourceBase nor the per-type schema declares: a nested deployment
// names the resource group and subscription it deploys to.
var templateKeys = map[string][]string{
	"microsoft.resources/deployments": {"resourceGroup", "subscriptionId"},
}

// withoutTemplateKeys returns r's body without its templateKeys, for the
// undeclared-property check only; the schemas themselves see the full body.
func withoutTemplateKeys(r Resource) map[string]any {
	keys := templateKeys[strings.ToLower(r.Type())]
	if len(keys) == 0 {
		return r.Body
	}
	out := make(map[string]any, len(r.Body))
	for k, x := range r.Body {
		if !slices.Contains(keys, k) {
			out[k] = x
		}
	}
	return out
}

// schema compiles (once) and returns the schema at url.
func (v *Validator) schema(url string) (*jsonschema.Schema, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if s, ok := v.compiled[url]; ok {
		return s, nil
	}
	s, err := v.compiler.Compile(url)
	if err != nil {
		return nil, fmt.Errorf("compile %s: %w", url, err)
	}
	v.compiled[url] = s
	return s, nil
}

// resourceBaseURL is the resourceBase definition of the template schema a
// resource sits in.
func resourceBaseURL(template string) string {
	return strings.TrimSuffix(template, "#") + "#/definitions/resourceBase"
}

// doc returns the parsed file at rel, reading it on first use. The caller
// holds v.mu.
func (v *Validator) doc(rel string) (any, error) {
	if d, ok := v.docs[rel]; ok {
		return d, nil
	}
	f, err := os.Open(filepath.Join(v.dir, filepath.FromSlash(rel)))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	d, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", rel, err)
	}
	if templateSchemas[rel] {
		standInResource(d)
	}
	d = correct(rel, d)
	v.docs[rel] = d
	return d, nil
}

// templateSchemas are the deployment template schemas. Their definition
// "resource" is a oneOf over every resource schema Azure ever published,
// thousands of files a local copy need not hold, and the compiler builds a
// document's root (which refers to it) whenever it builds any part of the
// document.
var templateSchemas = map[string]bool{
	"2019-04-01/deploymentTemplate.json":             true,
	"2018-05-01/subscriptionDeploymentTemplate.json": true,
}

// standInResource replaces a template schema's "resource" definition by its
// resourceBase: a template is then checked for its own structure and each
// resource's common keys, and Validate checks each resource against its one
// per-type definition.
func standInResource(doc any) {
	top, _ := doc.(map[string]any)
	defs, _ := top["definitions"].(map[string]any)
	if _, ok := defs["resource"]; ok {
		defs["resource"] = map[string]any{"$ref": "#/definitions/resourceBase"}
	}
}

// loader serves schema URLs from the Validator's directory; nothing is
// fetched. The JSON Schema meta-schemas (http://json-schema.org/draft-04/schema#)
// never reach it: the jsonschema package embeds them.
type loader struct{ v *Validator }

func (l loader) Load(url string) (any, error) {
	rel, ok := strings.CutPrefix(url, BaseURL)
	if !ok {
		return nil, fmt.Errorf("only %s is available offline", BaseURL)
	}
	rel, _, _ = strings.Cut(rel, "#")
	rel = path.Clean(rel)
	if rel == "." || strings.HasPrefix(rel, "..") {
		return nil, fmt.Errorf("schema path %q is outside the schema directory", rel)
	}
	return l.v.doc(rel)
}

// regexp2Pattern adapts dlclark/regexp2, which supports the lookaheads some
// Azure schema patterns use and Go's regexp does not.
type regexp2Pattern regexp2.Regexp

func (re *regexp2Pattern) MatchString(s string) bool {
	ok, err := (*regexp2.Regexp)(re).MatchString(s)
	return err == nil && ok
}

func (re *regexp2Pattern) String() string { return (*regexp2.Regexp)(re).String() }

func compileRegexp2(s string) (jsonschema.Regexp, error) {
	re, err := regexp2.Compile(s, regexp2.ECMAScript)
	if err != nil {
		return nil, err
	}
	return (*regexp2Pattern)(re), nil
}

// ValidateTemplate checks a template's own structure (parameters, outputs,
// the common keys of each resource) against its $schema. Its resources'
// properties are Validate's business; nested templates are Templates of
// their own.
func (v *Validator) ValidateTemplate(t Template) error {
	if err := v.validateDocument(t.Schema, t.Body); err != nil {
		return fmt.Errorf("template at %q: %w", t.Path, err)
	}
	return nil
}

// ValidateDocument checks a whole JSON document, such as a parameters file,
// against the schema at url (under BaseURL).
func (v *Validator) ValidateDocument(url string, data []byte) error {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return err
	}
	return v.validateDocument(url, doc)
}

func (v *Validator) validateDocument(url string, doc any) error {
	s, err := v.schema(url)
	if err != nil {
		return err
	}
	if err := s.Validate(doc); err != nil {
		return fmt.Errorf("does not match %s:\n\t%s", url, strings.Join(describe(err), "\n\t"))
	}
	return nil
}
