package cli

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/signal"
	"strings"

	"github.com/spf13/cobra"

	"github.com/enclave-dev/enclave/internal/compile"
	"github.com/enclave-dev/enclave/internal/deploy"
	"github.com/enclave-dev/enclave/internal/diag"
)

// ApplyOptions are the inputs of enclave apply.
type ApplyOptions struct {
	IO
	AzureOptions
	SecretOptions
	// SpecFile is the spec to read; "" means the built-in example.
	SpecFile string
	// Yes skips the confirmation (pipelines).
	Yes bool
	// Mode is the deployment mode; only Incremental is accepted.
	Mode string
	// AllowDataLoss names stateful resources what-if may delete.
	AllowDataLoss []string
	// Interactive is whether a person can answer the confirmation; set
	// from the terminal in NewCmdApply.
	Interactive bool
}

// NewCmdApply returns the apply command; runF replaces runApply in tests.
func NewCmdApply(streams IO, azure Connect, runF func(*ApplyOptions) error) *cobra.Command {
	opts := &ApplyOptions{IO: streams, AzureOptions: AzureOptions{Connect: azure}}
	cmd := &cobra.Command{
		Use:   "apply [SPEC]",
		Short: "Deploy the environment to Azure after showing what will change",
		Long: `apply compiles SPEC (the built-in example when omitted), validates it in
Azure, prints what-if's changes and, once confirmed, deploys in
incremental mode: resources the spec does not name are left alone.
Complete mode is refused.

Progress is shown per resource as Azure reports it, with the elapsed time;
VPN gateways, Azure Firewall and AKS take longest and are called out. If
apply is interrupted, the deployment continues in Azure; running apply
again attaches to it instead of starting another.

apply refuses when what-if would delete a resource holding data (storage
and data lake accounts, Key Vaults, the ML workspace, container
registries, Synapse, Log Analytics) unless --allow-data-loss names it.

Secure parameters come from ENCLAVE_PARAM_<NAME> environment variables, a
--parameters file outside the repository, or a prompt on a terminal.`,
		Example: `  enclave apply enclave.yaml --subscription $SUB           # asks before deploying
  enclave apply enclave.yaml --subscription $SUB --yes     # in a pipeline`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.SpecFile = args[0]
			}
			opts.Interactive = isTerminal(streams.In) && isTerminal(streams.Out)
			if runF != nil {
				return runF(opts)
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt)
			defer stop()
			return runApply(ctx, opts)
		},
	}
	opts.AzureOptions.flags(cmd)
	opts.SecretOptions.flags(cmd)
	cmd.Flags().BoolVarP(&opts.Yes, "yes", "y", false, "deploy without asking for confirmation (for pipelines)")
	cmd.Flags().StringVar(&opts.Mode, "mode", string(deploy.Incremental), "deployment mode; only Incremental is accepted")
	cmd.Flags().StringArrayVar(&opts.AllowDataLoss, "allow-data-loss", nil, "let what-if delete this stateful resource (name or resource ID; repeatable)")
	return cmd
}

func runApply(ctx context.Context, opts *ApplyOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	if !strings.EqualFold(opts.Mode, string(deploy.Incremental)) {
		return userError(diag.Pos{}, "drop --mode; enclave deploys in incremental mode, which leaves resources the spec does not name alone", "%v", deploy.CheckMode(deploy.Mode(opts.Mode), deploy.Template{}))
	}
	if !opts.Yes && !opts.Interactive {
		return userError(diag.Pos{}, "pass --yes to deploy without confirmation (pipelines), or run on a terminal to review and confirm", "apply needs confirmation and there is no terminal to ask on")
	}
	t, _, err := template(opts.SpecFile, opts.IO, &opts.AzureOptions, &opts.SecretOptions, true)
	if err != nil {
		return err
	}
	if err := deploy.CheckMode(deploy.Incremental, t); err != nil {
		return internal(err)
	}
	c, err := opts.connect(ctx)
	if err != nil {
		return err
	}
	w, err := deploy.Plan(ctx, c, t)
	if err != nil {
		return deployFailed(err)
	}
	w.Print(opts.Out, false)
	losses, err := deploy.CheckDataLoss(w, compile.StatefulTypes(), opts.AllowDataLoss)
	if err != nil {
		var ds diag.Diagnostics
		for _, b := range err.(*deploy.DataLossError).Blocked {
			ds.Errorf(diag.Pos{}, fmt.Sprintf("if losing its data is intended, remove its lock and pass --allow-data-loss %s", b.Change.Resource.Name),
				"refusing to deploy: what-if would %s %s in %s, which holds data", strings.ToLower(string(b.Change.Kind)), b.Change.Resource.Display(), b.Change.Resource.Group)
		}
		return failed(ds)
	}
	for _, l := range losses {
		fmt.Fprintf(opts.ErrOut, "warning: %s %s in %s will be deleted (allowed by --allow-data-loss)\n", l.Change.Kind, l.Change.Resource.Display(), l.Change.Resource.Group)
	}
	if !opts.Yes {
		fmt.Fprintf(opts.Out, "Deploy these changes to subscription %s? [y/N] ", c.Subscription)
		line, _ := bufio.NewReader(opts.In).ReadString('\n')
		if a := strings.ToLower(strings.TrimSpace(line)); a != "y" && a != "yes" {
			fmt.Fprintln(opts.Out, "nothing deployed")
			return nil
		}
	}
	p := &deploy.Progress{Out: opts.Out, Live: opts.Interactive}
	if _, err := deploy.Apply(ctx, c, t, p); err != nil {
		return deployFailed(err)
	}
	return nil
}
