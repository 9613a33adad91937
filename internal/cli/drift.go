package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/enclave-dev/enclave/internal/deploy"
	"github.com/enclave-dev/enclave/internal/diag"
)

// DriftOptions are the inputs of enclave drift.
type DriftOptions struct {
	IO
	AzureOptions
	// SpecFile is the spec to read; "" means the built-in example.
	SpecFile string
	// Format is text or json.
	Format string
}

// NewCmdDrift returns the drift command; runF replaces runDrift in tests.
func NewCmdDrift(streams IO, azure Connect, runF func(*DriftOptions) error) *cobra.Command {
	opts := &DriftOptions{IO: streams, AzureOptions: AzureOptions{Connect: azure}}
	cmd := &cobra.Command{
		Use:   "drift [SPEC]",
		Short: "Compare the deployed environment with the spec",
		Long: `drift reads the live resources of the environment's resource groups and
reports, per resource, security-relevant settings that differ from the
spec (public network access, network rules, TLS, local authentication,
NSG rules, routes, firewall rules, role assignments, locks), resources
the spec has that are missing live, and resources present live that the
spec does not name. It changes nothing. It exits 5 when anything drifted.`,
		Example: `  enclave drift enclave.yaml --subscription $SUB
  enclave drift enclave.yaml --subscription $SUB --format json`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.SpecFile = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return runDrift(cmd.Context(), opts)
		},
	}
	opts.AzureOptions.flags(cmd)
	cmd.Flags().StringVar(&opts.Format, "format", "text", "output format: text or json")
	return cmd
}

func runDrift(ctx context.Context, opts *DriftOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	if opts.Format != "text" && opts.Format != "json" {
		return userError(diag.Pos{}, "use --format text or --format json", "unknown format %q", opts.Format)
	}
	t, _, err := template(opts.SpecFile, opts.IO, &opts.AzureOptions, nil, false)
	if err != nil {
		return err
	}
	c, err := opts.connect(ctx)
	if err != nil {
		return err
	}
	rep, err := deploy.Drift(ctx, c, t)
	if err != nil {
		return deployFailed(err)
	}
	if opts.Format == "json" {
		if rep.Findings == nil {
			rep.Findings = []deploy.Finding{}
		}
		enc := json.NewEncoder(opts.Out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return internal(err)
		}
	} else {
		printDrift(opts.Out, rep)
	}
	if rep.Drifted() {
		return &exitError{code: ExitDrift, err: fmt.Errorf("%d differences between the spec and Azure", len(rep.Findings))}
	}
	return nil
}

func printDrift(w io.Writer, rep *deploy.DriftReport) {
	last := deploy.ResourceID{}
	for _, f := range rep.Findings {
		if f.Resource != last {
			fmt.Fprintf(w, "%s (%s):\n", f.Resource.Display(), f.Resource.Group)
			last = f.Resource
		}
		switch f.Kind {
		case deploy.Changed:
			fmt.Fprintf(w, "  ~ %s: spec %s, live %s (%s)\n", f.Property, f.Want, f.Live, f.Why)
		case deploy.Extra:
			if f.Property == "" {
				fmt.Fprintf(w, "  + %s\n", f.Why)
			} else {
				fmt.Fprintf(w, "  + %s: %s (%s)\n", f.Property, f.Live, f.Why)
			}
		case deploy.Missing:
			if f.Property == "" {
				fmt.Fprintf(w, "  - %s\n", f.Why)
			} else {
				fmt.Fprintf(w, "  - %s (%s)\n", f.Property, f.Why)
			}
		}
	}
	fmt.Fprintf(w, "Drift: %d differences in %d resources checked across %d resource groups.\n", len(rep.Findings), rep.Checked, len(rep.Groups))
}
