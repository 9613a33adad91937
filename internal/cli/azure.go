package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/enclave-dev/enclave/internal/compile"
	"github.com/enclave-dev/enclave/internal/deploy"
	"github.com/enclave-dev/enclave/internal/diag"
	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/render/arm"
)

// What whatif, apply and drift share: the subscription, the connection
// to Azure, the template with its parameters.

// Connect opens the ARM clients of a subscription, failing with
// deploy.ErrNoCredential when nobody is signed in. Production uses
// azureConnect; tests pass fakes to RunWith.
type Connect func(ctx context.Context, subscription string) (*deploy.Clients, error)

// azureConnect signs in with DefaultAzureCredential and checks the
// credential before any ARM call.
func azureConnect(ctx context.Context, subscription string) (*deploy.Clients, error) {
	cred, err := deploy.DefaultCredential()
	if err != nil {
		return nil, err
	}
	if err := deploy.CheckCredential(ctx, cred); err != nil {
		return nil, err
	}
	return deploy.NewClients(subscription, cred, nil, deploy.DefaultPoll)
}

// AzureOptions are the flags every command that talks to Azure has.
type AzureOptions struct {
	// Subscription is the target subscription ID.
	Subscription string
	// Connect opens the clients; nil means Azure itself.
	Connect Connect
	// Getenv reads the environment (secure parameters); os.Getenv when nil.
	Getenv func(string) string
}

func (a *AzureOptions) flags(cmd *cobra.Command) {
	cmd.Flags().StringVar(&a.Subscription, "subscription", "", "Azure subscription ID to deploy to (default $AZURE_SUBSCRIPTION_ID)")
}

func (a *AzureOptions) getenv(k string) string {
	if a.Getenv != nil {
		return a.Getenv(k)
	}
	return os.Getenv(k)
}

// connect resolves the subscription and opens the clients.
func (a *AzureOptions) connect(ctx context.Context) (*deploy.Clients, error) {
	if a.Subscription == "" {
		a.Subscription = a.getenv("AZURE_SUBSCRIPTION_ID")
	}
	if a.Subscription == "" {
		return nil, userError(diag.Pos{}, "pass --subscription ID or set AZURE_SUBSCRIPTION_ID (az account show --query id -o tsv prints yours)", "no subscription given")
	}
	connect := a.Connect
	if connect == nil {
		connect = azureConnect
	}
	c, err := connect(ctx, a.Subscription)
	if err != nil {
		summary := "cannot sign in to Azure"
		if errors.Is(err, deploy.ErrNoCredential) {
			summary = "no Azure credential available"
		}
		var ds diag.Diagnostics
		ds.Errorf(diag.Pos{}, signInHint, "%s: %v", summary, err)
		return nil, &exitError{code: ExitAuth, err: ds}
	}
	return c, nil
}

// signInHint lists the ways DefaultAzureCredential signs in.
const signInHint = "sign in with 'az login' (then 'az account set --subscription ID'), or set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (or AZURE_FEDERATED_TOKEN_FILE) for a service principal; on an Azure VM or pipeline agent, use its managed identity"

// SecretOptions say where secure parameters come from.
type SecretOptions struct {
	// ParametersFile holds secure values; it must lie outside the
	// repository.
	ParametersFile string
}

func (s *SecretOptions) flags(cmd *cobra.Command) {
	cmd.Flags().StringVar(&s.ParametersFile, "parameters", "", "ARM parameters file with secure values, kept outside the repository")
}

// template compiles and renders the spec into the deployment Template.
// withSecrets resolves the secure parameters (whatif and apply send them;
// drift does not need them).
func template(specFile string, streams IO, az *AzureOptions, sec *SecretOptions, withSecrets bool) (deploy.Template, *compile.Result, error) {
	doc, res, err := compileSpec(specFile, streams.ErrOut)
	if err != nil {
		return deploy.Template{}, nil, err
	}
	out, err := arm.Render(res.Graph)
	if err != nil {
		return deploy.Template{}, nil, internal(fmt.Errorf("rendering ARM: %w", err))
	}
	t := deploy.Template{Env: doc.Name, Location: doc.Location, Body: out.Template, Parameters: map[string]any{}}
	plain, err := deploy.ReadParametersJSON(out.Parameters)
	if err != nil {
		return deploy.Template{}, nil, internal(err)
	}
	for k, v := range plain {
		t.Parameters[k] = v
	}
	if !withSecrets {
		return t, res, nil
	}
	dir := "."
	if specFile != "" {
		dir = filepath.Dir(specFile)
	}
	src := deploy.SecureSources{Getenv: az.getenv, File: sec.ParametersFile, Repo: deploy.RepoRoot(dir)}
	if f, ok := streams.In.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		src.Prompt = func(p model.Parameter) (string, error) { return promptSecret(f, streams.ErrOut, p) }
	}
	secrets, err := deploy.ResolveParameters(res.Graph.Parameters(), t.Parameters, src)
	if err != nil {
		hint := "give each parameter through its environment variable or a parameters file outside the repository"
		return deploy.Template{}, nil, userError(diag.Pos{File: sec.ParametersFile}, hint, "%v", err)
	}
	for k, v := range secrets {
		t.Parameters[k] = v
	}
	return t, res, nil
}

// promptSecret reads a secure parameter from the terminal without echo.
func promptSecret(in *os.File, out io.Writer, p model.Parameter) (string, error) {
	fmt.Fprintf(out, "%s (%s; input hidden): ", p.Name, p.Description)
	b, err := term.ReadPassword(int(in.Fd()))
	fmt.Fprintln(out)
	return string(b), err
}

// isTerminal reports whether r or w is a terminal.
func isTerminal(v any) bool {
	f, ok := v.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// deployFailed turns a deploy error into the command's error: ARM
// failures name the resource, code and message with a hint (exit 1).
func deployFailed(err error) error {
	var fs deploy.Failures
	var f *deploy.Failure
	var ds diag.Diagnostics
	switch {
	case errors.As(err, &fs):
		for _, x := range fs {
			ds.Errorf(diag.Pos{}, x.Hint, "%s", x.Error())
		}
	case errors.As(err, &f):
		ds.Errorf(diag.Pos{}, f.Hint, "%s", f.Error())
	default:
		ds.Errorf(diag.Pos{}, "", "%v", err)
	}
	return &exitError{code: ExitUser, err: ds}
}
