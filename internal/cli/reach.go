package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/enclave-dev/enclave/internal/compile"
	"github.com/enclave-dev/enclave/internal/diag"
	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/reach"
	"github.com/enclave-dev/enclave/internal/render/docs"
	"github.com/enclave-dev/enclave/internal/spec"
)

// ReachOptions are the inputs of enclave reach.
type ReachOptions struct {
	IO
	// SpecFile is the spec to read; "" means the built-in example.
	SpecFile string
	// Format is table or json.
	Format string
	// From, To, Port and Protocol explain one flow instead of the intents.
	From, To string
	Port     int
	Protocol string
	// ServiceTags is Azure's ServiceTags_Public JSON; "" keeps tags symbolic.
	ServiceTags string
	// TemplateParams is the parameters file of an ARM template argument.
	TemplateParams string
}

// NewCmdReach returns the reach command; runF replaces runReach in tests.
func NewCmdReach(streams IO, runF func(*ReachOptions) error) *cobra.Command {
	opts := &ReachOptions{IO: streams}
	cmd := &cobra.Command{
		Use:   "reach [SPEC]",
		Short: "Prove the network intents of the spec (or explain one flow) before deploying",
		Long: `reach compiles SPEC (the built-in example when omitted) and proves its
network intents over the compiled environment: the built-in ones (package
repositories through the firewall and nothing else, data sources from their
readers only, nothing from the internet, on-premises to the private
endpoints, Bastion to the workstations, compute to ACR, Key Vault and
storage) and those under intents:. Each answer shows the path hop by hop
and the NSG rule, route, peering, firewall rule or public-access setting
that decided it. It exits 3 when an intent does not hold.

With --from and --to it explains one flow instead.

Given an ARM template (a path ending in .json) instead of a spec, reach
imports it (with --parameters, or the parameters' defaults) and proves
what holds for any environment: nothing on the internet reaches a private
address, a PaaS data plane that has a private endpoint, or Bastion on
anything but 443. --from and --to may then name the template's subnets
("snet-a" or "vnet/snet-a"), internet, onprem, addresses, prefixes or
host names.`,
		Example: `  enclave reach
  enclave reach enclave.yaml --format json
  enclave reach --from workstations --to pypi.org --port 443
  enclave reach --from internet --to workstations --port 22
  enclave reach azuredeploy.json --parameters azuredeploy.parameters.json
  enclave reach azuredeploy.json --from internet --to vnet-hub/snet-jump --port 22`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.SpecFile = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return runReach(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Format, "format", "table", "output format: table or json")
	f.StringVar(&opts.From, "from", "", "explain one flow from this place, member, service, host or address")
	f.StringVar(&opts.To, "to", "", "explain one flow to this place, member, service, host or address")
	f.IntVar(&opts.Port, "port", 0, "destination port of the flow (every port when omitted)")
	f.StringVar(&opts.Protocol, "protocol", "", "protocol of the flow: tcp or udp (tcp when a port is given)")
	f.StringVar(&opts.ServiceTags, "service-tags", "", "expand service tags from Azure's ServiceTags_Public JSON file")
	f.StringVar(&opts.TemplateParams, "parameters", "", "parameters file of an ARM template argument")
	return cmd
}

func runReach(opts *ReachOptions) error {
	if opts.Format != "table" && opts.Format != "json" {
		return userError(diag.Pos{}, "use --format table or --format json", "unknown format %q", opts.Format)
	}
	if (opts.From == "") != (opts.To == "") {
		return userError(diag.Pos{}, "give both --from and --to, or neither to check the intents", "--from and --to go together")
	}
	if opts.Port < 0 || opts.Port > 65535 {
		return userError(diag.Pos{}, "give a port from 1 to 65535", "invalid --port %d", opts.Port)
	}
	if p := opts.Protocol; p != "" && p != "tcp" && p != "udp" {
		return userError(diag.Pos{}, "use --protocol tcp or --protocol udp", "unknown protocol %q", p)
	}
	if isTemplate(opts.SpecFile) {
		return runReachTemplate(opts)
	}
	if opts.TemplateParams != "" {
		return userError(diag.Pos{}, "give --parameters only with an ARM template (a .json file)", "--parameters without a template")
	}
	doc, res, err := compileSpec(opts.SpecFile, opts.ErrOut)
	if err != nil {
		return err
	}
	n, err := buildReach(doc, res.Graph, opts.ServiceTags)
	if err != nil {
		return err
	}
	var intents []reach.Intent
	if opts.From != "" {
		in, err := flowIntent(doc, n, opts)
		if err != nil {
			return err
		}
		intents = []reach.Intent{in}
	} else {
		sp, ds := n.SpecIntents(doc)
		if ds.HasErrors() {
			return failed(ds)
		}
		intents = append(n.BuiltinIntents(doc), sp...)
	}
	return reportReach(opts, n, intents)
}

// reportReach proves intents and writes the answers; exit 3 when an
// intent (not a single explained flow) does not hold.
func reportReach(opts *ReachOptions, n *reach.Network, intents []reach.Intent) error {
	results := n.Check(intents)
	// "--to internet" also lists exactly which internet destinations the
	// source subnets reach.
	var egress []reach.Egress
	if opts.To == "internet" {
		for _, from := range intents[0].From {
			if from.Subnet != nil {
				egress = append(egress, n.InternetEgress(from.Subnet))
			}
		}
	}
	if opts.Format == "json" {
		if err := writeReachJSON(opts.Out, results, egress); err != nil {
			return internal(err)
		}
	} else {
		writeReachTable(opts.Out, results, opts.From != "")
		writeEgress(opts.Out, egress)
	}
	if opts.From == "" {
		return intentsFailed(results)
	}
	return nil
}

// buildReach indexes the compiled network for reach.
func buildReach(doc *spec.Document, g *model.Graph, tagsFile string) (*reach.Network, error) {
	var o reach.Options
	if op := doc.Network.OnPremises; op != nil {
		// ExpressRoute learns on-premises prefixes over BGP; the spec names them.
		o.OnPremPrefixes = op.AddressSpaces
	}
	if tagsFile != "" {
		f, err := os.Open(tagsFile)
		if err != nil {
			return nil, userError(diag.Pos{File: tagsFile}, "download ServiceTags_Public from Microsoft and give its path", "cannot read service tags: %v", err)
		}
		defer f.Close()
		tags, err := reach.ReadServiceTags(f)
		if err != nil {
			return nil, userError(diag.Pos{File: tagsFile}, "give Azure's ServiceTags_Public JSON file", "%v", err)
		}
		o.ServiceTags = tags
	}
	n, err := reach.Build(g, o)
	if err != nil {
		return nil, internal(err)
	}
	return n, nil
}

// flowIntent turns --from/--to/--port/--protocol into an intent to explain.
func flowIntent(doc *spec.Document, n *reach.Network, opts *ReachOptions) (reach.Intent, error) {
	to := opts.To
	if opts.Port != 0 {
		to = fmt.Sprintf("%s:%d", to, opts.Port)
	}
	it := spec.Intent{Name: "flow", From: opts.From, To: to, Protocol: opts.Protocol, Expect: spec.ExpectAllow}
	probe := *doc
	probe.Intents = []spec.Intent{it}
	probe.Positions = nil
	ins, ds := n.SpecIntents(&probe)
	if ds.HasErrors() {
		var out diag.Diagnostics
		for _, d := range ds {
			d.Pos = diag.Pos{}
			out = append(out, d)
		}
		return reach.Intent{}, failed(out)
	}
	return ins[0], nil
}

// intentsFailed returns exit 3 when an intent does not hold.
func intentsFailed(results []reach.Result) error {
	bad := reach.Failed(results)
	if len(bad) == 0 {
		return nil
	}
	var names []string
	for _, r := range bad {
		names = append(names, fmt.Sprintf("%s (%s -> %s: %s, expected %s)", r.Name, r.From, r.To, r.Verdict, r.Expect))
	}
	return &exitError{code: ExitReach, err: fmt.Errorf("%d network intent(s) do not hold:\n  %s", len(bad), strings.Join(names, "\n  "))}
}

func writeReachJSON(w io.Writer, results []reach.Result, egress []reach.Egress) error {
	if results == nil {
		results = []reach.Result{}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		Intents []reach.Result `json:"intents"`
		Egress  []reach.Egress `json:"egress,omitempty"`
	}{results, egress})
}

// writeEgress lists the internet destinations each subnet reaches.
func writeEgress(w io.Writer, egress []reach.Egress) {
	for _, eg := range egress {
		fmt.Fprintf(w, "\nInternet destinations %s reaches (everything else is denied):\n", eg.Subnet)
		if len(eg.Grants) == 0 {
			fmt.Fprintln(w, "  none")
		}
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		for _, g := range eg.Grants {
			fmt.Fprintf(tw, "  %s\t%s\t%s\n", g.Ports, g.By, strings.Join(g.Targets, ", "))
		}
		tw.Flush()
	}
}

// writeReachTable prints one row per intent result with its path, hop by
// hop, below it.
func writeReachTable(w io.Writer, results []reach.Result, flow bool) {
	if flow {
		for _, r := range results {
			fmt.Fprintf(w, "%s -> %s %s/%s: %s\n", r.From, r.To, r.Protocol, r.Port, r.Verdict)
			writeHops(w, r.Path)
		}
		return
	}
	// Align the rows first, then put each path under its row.
	var rows bytes.Buffer
	tw := tabwriter.NewWriter(&rows, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "INTENT\tFROM\tTO\tPROTO/PORT\tEXPECT\tVERDICT\tHOLDS")
	for _, r := range results {
		holds := "yes"
		if !r.Holds {
			holds = "NO"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s/%s\t%s\t%s\t%s\n", r.Name, r.From, r.To, r.Protocol, r.Port, r.Expect, r.Verdict, holds)
	}
	tw.Flush()
	lines := strings.SplitAfter(rows.String(), "\n")
	io.WriteString(w, lines[0])
	for i, r := range results {
		io.WriteString(w, lines[i+1])
		writeHops(w, r.Path)
	}
	fmt.Fprintf(w, "\n%d of %d intent results hold\n", len(results)-len(reach.Failed(results)), len(results))
}

func writeHops(w io.Writer, hops []reach.Hop) {
	for _, h := range hops {
		fmt.Fprintf(w, "    %s\n", h)
	}
}

// proveIntents proves the built-in and spec intents of a compiled spec.
func proveIntents(doc *spec.Document, res *compile.Result) ([]reach.Result, error) {
	n, err := buildReach(doc, res.Graph, "")
	if err != nil {
		return nil, err
	}
	sp, ds := n.SpecIntents(doc)
	if ds.HasErrors() {
		return nil, failed(ds)
	}
	return n.Check(append(n.BuiltinIntents(doc), sp...)), nil
}

// checkIntents proves the intents as plan does before writing anything; it
// returns the results, and exit 3 when one fails.
func checkIntents(doc *spec.Document, res *compile.Result, errOut io.Writer) ([]reach.Result, error) {
	results, err := proveIntents(doc, res)
	if err != nil {
		return nil, err
	}
	if err := intentsFailed(results); err != nil {
		writeReachTable(errOut, reach.Failed(results), false)
		return nil, err
	}
	return results, nil
}

// docIntents turns reach's results into the docs' intent table.
func docIntents(results []reach.Result) []docs.IntentResult {
	out := make([]docs.IntentResult, 0, len(results))
	for _, r := range results {
		out = append(out, docs.IntentResult{
			Name: r.Name, From: r.From, To: r.To, Port: r.Port, Protocol: r.Protocol,
			Expect: string(r.Expect), Verdict: string(r.Verdict), Holds: r.Holds, DecidedBy: r.DecidedBy,
		})
	}
	return out
}
