package cli

import (
	"github.com/spf13/cobra"

	"github.com/enclave-dev/enclave/internal/render/docs"
)

// PlanOptions are the inputs of enclave plan.
type PlanOptions struct {
	IO
	// SpecFile is the spec to read; "" means the built-in example.
	SpecFile string
	// OutDir receives the rendered files (OutDir/arm/..., OutDir/docs/...,
	// OutDir/report.html).
	OutDir string
	// CacheDir holds refreshed prices for the cost estimate in the docs.
	CacheDir string
}

// NewCmdPlan returns the plan command; runF replaces runPlan in tests.
func NewCmdPlan(streams IO, runF func(*PlanOptions) error) *cobra.Command {
	opts := &PlanOptions{IO: streams, CacheDir: userCacheDir()}
	cmd := &cobra.Command{
		Use:   "plan [SPEC]",
		Short: "Compile the spec (or the built-in example), write the deployment and summarise it",
		Long: `plan reads SPEC (the built-in example when omitted), compiles it into
resources and writes the ARM deployment to OUT/arm, the Terraform
configuration to OUT/terraform, the documentation and diagram to OUT/docs
and the HTML report to OUT/report.html. It prints the resources by resource
group and type, the address plan and the files written.

When the spec has errors plan prints every one and writes nothing; the
previous contents of OUT/arm and OUT/terraform are replaced only when the
whole run succeeds.
plan also proves the network intents (see enclave reach) and exits 3,
writing nothing, when one does not hold; and it evaluates enclave's policy
baseline (see enclave check) and exits 4, writing nothing, on a finding at
or above audit that no policy exemption accepts.`,
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
	// Network intents must hold before anything is written (exit 3).
	intents, err := checkIntents(doc, res, opts.ErrOut)
	if err != nil {
		return err
	}
	// So must the policy baseline (exit 4).
	policy, err := checkBaseline(doc, res.Graph, opts.ErrOut)
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
	written = append(written, tfWritten...)
	docFiles, err := writeDocs(opts.OutDir, opts.CacheDir, sourceName(opts.SpecFile), res, docs.Results{Intents: docIntents(intents), Findings: docFindings(policy), Exemptions: docExemptions(doc)})
	if err != nil {
		return err
	}
	written = append(written, docFiles...)
	writeSummary(opts.Out, doc, res, written)
	return nil
}
