package deploy_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/enclave-dev/enclave/internal/deploy"
	"github.com/enclave-dev/enclave/internal/deploy/deploytest"
	"github.com/enclave-dev/enclave/internal/model"
)

const sub = "/subscriptions/" + deploytest.Subscription

func template(nestedMode string) deploy.Template {
	body := `{"$schema":"https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#","contentVersion":"1.0.0.0",
"resources":[{"type":"Microsoft.Resources/deployments","apiVersion":"2025-04-01","name":"enclave-rg-kd-data-0","resourceGroup":"rg-kd-data",
"properties":{"mode":"` + nestedMode + `","template":{"resources":[]}}}]}`
	return deploy.Template{Env: "kd", Location: "australiaeast", Body: []byte(body), Parameters: map[string]any{"vpnSharedKey": "s3cret-value"}}
}

// clock advances a minute each time it is read.
func clock() func() time.Time {
	t := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	return func() time.Time { t = t.Add(time.Minute); return t }
}

var (
	firewall = sub + "/resourceGroups/rg-kd-network/providers/Microsoft.Network/azureFirewalls/afw-kd"
	storage  = sub + "/resourceGroups/rg-kd-data/providers/Microsoft.Storage/storageAccounts/stkddata"
	vault    = sub + "/resourceGroups/rg-kd-data/providers/Microsoft.KeyVault/vaults/kv-kd-data"
	nsg      = sub + "/resourceGroups/rg-kd-network/providers/Microsoft.Network/networkSecurityGroups/nsg-kd-work"
)

func TestPlanValidateWhatIfApplyWithProgress(t *testing.T) {
	s := &deploytest.Scenario{
		WhatIf: []deploytest.Change{{ID: firewall, Kind: "Create"}, {ID: storage, Kind: "NoChange"}},
		Polls:  3,
		Operations: []deploytest.Operation{
			{ID: firewall, RunningPolls: 2, State: "Succeeded", Duration: "PT2M3S"},
			{ID: storage, State: "Succeeded", Duration: "PT40.2S"},
			{ID: vault, State: "Succeeded", Kind: "Read"}, // read, not deployed: no progress line
		},
	}
	f := deploytest.New(s)
	ctx := context.Background()
	w, err := deploy.Plan(ctx, f.Clients, template("Incremental"))
	if err != nil {
		t.Fatalf("Plan: %v", err)
	}
	if got, want := w.Summary(), "Resource changes: 1 to create, 0 to modify, 0 to delete, 0 to redeploy, 1 unchanged, 0 ignored."; got != want {
		t.Errorf("Summary() = %q; want %q", got, want)
	}
	// A minute passes between operation listings.
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	f.OnList = func(int) { now = now.Add(time.Minute) }
	var out bytes.Buffer
	res, err := deploy.Apply(ctx, f.Clients, template("Incremental"), &deploy.Progress{Out: &out, Now: func() time.Time { return now }})
	if err != nil {
		t.Fatalf("Apply: %v", err)
	}
	if res.State != "Succeeded" || res.Attached {
		t.Errorf("Apply = %+v; want a new deployment that succeeded", res)
	}
	want := `[      0s] deploying enclave-kd (incremental mode)
[      1m] Succeeded Microsoft.Storage/storageAccounts stkddata (rg-kd-data) in 40s
[      1m] Running   Microsoft.Network/azureFirewalls afw-kd (rg-kd-network) — long pole: Azure Firewall usually takes 5-15 minutes
[      3m] Succeeded Microsoft.Network/azureFirewalls afw-kd (rg-kd-network) in 2m03s
[      4m] deployment enclave-kd succeeded: 2 resources in 4m
[      4m] long pole: Microsoft.Network/azureFirewalls afw-kd (rg-kd-network) took 2m03s
`
	if diff := cmp.Diff(want, out.String()); diff != "" {
		t.Errorf("progress (-want +got):\n%s", diff)
	}
	if strings.Contains(out.String(), "s3cret") {
		t.Errorf("progress shows a secure parameter value")
	}
	if n := f.Calls("DeploymentsClient.BeginCreateOrUpdateAtSubscriptionScope"); n < 1 {
		t.Errorf("create-or-update called %d times; want at least 1", n)
	}
}

func TestWhatIfPrintsCreatesModifiesDeletes(t *testing.T) {
	s := &deploytest.Scenario{WhatIf: []deploytest.Change{
		{ID: sub + "/resourceGroups/rg-kd-network/providers/Microsoft.Network/virtualNetworks/vnet-kd-hub", Kind: "Create"},
		{ID: storage, Kind: "Modify", Delta: []deploytest.Property{
			{Path: "properties.publicNetworkAccess", Kind: "Modify", Before: "Enabled", After: "Disabled"},
			{Path: "properties.minimumTlsVersion", Kind: "Create", After: "TLS1_2"},
			{Path: "properties.provisioningState", Kind: "NoEffect", Before: "Succeeded"},
		}},
		{ID: vault, Kind: "Delete"},
		{ID: sub + "/resourceGroups/rg-kd-data", Kind: "NoChange"},
		{ID: sub + "/resourceGroups/rg-kd-data/providers/Microsoft.Network/networkInterfaces/pe.nic.1", Kind: "Ignore"},
	}}
	f := deploytest.New(s)
	w, err := deploy.Plan(context.Background(), f.Clients, template("Incremental"))
	if err != nil {
		t.Fatalf("Plan: %v", err)
	}
	var out bytes.Buffer
	w.Print(&out, false)
	want := `subscription:
  (1 unchanged or ignored)
resource group rg-kd-data:
  - Microsoft.KeyVault/vaults kv-kd-data Delete
  ~ Microsoft.Storage/storageAccounts stkddata Modify
      ~ properties.publicNetworkAccess: "Enabled" => "Disabled"
      + properties.minimumTlsVersion: "TLS1_2"
  (1 unchanged or ignored)
resource group rg-kd-network:
  + Microsoft.Network/virtualNetworks vnet-kd-hub Create
Resource changes: 1 to create, 1 to modify, 1 to delete, 0 to redeploy, 1 unchanged, 1 ignored.
`
	if diff := cmp.Diff(want, out.String()); diff != "" {
		t.Errorf("what-if (-want +got):\n%s", diff)
	}
}

func TestInvalidTemplate(t *testing.T) {
	s := &deploytest.Scenario{Faults: map[string][]deploytest.Fault{
		"DeploymentsClient.BeginValidateAtSubscriptionScope": {{Status: 400, Error: &deploytest.ARMError{
			Code: "InvalidTemplate", Message: "Deployment template validation failed: 'The resource 'Microsoft.Storage/storageAccounts/st' is not defined in the template.'",
		}}},
	}}
	f := deploytest.New(s)
	_, err := deploy.Plan(context.Background(), f.Clients, template("Incremental"))
	var fl *deploy.Failure
	if !errors.As(err, &fl) {
		t.Fatalf("Plan error = %v; want a *Failure", err)
	}
	if fl.Code != "InvalidTemplate" || !strings.Contains(fl.Message, "is not defined in the template") || fl.Hint == "" {
		t.Errorf("Failure = %+v; want InvalidTemplate with ARM's message and a hint", fl)
	}
	if n := f.Calls("DeploymentsClient.BeginWhatIfAtSubscriptionScope"); n != 0 {
		t.Errorf("what-if ran %d times after a failed validation; want 0", n)
	}
}

func TestDeploymentFailsOnOneResource(t *testing.T) {
	s := &deploytest.Scenario{
		Polls: 1,
		Final: "Failed",
		Operations: []deploytest.Operation{
			{ID: firewall, State: "Succeeded", Duration: "PT5M"},
			{ID: storage, State: "Failed", Duration: "PT3S", Error: &deploytest.ARMError{Code: "StorageAccountAlreadyTaken", Message: "The storage account named stkddata is already taken."}},
		},
	}
	f := deploytest.New(s)
	var out bytes.Buffer
	_, err := deploy.Apply(context.Background(), f.Clients, template("Incremental"), &deploy.Progress{Out: &out, Now: clock()})
	var fs deploy.Failures
	if !errors.As(err, &fs) || len(fs) != 1 {
		t.Fatalf("Apply error = %v; want one failed resource", err)
	}
	got := fs[0]
	if got.Resource.Name != "stkddata" || got.Resource.Group != "rg-kd-data" || got.Code != "StorageAccountAlreadyTaken" || !strings.Contains(got.Hint, "name is taken") {
		t.Errorf("Failure = %+v; want stkddata in rg-kd-data, StorageAccountAlreadyTaken, a name-taken hint", got)
	}
	if want := "deploying: Microsoft.Storage/storageAccounts stkddata in rg-kd-data: StorageAccountAlreadyTaken: The storage account named stkddata is already taken."; got.Error() != want {
		t.Errorf("Error() = %q; want %q", got.Error(), want)
	}
}

func TestRetries(t *testing.T) {
	const api = "DeploymentsClient.BeginValidateAtSubscriptionScope"
	tests := []struct {
		name    string
		faults  []deploytest.Fault
		minWait time.Duration
	}{
		{"429 with Retry-After", []deploytest.Fault{{Status: 429, RetryAfter: "1"}}, time.Second},
		{"500 twice", []deploytest.Fault{{Status: 500}, {Status: 500}}, 0},
		{"503 then 502", []deploytest.Fault{{Status: 503}, {Status: 502}}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := deploytest.New(&deploytest.Scenario{Faults: map[string][]deploytest.Fault{api: tt.faults}})
			if err := deploy.Validate(context.Background(), f.Clients, template("Incremental")); err != nil {
				t.Fatalf("Validate: %v", err)
			}
			times := f.Times(api)
			if len(times) != len(tt.faults)+1 {
				t.Fatalf("%d requests; want %d (each fault retried, then success)", len(times), len(tt.faults)+1)
			}
			if gap := times[1].Sub(times[0]); gap < tt.minWait {
				t.Errorf("retried after %v; Retry-After asked for %v", gap, tt.minWait)
			}
		})
	}
}

func TestInterruptedRunIsResumed(t *testing.T) {
	s := &deploytest.Scenario{
		Polls:      50,
		Operations: []deploytest.Operation{{ID: firewall, RunningPolls: 100, State: "Succeeded", Duration: "PT7M"}},
	}
	f := deploytest.New(s)
	ctx, cancel := context.WithCancel(context.Background())
	f.OnList = func(n int) {
		if n == 2 {
			cancel()
		}
	}
	var out bytes.Buffer
	tmpl := template("Incremental")
	if err := deploy.Validate(context.Background(), f.Clients, tmpl); err != nil {
		t.Fatal(err)
	}
	_, err := deploy.Apply(ctx, f.Clients, tmpl, &deploy.Progress{Out: &out, Now: clock()})
	if err == nil || !strings.Contains(err.Error(), "run apply again to follow it") {
		t.Fatalf("interrupted Apply error = %v; want advice to run again", err)
	}

	// The second run finds the deployment still running and follows it.
	s.Existing, s.ExistingPolls = "Running", 2
	f2 := deploytest.New(s)
	if err := deploy.Validate(context.Background(), f2.Clients, tmpl); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	res, err := deploy.Apply(context.Background(), f2.Clients, tmpl, &deploy.Progress{Out: &out, Now: clock()})
	if err != nil {
		t.Fatalf("resumed Apply: %v", err)
	}
	if !res.Attached || res.State != "Succeeded" {
		t.Errorf("resumed Apply = %+v; want attached and succeeded", res)
	}
	if n := f2.Calls("DeploymentsClient.BeginCreateOrUpdateAtSubscriptionScope"); n != 0 {
		t.Errorf("resumed run started %d new deployments; want 0", n)
	}
	if !strings.Contains(out.String(), "attaching to deployment enclave-kd, still running from an earlier run") {
		t.Errorf("resumed run output:\n%s\nwant the attach line", out.String())
	}
}

func TestRunningDeploymentOfAnotherTemplateIsNotJoined(t *testing.T) {
	s := &deploytest.Scenario{Existing: "Running", ExistingDigest: "0123456789abcdef"}
	f := deploytest.New(s)
	var out bytes.Buffer
	_, err := deploy.Apply(context.Background(), f.Clients, template("Incremental"), &deploy.Progress{Out: &out, Now: clock()})
	if err == nil || !strings.Contains(err.Error(), "of a different template is still running") {
		t.Fatalf("Apply error = %v; want a refusal naming the running deployment", err)
	}
	if n := f.Calls("DeploymentsClient.BeginCreateOrUpdateAtSubscriptionScope"); n != 0 {
		t.Errorf("started %d deployments; want 0", n)
	}
}

func TestCompleteModeRefused(t *testing.T) {
	tests := []struct {
		mode   deploy.Mode
		nested string
		ok     bool
	}{
		{deploy.Incremental, "Incremental", true},
		{deploy.Complete, "Incremental", false},
		{"complete", "Incremental", false},
		{deploy.Incremental, "Complete", false},
	}
	for _, tt := range tests {
		err := deploy.CheckMode(tt.mode, template(tt.nested))
		if (err == nil) != tt.ok || (!tt.ok && !errors.Is(err, deploy.ErrCompleteMode)) {
			t.Errorf("CheckMode(%q, nested %q) = %v; want ok=%v", tt.mode, tt.nested, err, tt.ok)
		}
	}
	// Apply itself refuses a template with a Complete nested deployment
	// before calling Azure.
	f := deploytest.New(&deploytest.Scenario{})
	_, err := deploy.Apply(context.Background(), f.Clients, template("Complete"), &deploy.Progress{Out: &bytes.Buffer{}})
	if !errors.Is(err, deploy.ErrCompleteMode) {
		t.Errorf("Apply(Complete nested) = %v; want ErrCompleteMode", err)
	}
	if n := f.Calls("DeploymentsClient.BeginCreateOrUpdateAtSubscriptionScope"); n != 0 {
		t.Errorf("Complete template deployed %d times; want 0", n)
	}
}

func TestDataLossGuard(t *testing.T) {
	stateful := []model.Type{model.TypeStorageAccount, model.TypeKeyVault}
	w := &deploy.WhatIf{Changes: []deploy.Change{
		{Resource: deploy.ParseResourceID(storage), Kind: deploy.Delete},
		{Resource: deploy.ParseResourceID(nsg), Kind: deploy.Delete},
		{Resource: deploy.ParseResourceID(vault), Kind: deploy.Modify},
	}}
	tests := []struct {
		allow   []string
		blocked []string
	}{
		{nil, []string{"stkddata"}},
		{[]string{"stkddata"}, nil},
		{[]string{"STKDDATA"}, nil},
		{[]string{storage}, nil},
		{[]string{"kv-kd-data"}, []string{"stkddata"}},
	}
	for _, tt := range tests {
		_, err := deploy.CheckDataLoss(w, stateful, tt.allow)
		var got []string
		var dl *deploy.DataLossError
		if errors.As(err, &dl) {
			for _, b := range dl.Blocked {
				got = append(got, b.Change.Resource.Name)
			}
		} else if err != nil {
			t.Fatalf("CheckDataLoss: %v", err)
		}
		if diff := cmp.Diff(tt.blocked, got); diff != "" {
			t.Errorf("CheckDataLoss(allow %q) blocked (-want +got):\n%s", tt.allow, diff)
		}
	}
}

func TestNoCredential(t *testing.T) {
	f := deploytest.New(&deploytest.Scenario{NoCredential: true})
	if err := deploy.CheckCredential(context.Background(), f.Credential); !errors.Is(err, deploy.ErrNoCredential) {
		t.Errorf("CheckCredential(failing fake) = %v; want ErrNoCredential", err)
	}
	// The real chain, limited to the Azure CLI with no az on PATH, fails
	// without touching the network.
	t.Setenv("AZURE_TOKEN_CREDENTIALS", "AzureCLICredential")
	t.Setenv("PATH", t.TempDir())
	cred, err := deploy.DefaultCredential()
	if err == nil {
		err = deploy.CheckCredential(context.Background(), cred)
	}
	if !errors.Is(err, deploy.ErrNoCredential) {
		t.Errorf("DefaultCredential without a login = %v; want ErrNoCredential", err)
	}
}

func TestParseResourceID(t *testing.T) {
	tests := []struct {
		id   string
		want deploy.ResourceID
	}{
		{storage, deploy.ResourceID{Group: "rg-kd-data", Type: "Microsoft.Storage/storageAccounts", Name: "stkddata"}},
		{sub + "/resourceGroups/rg-kd-network/providers/Microsoft.Network/virtualNetworks/hub/subnets/work", deploy.ResourceID{Group: "rg-kd-network", Type: "Microsoft.Network/virtualNetworks/subnets", Name: "hub/work"}},
		{storage + "/providers/Microsoft.Authorization/locks/keep", deploy.ResourceID{Group: "rg-kd-data", Type: "Microsoft.Authorization/locks", Name: "keep"}},
		{sub + "/resourceGroups/rg-kd-data", deploy.ResourceID{Type: "Microsoft.Resources/resourceGroups", Name: "rg-kd-data"}},
		{sub + "/providers/Microsoft.Authorization/policyAssignments/pa", deploy.ResourceID{Type: "Microsoft.Authorization/policyAssignments", Name: "pa"}},
	}
	for _, tt := range tests {
		got := deploy.ParseResourceID(tt.id)
		tt.want.ID = tt.id
		if got != tt.want {
			t.Errorf("ParseResourceID(%q) = %+v; want %+v", tt.id, got, tt.want)
		}
	}
}

func TestLiveProgressRedrawsAStatusLine(t *testing.T) {
	s := &deploytest.Scenario{
		Polls: 2,
		Operations: []deploytest.Operation{
			{ID: firewall, RunningPolls: 2, State: "Succeeded", Duration: "PT2M"},
			{ID: storage, State: "Succeeded", Duration: "PT20S"},
		},
	}
	f := deploytest.New(s)
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	f.OnList = func(int) { now = now.Add(30 * time.Second) }
	var out bytes.Buffer
	if _, err := deploy.Apply(context.Background(), f.Clients, template("Incremental"), &deploy.Progress{Out: &out, Live: true, Now: func() time.Time { return now }}); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, want := range []string{
		"[     30s] 1 done, 0 failed, 1 running: afw-kd 0s",
		"\r\033[K[      1m] 1 done, 0 failed, 1 running: afw-kd 30s",
		"\r\033[K[   1m30s] Succeeded Microsoft.Network/azureFirewalls afw-kd (rg-kd-network) in 2m\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("live progress lacks %q:\n%q", want, got)
		}
	}
}

func TestPollingIsAtLeastOneSecond(t *testing.T) {
	for _, tt := range []struct{ in, want time.Duration }{{0, deploy.DefaultPoll}, {time.Millisecond, time.Second}, {10 * time.Second, 10 * time.Second}} {
		c, err := deploy.NewClients(deploytest.Subscription, deploytest.New(&deploytest.Scenario{}).Credential, nil, tt.in)
		if err != nil {
			t.Fatal(err)
		}
		if c.Poll != tt.want {
			t.Errorf("NewClients(poll %v).Poll = %v; want %v", tt.in, c.Poll, tt.want)
		}
	}
}
