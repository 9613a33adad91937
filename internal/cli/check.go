package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"sort"

	"github.com/spf13/cobra"

	"github.com/enclave-dev/enclave/internal/check"
	"github.com/enclave-dev/enclave/internal/diag"
	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/report"
)

// CheckOptions are the inputs of enclave check.
type CheckOptions struct {
	IO
	// SpecFile is the spec to read; "" means the built-in example.
	SpecFile string
	// Format is table, json or sarif.
	Format string
	// PolicyDirs are directories of extra policy definitions (*.json).
	PolicyDirs []string
	// FailOn is the lowest finding level that makes check exit 4.
	FailOn string
	// ParamsFile holds assignment parameter values for the definitions of
	// PolicyDirs: {"<definition name>": {"<parameter>": <value>}}.
	ParamsFile string
	// TemplateParams is the parameters file of an ARM template argument.
	TemplateParams string
}

// baselineAssignments returns enclave's own policy baseline for a graph,
// as the graph assigns it; nil evaluates only --policy-dir definitions.
var baselineAssignments = modelBaselineAssignments

// NewCmdCheck returns the check command; runF replaces runCheck in tests.
func NewCmdCheck(streams IO, runF func(*CheckOptions) error) *cobra.Command {
	opts := &CheckOptions{IO: streams}
	cmd := &cobra.Command{
		Use:   "check [SPEC]",
		Short: "Evaluate Azure Policy definitions against the environment before it is deployed",
		Long: `check compiles SPEC (the built-in example when omitted) and evaluates Azure
Policy definitions against every resource, as Azure would once they are
deployed: enclave's baseline, with the parameter values the environment's
baseline assignment carries, and the definitions in each --policy-dir (for
example a clone of Azure's built-in definitions). A finding a policy
exemption accepts is listed as exempted, with its category and reason, and
does not fail the run.

Each finding names the policy, the resource, the effect, what decided it
and the line of the spec the resource came from. A definition using a
construct check cannot evaluate is listed as unsupported, never passed.

check exits 4 when a finding is at or above --fail-on: deny, audit
(auditIfNotExists counts as audit), change (modify, append,
deployIfNotExists) or none.

Given an ARM template (a path ending in .json) instead of a spec, check
imports it (with --parameters, or the parameters' defaults), presents each
declared resource as the template evaluates it, and assigns the baseline
with its default parameter values; findings point at the declaration's
line and column. Values only Azure knows at deployment (reference(),
list*(), secure parameters) are listed as unknown on stderr.`,
		Example: `  enclave check
  enclave check enclave.yaml --policy-dir azure-policy/built-in-policies --format sarif > check.sarif
  enclave check azuredeploy.json --parameters azuredeploy.parameters.json`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.SpecFile = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return runCheck(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "table", "output format: table, json or sarif")
	cmd.Flags().StringArrayVar(&opts.PolicyDirs, "policy-dir", nil, "add the policy definitions (*.json) under this directory; repeatable")
	cmd.Flags().StringVar(&opts.FailOn, "fail-on", "audit", "exit 4 on findings at or above this level: deny, audit, change or none")
	cmd.Flags().StringVar(&opts.ParamsFile, "policy-params", "", `JSON file of parameter values for --policy-dir definitions: {"<definition name>": {"<parameter>": value}}`)
	cmd.Flags().StringVar(&opts.TemplateParams, "parameters", "", "parameters file of an ARM template argument")
	return cmd
}

func runCheck(opts *CheckOptions) error {
	write, ok := map[string]func(io.Writer, *report.Report) error{
		"table": report.WriteTable, "json": report.WriteJSON, "sarif": report.WriteSARIF,
	}[opts.Format]
	if !ok {
		return userError(diag.Pos{}, "use --format table, json or sarif", "unknown format %q", opts.Format)
	}
	level, err := check.ParseLevel(opts.FailOn)
	if err != nil {
		return userError(diag.Pos{}, "use --fail-on deny, audit, change or none", "%v", err)
	}
	if isTemplate(opts.SpecFile) {
		return runCheckTemplate(opts, level, write)
	}
	if opts.TemplateParams != "" {
		return userError(diag.Pos{}, "give --parameters only with an ARM template (a .json file)", "--parameters without a template")
	}
	doc, res, err := compileSpec(opts.SpecFile, opts.ErrOut)
	if err != nil {
		return err
	}
	params, err := readPolicyParams(opts.ParamsFile)
	if err != nil {
		return err
	}
	run, err := evaluatePolicy(doc, res.Graph, opts.PolicyDirs, params)
	if err != nil {
		return err
	}
	result := run.Result
	if err := write(opts.Out, report.FromCheck(result, run.Set, versionString())); err != nil {
		return internal(err)
	}
	for _, name := range run.Unused {
		fmt.Fprintf(opts.ErrOut, "warning: exemption %s covers no finding; remove it if its cause is gone\n", name)
	}
	if n := len(result.AtOrAbove(level)); n > 0 {
		return &exitError{code: ExitPolicy, err: fmt.Errorf("%d policy findings at or above %s", n, level)}
	}
	return nil
}

// readPolicyParams reads --policy-params; "" means none.
func readPolicyParams(file string) (map[string]check.Params, error) {
	if file == "" {
		return nil, nil
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, userError(diag.Pos{File: file}, "give a JSON file of parameter values", "cannot read policy parameters: %v", err)
	}
	var out map[string]check.Params
	if err := json.Unmarshal(data, &out); err != nil {
		return nil, userError(diag.Pos{File: file}, `write {"<definition name>": {"<parameter>": value}}`, "policy parameters: %v", err)
	}
	return out, nil
}

// buildPolicySet assigns the baseline (when present) and every definition
// under dirs, with the parameter values params gives it by definition name
// and defaults for the rest.
func buildPolicySet(g *model.Graph, dirs []string, params map[string]check.Params) (*check.Set, error) {
	set := check.NewSet(nil)
	if baselineAssignments != nil {
		as, err := baselineAssignments(g)
		if err != nil {
			return nil, internal(fmt.Errorf("policy baseline: %w", err))
		}
		for _, a := range as {
			if err := set.Add(a.Definition, a.Params); err != nil {
				return nil, internal(fmt.Errorf("policy baseline: %w", err))
			}
		}
	}
	for _, dir := range dirs {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			return nil, userError(diag.Pos{File: dir}, "give a directory holding policy definition JSON files", "policy directory not found")
		}
		defs, err := check.LoadDir(dir)
		if err != nil {
			hint := "each *.json file must be an Azure Policy definition"
			var de *check.DefinitionError
			if errors.As(err, &de) {
				return nil, userError(diag.Pos{File: de.Source, Line: de.Line, Col: de.Col}, hint, "%v", de.Err)
			}
			return nil, userError(diag.Pos{File: dir}, hint, "%v", err)
		}
		for _, d := range defs {
			if err := set.Add(d, params[d.Name]); err != nil {
				return nil, userError(diag.Pos{File: d.Source}, "give each definition a distinct name and only the parameters it declares", "%v", err)
			}
		}
	}
	for _, name := range sortedParamNames(params) {
		if _, ok := set.Lookup(name); !ok {
			return nil, userError(diag.Pos{}, "name definitions by their \"name\" field (or file name)", "--policy-params: no definition named %q", name)
		}
	}
	return set, nil
}

// versionString is enclave's module version for reports, "(devel)" in a
// source tree.
func versionString() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return develVersion
}

func sortedParamNames(m map[string]check.Params) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
