package cli

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/enclave-dev/enclave/internal/compile"
	"github.com/enclave-dev/enclave/internal/render/arm"
	"github.com/enclave-dev/enclave/internal/spec"
)

// PlanOptions are the inputs of enclave plan.
type PlanOptions struct {
	IO
	SpecFile string
	OutDir   string
}

// NewCmdPlan returns the plan command; runF replaces runPlan in tests.
func NewCmdPlan(streams IO, runF func(*PlanOptions) error) *cobra.Command {
	opts := &PlanOptions{IO: streams}
	cmd := &cobra.Command{
		Use:   "plan [SPEC]",
		Short: "Compile the spec (or the built-in example) and write the deployment to out/",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.SpecFile = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return runPlan(opts)
		},
	}
	cmd.Flags().StringVar(&opts.OutDir, "out", "out", "directory to write the rendered files to")
	return cmd
}

func runPlan(opts *PlanOptions) error {
	doc, err := loadSpec(opts.SpecFile)
	if err != nil {
		return err
	}
	res, ds := compile.Compile(doc)
	if ds.HasErrors() {
		return userErrors(ds)
	}
	out, rerr := arm.Render(res.Graph)
	if rerr != nil {
		return &exitError{code: ExitInternal, err: rerr}
	}
	dir := filepath.Join(opts.OutDir, "arm")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return &exitError{code: ExitInternal, err: err}
	}
	if err := os.WriteFile(filepath.Join(dir, "azuredeploy.json"), out.Template, 0o644); err != nil {
		return &exitError{code: ExitInternal, err: err}
	}
	if err := os.WriteFile(filepath.Join(dir, "azuredeploy.parameters.json"), out.Parameters, 0o644); err != nil {
		return &exitError{code: ExitInternal, err: err}
	}
	fmt.Fprintf(opts.Out, "%d resources\n", res.Graph.Len())
	return nil
}

func loadSpec(file string) (*spec.Document, error) {
	if file == "" {
		return spec.Example(), nil
	}
	src, err := os.ReadFile(file)
	if err != nil {
		return nil, &exitError{code: ExitUser, err: err}
	}
	doc, ds := spec.Parse(file, src)
	if ds.HasErrors() {
		return nil, userErrors(ds)
	}
	return doc, nil
}
