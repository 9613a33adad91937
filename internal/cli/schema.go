package cli

import (
	"bytes"

	"github.com/spf13/cobra"

	"github.com/enclave-dev/enclave/internal/spec"
)

// SchemaOptions are the inputs of enclave schema.
type SchemaOptions struct {
	IO
	// Schema returns the JSON Schema; spec.JSONSchema by default.
	Schema func() ([]byte, error)
}

// NewCmdSchema returns the schema command; runF replaces runSchema in tests.
func NewCmdSchema(streams IO, runF func(*SchemaOptions) error) *cobra.Command {
	opts := &SchemaOptions{IO: streams, Schema: spec.JSONSchema}
	return &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of enclave.yaml, for editors and validators",
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
}

func runSchema(opts *SchemaOptions) error {
	s, err := opts.Schema()
	if err != nil {
		return internal(err)
	}
	if !bytes.HasSuffix(s, []byte("\n")) {
		s = append(s, '\n')
	}
	_, err = opts.Out.Write(s)
	return err
}
