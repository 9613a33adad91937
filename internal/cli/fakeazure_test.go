package cli_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/enclave-dev/enclave/internal/cli"
	"github.com/enclave-dev/enclave/internal/deploy"
	"github.com/enclave-dev/enclave/internal/deploy/deploytest"
)

// fakeAzure returns a connection to the Azure SDK's fake servers playing
// the deploytest.Scenario in the JSON file $ENCLAVE_TEST_AZURE, or nil
// (Azure itself) when it is unset. Only test binaries have it.
func fakeAzure() cli.Connect {
	file := os.Getenv("ENCLAVE_TEST_AZURE")
	if file == "" {
		return nil
	}
	return func(ctx context.Context, subscription string) (*deploy.Clients, error) {
		b, err := os.ReadFile(file)
		if err != nil {
			return nil, fmt.Errorf("fake Azure scenario: %w", err)
		}
		var s deploytest.Scenario
		if err := json.Unmarshal(b, &s); err != nil {
			return nil, fmt.Errorf("fake Azure scenario %s: %w", file, err)
		}
		f := deploytest.New(&s)
		if err := deploy.CheckCredential(ctx, f.Credential); err != nil {
			return nil, err
		}
		return f.Clients, nil
	}
}
