package cli

import (
	"github.com/spf13/cobra"
)

// NewCmdRender returns the render command group: one subcommand per output
// format, each writing only its own directory under --out.
func NewCmdRender(streams IO) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "render",
		Short: "Write one output format of the spec without the plan summary",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return cmd.Help()
		},
	}
	cmd.AddCommand(NewCmdRenderARM(streams, nil), NewCmdRenderTerraform(streams, nil))
	return cmd
}

// RenderARMOptions are the inputs of enclave render arm.
type RenderARMOptions struct {
	IO
	// SpecFile is the spec to read; "" means the built-in example.
	SpecFile string
	// OutDir receives OutDir/arm.
	OutDir string
}

// NewCmdRenderARM returns render arm; runF replaces runRenderARM in tests.
func NewCmdRenderARM(streams IO, runF func(*RenderARMOptions) error) *cobra.Command {
	opts := &RenderARMOptions{IO: streams}
	cmd := &cobra.Command{
		Use:   "arm [SPEC]",
		Short: "Write the ARM subscription deployment and its parameters file to OUT/arm",
		Long: `render arm compiles SPEC (the built-in example when omitted) and writes
OUT/arm/azuredeploy.json and OUT/arm/azuredeploy.parameters.json. It
touches nothing else under OUT, and replaces OUT/arm only when the whole
run succeeds.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.SpecFile = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return runRenderARM(opts)
		},
	}
	cmd.Flags().StringVar(&opts.OutDir, "out", "out", "directory to write the rendered files to")
	return cmd
}

func runRenderARM(opts *RenderARMOptions) error {
	_, res, err := compileSpec(opts.SpecFile, opts.ErrOut)
	if err != nil {
		return err
	}
	files, err := renderARM(res)
	if err != nil {
		return err
	}
	written, err := writeSet(opts.OutDir, ARMDir, files)
	if err != nil {
		return err
	}
	printWritten(opts.Out, written)
	return nil
}
