package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/enclave-dev/enclave/internal/compile"
	"github.com/enclave-dev/enclave/internal/output"
	"github.com/enclave-dev/enclave/internal/render/terraform"
)

// TerraformDir is the directory under --out that holds the Terraform
// configuration.
const TerraformDir = "terraform"

// RenderTerraformOptions are the inputs of enclave render terraform.
type RenderTerraformOptions struct {
	IO
	// SpecFile is the spec to read; "" means the built-in example.
	SpecFile string
	// OutDir receives OutDir/terraform.
	OutDir string
}

// NewCmdRenderTerraform returns render terraform; runF replaces
// runRenderTerraform in tests.
func NewCmdRenderTerraform(streams IO, runF func(*RenderTerraformOptions) error) *cobra.Command {
	opts := &RenderTerraformOptions{IO: streams}
	cmd := &cobra.Command{
		Use:   "terraform [SPEC]",
		Short: "Write the environment as Terraform for azurerm 4.x to OUT/terraform",
		Long: `render terraform compiles SPEC (the built-in example when omitted) and
writes OUT/terraform: versions.tf, variables.tf (secrets are sensitive
variables without defaults), one .tf file per capability and outputs.tf.
It touches nothing else under OUT, and replaces OUT/terraform only when the
whole run succeeds.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.SpecFile = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return runRenderTerraform(opts)
		},
	}
	cmd.Flags().StringVar(&opts.OutDir, "out", "out", "directory to write the rendered files to")
	return cmd
}

func runRenderTerraform(opts *RenderTerraformOptions) error {
	_, res, err := compileSpec(opts.SpecFile, opts.ErrOut)
	if err != nil {
		return err
	}
	files, err := renderTerraform(res)
	if err != nil {
		return err
	}
	written, err := writeSet(opts.OutDir, TerraformDir, files)
	if err != nil {
		return err
	}
	printWritten(opts.Out, written)
	return nil
}

// renderTerraform renders the compiled graph as the files of out/terraform.
func renderTerraform(res *compile.Result) ([]output.File, error) {
	o, err := terraform.Render(res.Graph)
	if err != nil {
		return nil, internal(fmt.Errorf("rendering Terraform: %w", err))
	}
	files := make([]output.File, len(o.Files))
	for i, f := range o.Files {
		files[i] = output.File{Name: f.Name, Data: f.Data}
	}
	return files, nil
}
