package cli

import (
	"bytes"
	"strings"

	"github.com/spf13/cobra"

	"github.com/enclave-dev/enclave/internal/diag"
	"github.com/enclave-dev/enclave/internal/spec"
)

// SchemaOptions are the inputs of enclave schema.
type SchemaOptions struct {
	IO
	// Schema returns the JSON Schema; spec.JSONSchema by default.
	Schema func() ([]byte, error)
	// Format is json (the schema itself) or markdown (the reference).
	Format string
}

// NewCmdSchema returns the schema command; runF replaces runSchema in tests.
func NewCmdSchema(streams IO, runF func(*SchemaOptions) error) *cobra.Command {
	opts := &SchemaOptions{IO: streams, Schema: spec.JSONSchema}
	cmd := &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of enclave.yaml, for editors and validators",
		Long: `schema prints the JSON Schema of enclave.yaml. With --format markdown it
prints the spec reference instead: every key with its type, whether it is
required, its default and its meaning (the README's reference is this).`,
		Example: `  enclave schema > enclave.schema.json
  # then, in enclave.yaml: # yaml-language-server: $schema=./enclave.schema.json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return runSchema(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", formatJSON, "output format: json or markdown")
	return cmd
}

// Output formats of enclave schema.
const (
	formatJSON     = "json"
	formatMarkdown = "markdown"
)

func runSchema(opts *SchemaOptions) error {
	if opts.Format != formatJSON && opts.Format != formatMarkdown && opts.Format != "" {
		return userError(diag.Pos{}, "use --format json or --format markdown", "unknown format %q", opts.Format)
	}
	s, err := opts.Schema()
	if err != nil {
		return internal(err)
	}
	if opts.Format == formatMarkdown {
		md, err := SpecReference(s)
		if err != nil {
			return internal(err)
		}
		s = []byte(strings.TrimPrefix(md, "\n"))
	}
	if !bytes.HasSuffix(s, []byte("\n")) {
		s = append(s, '\n')
	}
	_, err = opts.Out.Write(s)
	return err
}
