package cli

import (
	"github.com/spf13/cobra"
)

// PlanOptions are the inputs of enclave plan.
type PlanOptions struct {
	IO
	// SpecFile is the spec to read; "" means the built-in example.
	SpecFile string
	// OutDir receives the rendered files (OutDir/arm/...).
	OutDir string
}

// NewCmdPlan returns the plan command; runF replaces runPlan in tests.
func NewCmdPlan(streams IO, runF func(*PlanOptions) error) *cobra.Command {
	opts := &PlanOptions{IO: streams}
	cmd := &cobra.Command{
		Use:   "plan [SPEC]",
		Short: "Compile the spec (or the built-in example), write the deployment and summarise it",
		Long: `plan reads SPEC (the built-in example when omitted), compiles it into
resources and writes the ARM deployment to OUT/arm and the Terraform
configuration to OUT/terraform. It prints the resources by resource group
and type, the address plan and the files written.

When the spec has errors plan prints every one and writes nothing; the
previous contents of OUT/arm and OUT/terraform are replaced only when the
whole run succeeds.`,
		Example: `  enclave plan                       # the built-in example, into out/
  enclave plan enclave.yaml --out build`,
		Args: cobra.MaximumNArgs(1),
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
	doc, res, err := compileSpec(opts.SpecFile, opts.ErrOut)
	if err != nil {
		return err
	}
	files, err := renderARM(res)
	if err != nil {
		return err
	}
	tfFiles, err := renderTerraform(res)
	if err != nil {
		return err
	}
	written, err := writeSet(opts.OutDir, ARMDir, files)
	if err != nil {
		return err
	}
	tfWritten, err := writeSet(opts.OutDir, TerraformDir, tfFiles)
	if err != nil {
		return err
	}
	writeSummary(opts.Out, doc, res, append(written, tfWritten...))
	return nil
}
