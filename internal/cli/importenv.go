package cli

import (
	"fmt"
	"io"
	"net/netip"
	"os"
	"strings"

	"github.com/enclave-dev/enclave/internal/check"
	"github.com/enclave-dev/enclave/internal/diag"
	"github.com/enclave-dev/enclave/internal/importarm"
	"github.com/enclave-dev/enclave/internal/importarm/tomodel"
	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/reach"
	"github.com/enclave-dev/enclave/internal/report"
	"github.com/enclave-dev/enclave/internal/spec"
)

// isTemplate reports whether the argument of check or reach names an ARM
// template to import rather than a spec to compile.
func isTemplate(file string) bool { return strings.HasSuffix(strings.ToLower(file), ".json") }

// imported is an environment read from an ARM template.
type imported struct {
	File   string
	Eval   *importarm.Result
	Model  *tomodel.Result
	Bodies []tomodel.Body
	// Unanalysed counts the settings the model cannot hold (a public IP
	// on a network interface), reported as warnings.
	Unanalysed int
}

// loadTemplate evaluates an ARM template (with its parameters file, if
// any) and imports it into the model. Malformed input is a user error at
// its line and column; warnings and every value left unknown until
// deployment go to errOut.
func loadTemplate(file, paramsFile string, errOut io.Writer) (*imported, error) {
	src, err := os.ReadFile(file)
	if err != nil {
		return nil, userError(diag.Pos{File: file}, "give the path of an ARM template", "cannot read template: %v", err)
	}
	var params []byte
	if paramsFile != "" {
		if params, err = os.ReadFile(paramsFile); err != nil {
			return nil, userError(diag.Pos{File: paramsFile}, "give the path of the template's parameters file", "cannot read parameters: %v", err)
		}
	}
	ev, ds := importarm.Evaluate(file, src, params, importarm.Options{SubscriptionID: check.SubscriptionID, ParametersFile: paramsFile})
	if ds.HasErrors() {
		return nil, failed(ds)
	}
	reg := tomodel.NewRegistry()
	res, cds := tomodel.Convert(strings.TrimSuffix(file, ".json"), ev, reg)
	ds.Append(cds)
	if ds.HasErrors() {
		return nil, failed(ds)
	}
	bodies, err := tomodel.Bodies(ev, reg)
	if err != nil {
		return nil, internal(err)
	}
	printDiagnostics(errOut, ds)
	fmt.Fprintf(errOut, "imported %d resources from %s", res.Graph.Len(), file)
	if ts := res.OpaqueTypes(); len(ts) > 0 {
		var parts []string
		for _, t := range ts {
			parts = append(parts, fmt.Sprintf("%s (%d)", t, res.Opaque[t]))
		}
		fmt.Fprintf(errOut, "; kept opaque (policy sees them, reach does not): %s", strings.Join(parts, ", "))
	}
	fmt.Fprintln(errOut)
	for _, u := range res.Unknowns {
		fmt.Fprintf(errOut, "unknown: %s\n", u)
	}
	return &imported{File: file, Eval: ev, Model: res, Bodies: bodies, Unanalysed: len(cds)}, nil
}

// runCheckTemplate evaluates the policy set over an imported template.
// The resources are presented to policy as the template declares them
// (evaluated), not re-rendered from the model, so no property the model
// does not carry is lost; findings point at each declaration's line.
// Since a template assigns none of enclave's definitions the way a
// compiled model does, the baseline is assigned with its default
// parameter values.
func runCheckTemplate(opts *CheckOptions, level check.Level, write func(io.Writer, *report.Report) error) error {
	env, err := loadTemplate(opts.SpecFile, opts.TemplateParams, opts.ErrOut)
	if err != nil {
		return err
	}
	params, err := readPolicyParams(opts.ParamsFile)
	if err != nil {
		return err
	}
	set, err := buildPolicySet(model.NewGraph("", ""), opts.PolicyDirs, params)
	if err != nil {
		return err
	}
	if baselineAssignments != nil {
		defs, err := loadBaseline()
		if err != nil {
			return internal(fmt.Errorf("policy baseline: %w", err))
		}
		for _, d := range defs {
			if _, dup := set.Lookup(d.Name); dup {
				continue
			}
			if err := set.Add(d, nil); err != nil {
				return internal(fmt.Errorf("policy baseline: %w", err))
			}
		}
	}
	rs := make([]check.Resource, 0, len(env.Bodies))
	for _, b := range env.Bodies {
		rs = append(rs, check.Resource{Address: b.Address, ID: b.ID, Origin: b.Origin, Path: b.Path, Body: b.JSON})
	}
	in, err := check.InputOf(rs)
	if err != nil {
		return userError(diag.Pos{File: env.File}, "declare each resource once", "%v", err)
	}
	result := set.Evaluate(in)
	// The template's own policy exemptions accept findings as they do in
	// Azure.
	ex, err := check.ModelExemptions(env.Model.Graph)
	if err != nil {
		return userError(diag.Pos{File: env.File}, "declare the assignment, initiative and members each exemption names", "policy exemptions: %v", err)
	}
	result.Exempt(ex)
	if err := write(opts.Out, report.FromCheck(result, set, versionString())); err != nil {
		return internal(err)
	}
	if n := len(result.AtOrAbove(level)); n > 0 {
		return &exitError{code: ExitPolicy, err: fmt.Errorf("%d policy findings at or above %s", n, level)}
	}
	return nil
}

// templateIntents are the intents reach proves on an imported template:
// the spec-independent internet-exposure ones (nothing on the internet
// reaches a private address, a PaaS data plane with a private endpoint, or
// Bastion on anything but 443). The others name enclave's subnets, data
// sources or egress presets, which a template does not declare.
var templateIntents = []string{"internet-to-private-denied", "internet-to-paas-denied", "internet-to-bastion-other-denied"}

// runReachTemplate proves the internet-exposure intents of an imported
// template, or explains one --from/--to flow in it. Values the template
// leaves to deployment time are listed on stderr; when any is left, intents
// that hold are not reported as proven (exit 3).
func runReachTemplate(opts *ReachOptions) error {
	env, err := loadTemplate(opts.SpecFile, opts.TemplateParams, opts.ErrOut)
	if err != nil {
		return err
	}
	doc := &spec.Document{}
	n, err := buildReach(doc, env.Model.Graph, opts.ServiceTags)
	if err != nil {
		return err
	}
	var intents []reach.Intent
	if opts.From != "" {
		flow := *opts
		flow.From, flow.To = subnetPrefix(env.Model.Graph, opts.From), subnetPrefix(env.Model.Graph, opts.To)
		in, err := flowIntent(doc, n, &flow)
		if err != nil {
			return err
		}
		intents = []reach.Intent{in}
	} else {
		for _, in := range n.BuiltinIntents(doc) {
			for _, name := range templateIntents {
				if in.Name == name {
					intents = append(intents, in)
				}
			}
		}
	}
	err = reportReach(opts, n, intents)
	if u := len(env.Model.Unknowns); (u > 0 || env.Unanalysed > 0) && err == nil && opts.From == "" {
		// A value reach read as zero, or a setting it cannot see, may hide
		// a path: the answers are not a proof until those are settled.
		return &exitError{code: ExitReach, err: fmt.Errorf("the intents hold only if the %d value(s) listed as unknown (set at deployment time) and the %d setting(s) reach does not analyse (warnings above) do not open a path; give the values in --parameters or check them once deployed", u, env.Unanalysed)}
	}
	return err
}

// subnetPrefix replaces a subnet's name ("snet-a" or "vnet/snet-a") by its
// prefix, so flows can name the template's own subnets; anything else is
// returned as given.
func subnetPrefix(g *model.Graph, name string) string {
	vnName, snName, qualified := strings.Cut(name, "/")
	var found []netip.Prefix
	for _, vn := range model.All[*model.VirtualNetwork](g) {
		if qualified && vn.Name != vnName {
			continue
		}
		want := name
		if qualified {
			want = snName
		}
		if s, ok := vn.Subnet(want); ok && s.Prefix.IsValid() {
			found = append(found, s.Prefix)
		}
	}
	if len(found) != 1 {
		return name
	}
	return found[0].String()
}
