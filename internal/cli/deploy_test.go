package cli_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/enclave-dev/enclave/internal/cli"
)

// TestNoCredentialWithTheRealChain runs whatif against Azure itself with
// DefaultAzureCredential limited to the Azure CLI and no az on PATH: it
// fails before any network call, with the ways to sign in and exit 6.
func TestNoCredentialWithTheRealChain(t *testing.T) {
	t.Setenv("AZURE_TOKEN_CREDENTIALS", "AzureCLICredential")
	t.Setenv("PATH", t.TempDir())
	t.Setenv("ENCLAVE_PARAM_VPN_SHARED_KEY", "s3cret-vpn-key")
	t.Setenv("ENCLAVE_PARAM_INTEGRATION_RUNTIME_ADMIN_PASSWORD", "s3cret-ir-password")
	t.Setenv("ENCLAVE_PARAM_ADMIN_SSH_PUBLIC_KEY", "ssh-ed25519 AAAA admin")
	var out, errOut bytes.Buffer
	code := cli.RunWith([]string{"whatif", "--subscription", "00000000-0000-0000-0000-000000000001"}, cli.IO{In: strings.NewReader(""), Out: &out, ErrOut: &errOut}, nil)
	if code != cli.ExitAuth {
		t.Errorf("whatif without a credential exited %d; want %d\nstderr:\n%s", code, cli.ExitAuth, errOut.String())
	}
	if !strings.HasPrefix(errOut.String(), "no Azure credential available: ") || !strings.Contains(errOut.String(), "hint: sign in with 'az login'") {
		t.Errorf("stderr = %q; want the no-credential message and the sign-in hint", errOut.String())
	}
	if strings.Contains(errOut.String()+out.String(), "s3cret") {
		t.Errorf("output shows a secure parameter value")
	}
}
