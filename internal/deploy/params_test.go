package deploy_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/enclave-dev/enclave/internal/deploy"
	"github.com/enclave-dev/enclave/internal/model"
)

func TestEnvName(t *testing.T) {
	for in, want := range map[string]string{"vpnSharedKey": "ENCLAVE_PARAM_VPN_SHARED_KEY", "adminSshPublicKey": "ENCLAVE_PARAM_ADMIN_SSH_PUBLIC_KEY", "x": "ENCLAVE_PARAM_X"} {
		if got := deploy.EnvName(in); got != want {
			t.Errorf("EnvName(%q) = %q; want %q", in, got, want)
		}
	}
}

func TestResolveParameters(t *testing.T) {
	params := []model.Parameter{
		{Name: "vpnSharedKey", Secure: true},
		{Name: "sqlPassword", Secure: true},
		{Name: "adminSshPublicKey"},
		{Name: "budgetStartDate", Default: "[utcNow()]"},
		{Name: "given", Secure: true},
	}
	outside := t.TempDir()
	file := filepath.Join(outside, "secrets.json")
	if err := os.WriteFile(file, []byte(`{"parameters":{"sqlPassword":{"value":"from-file"}}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"ENCLAVE_PARAM_VPN_SHARED_KEY": "from-env"}
	var asked []string
	src := deploy.SecureSources{
		Getenv: func(k string) string { return env[k] },
		File:   file,
		Prompt: func(p model.Parameter) (string, error) { asked = append(asked, p.Name); return "from-prompt", nil },
	}
	got, err := deploy.ResolveParameters(params, map[string]any{"given": "x"}, src)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"vpnSharedKey": "from-env", "sqlPassword": "from-file", "adminSshPublicKey": "from-prompt"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ResolveParameters (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"adminSshPublicKey"}, asked); diff != "" {
		t.Errorf("prompted for (-want +got):\n%s", diff)
	}

	// Without a terminal a missing value is an error naming the
	// parameter and its variable, never a value.
	src.Prompt = nil
	src.File = ""
	_, err = deploy.ResolveParameters(params, nil, src)
	var me *deploy.MissingSecretsError
	if !errors.As(err, &me) || !cmp.Equal(me.Names, []string{"sqlPassword", "adminSshPublicKey", "given"}) {
		t.Errorf("ResolveParameters without sources = %v; want sqlPassword, adminSshPublicKey and given missing", err)
	}
}

func TestParametersFileInsideRepoRefused(t *testing.T) {
	repo := t.TempDir()
	if err := os.Mkdir(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(repo, "env")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(sub, "secrets.json")
	if err := os.WriteFile(file, []byte(`{"parameters":{"vpnSharedKey":{"value":"s3cret-value"}}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if got := deploy.RepoRoot(sub); got != repo {
		t.Fatalf("RepoRoot(%q) = %q; want %q", sub, got, repo)
	}
	_, err := deploy.ResolveParameters([]model.Parameter{{Name: "vpnSharedKey", Secure: true}}, nil, deploy.SecureSources{File: file, Repo: repo})
	if !errors.Is(err, deploy.ErrParametersInRepo) {
		t.Errorf("ResolveParameters(file in repo) = %v; want ErrParametersInRepo", err)
	}
}

func TestBadParametersFileDoesNotEchoContent(t *testing.T) {
	file := filepath.Join(t.TempDir(), "secrets.json")
	if err := os.WriteFile(file, []byte(`{"parameters":{"vpnSharedKey":{"value":"s3cret-value"`), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := deploy.ResolveParameters([]model.Parameter{{Name: "vpnSharedKey", Secure: true}}, nil, deploy.SecureSources{File: file})
	if err == nil || strings.Contains(err.Error(), "s3cret") {
		t.Errorf("ResolveParameters(broken file) = %v; want an error without the file's content", err)
	}
}
