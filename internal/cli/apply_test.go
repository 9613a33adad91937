package cli

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/enclave-dev/enclave/internal/deploy"
	"github.com/enclave-dev/enclave/internal/deploy/deploytest"
)

// TestApplyConfirmation answers the terminal's question both ways.
func TestApplyConfirmation(t *testing.T) {
	env := map[string]string{
		"ENCLAVE_PARAM_VPN_SHARED_KEY":                     "s3cret-vpn-key",
		"ENCLAVE_PARAM_INTEGRATION_RUNTIME_ADMIN_PASSWORD": "s3cret-ir-password",
		"ENCLAVE_PARAM_ADMIN_SSH_PUBLIC_KEY":               "ssh-ed25519 AAAA admin",
	}
	for _, tt := range []struct {
		answer   string
		deployed bool
	}{{"y\n", true}, {"yes\n", true}, {"n\n", false}, {"\n", false}, {"", false}} {
		f := deploytest.New(&deploytest.Scenario{WhatIf: []deploytest.Change{{ID: "/subscriptions/" + deploytest.Subscription + "/resourceGroups/rg-kodata-ops", Kind: "Create"}}})
		var out, errOut bytes.Buffer
		opts := &ApplyOptions{
			IO: IO{In: strings.NewReader(tt.answer), Out: &out, ErrOut: &errOut},
			AzureOptions: AzureOptions{
				Subscription: deploytest.Subscription,
				Connect:      func(context.Context, string) (*deploy.Clients, error) { return f.Clients, nil },
				Getenv:       func(k string) string { return env[k] },
			},
			Mode:        string(deploy.Incremental),
			Interactive: true,
		}
		if err := runApply(context.Background(), opts); err != nil {
			t.Fatalf("runApply(answer %q): %v", tt.answer, err)
		}
		if !strings.Contains(out.String(), "Deploy these changes to subscription "+deploytest.Subscription+"? [y/N] ") {
			t.Errorf("runApply(answer %q) did not ask:\n%s", tt.answer, out.String())
		}
		got := f.Calls("DeploymentsClient.BeginCreateOrUpdateAtSubscriptionScope") > 0
		if got != tt.deployed {
			t.Errorf("runApply(answer %q) deployed = %v; want %v", tt.answer, got, tt.deployed)
		}
		if !tt.deployed && !strings.Contains(out.String(), "nothing deployed") {
			t.Errorf("runApply(answer %q) output lacks 'nothing deployed':\n%s", tt.answer, out.String())
		}
	}
}
