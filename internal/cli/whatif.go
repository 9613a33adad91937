package cli

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/enclave-dev/enclave/internal/deploy"
)

// WhatIfOptions are the inputs of enclave whatif.
type WhatIfOptions struct {
	IO
	AzureOptions
	SecretOptions
	// SpecFile is the spec to read; "" means the built-in example.
	SpecFile string
	// Verbose lists unchanged and ignored resources too.
	Verbose bool
}

// NewCmdWhatIf returns the whatif command; runF replaces runWhatIf in tests.
func NewCmdWhatIf(streams IO, azure Connect, runF func(*WhatIfOptions) error) *cobra.Command {
	opts := &WhatIfOptions{IO: streams, AzureOptions: AzureOptions{Connect: azure}}
	cmd := &cobra.Command{
		Use:   "whatif [SPEC]",
		Short: "Validate the deployment in Azure and show what it would change",
		Long: `whatif compiles SPEC (the built-in example when omitted), asks Azure
Resource Manager to validate the deployment, then runs what-if at
subscription scope. It prints, per resource group, the resources that
would be created, modified (with each property that changes) or deleted,
and a summary line. Nothing is deployed.

Secure parameters (the VPN shared key, for example) are read from
ENCLAVE_PARAM_<NAME> environment variables, a --parameters file outside the
repository, or asked for on a terminal; never from the command line.`,
		Example: `  enclave whatif enclave.yaml --subscription 00000000-0000-0000-0000-000000000000`,
		Args:    cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.SpecFile = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return runWhatIf(cmd.Context(), opts)
		},
	}
	opts.AzureOptions.flags(cmd)
	opts.SecretOptions.flags(cmd)
	cmd.Flags().BoolVarP(&opts.Verbose, "verbose", "v", false, "list unchanged and ignored resources too")
	return cmd
}

func runWhatIf(ctx context.Context, opts *WhatIfOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	t, _, err := template(opts.SpecFile, opts.IO, &opts.AzureOptions, &opts.SecretOptions, true)
	if err != nil {
		return err
	}
	c, err := opts.connect(ctx)
	if err != nil {
		return err
	}
	w, err := deploy.Plan(ctx, c, t)
	if err != nil {
		return deployFailed(err)
	}
	w.Print(opts.Out, opts.Verbose)
	return nil
}
