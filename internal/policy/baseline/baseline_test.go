package baseline_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/enclave-dev/enclave/internal/policy/baseline"
)

// minDefinitions is the least the baseline must hold (issue 5).
const minDefinitions = 60

func load(t *testing.T) []baseline.Definition {
	t.Helper()
	defs, err := baseline.Load()
	if err != nil {
		t.Fatalf("Load() error: %v", err)
	}
	return defs
}

func TestLoad(t *testing.T) {
	defs := load(t)
	if len(defs) < minDefinitions {
		t.Errorf("Load() = %d definitions; want at least %d", len(defs), minDefinitions)
	}
	names, displays := map[string]bool{}, map[string]string{}
	for _, d := range defs {
		if names[d.Name] {
			t.Errorf("duplicate name %s", d.Name)
		}
		names[d.Name] = true
		if other, dup := displays[d.Properties.DisplayName]; dup {
			t.Errorf("%s and %s share the display name %q", other, d.Name, d.Properties.DisplayName)
		}
		displays[d.Properties.DisplayName] = d.Name
		// Azure: policy definition names are at most 64 characters without <>*%&:\?.+/
		if len(d.Name) > 64 || strings.ContainsAny(d.Name, `<>*%&:\?.+/ `) {
			t.Errorf("%s is not a valid policy definition name", d.Name)
		}
	}
	t.Logf("%d baseline definitions", len(defs))
}

func TestParseRejectsIncompleteDefinitions(t *testing.T) {
	ok := `{"name":"enclave-x","properties":{"displayName":"X","mode":"All","description":"d",
	  "metadata":{"category":"General","version":"1.0.0","mcsbControls":["NS-2"]},
	  "parameters":{"effect":{"type":"String","metadata":{"displayName":"Effect"},"allowedValues":["Audit","Disabled"],"defaultValue":"Audit"}},
	  "policyRule":{"if":{"field":"type","equals":"a/b"},"then":{"effect":"[parameters('effect')]"}}}}`
	if _, err := baseline.Parse([]byte(ok)); err != nil {
		t.Fatalf("Parse(valid) error: %v", err)
	}
	tests := []struct{ name, from, to, want string }{
		{"no display name", `"displayName":"X",`, ``, "no displayName"},
		{"bad mode", `"mode":"All"`, `"mode":"Microsoft.Kubernetes.Data"`, "mode"},
		{"no controls", `"mcsbControls":["NS-2"]`, `"mcsbControls":[]`, "mcsbControls"},
		{"no rule", `"policyRule"`, `"rule"`, "no policyRule"},
		{"no default", `,"defaultValue":"Audit"`, ``, "no default value"},
		{"not json", `{"name"`, `{name`, "invalid character"},
	}
	for _, tt := range tests {
		_, err := baseline.Parse([]byte(strings.Replace(ok, tt.from, tt.to, 1)))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Parse(%s) error = %v; want one containing %q", tt.name, err, tt.want)
		}
	}
}

// rule is the part of policyRule the structural tests read.
type rule struct {
	If   json.RawMessage `json:"if"`
	Then struct {
		Effect  string `json:"effect"`
		Details *struct {
			Type               string          `json:"type"`
			Name               string          `json:"name"`
			ExistenceCondition json.RawMessage `json:"existenceCondition"`
		} `json:"details"`
	} `json:"then"`
}

func TestEffects(t *testing.T) {
	for _, d := range load(t) {
		var r rule
		if err := json.Unmarshal(d.Properties.PolicyRule, &r); err != nil {
			t.Errorf("%s: policyRule: %v", d.Name, err)
			continue
		}
		if r.Then.Effect != "[parameters('effect')]" {
			t.Errorf("%s: then.effect = %q; want the effect parameter", d.Name, r.Then.Effect)
		}
		def := d.DefaultEffect()
		effects := d.Effects()
		if !slices.Contains(effects, def) || !slices.Contains(effects, "Disabled") {
			t.Errorf("%s: effect default %q, allowed %v; want the default allowed and Disabled allowed", d.Name, def, effects)
		}
		switch def {
		case "Deny", "Audit":
			if r.Then.Details != nil {
				t.Errorf("%s: %s definition with details", d.Name, def)
			}
			if slices.Contains(effects, "AuditIfNotExists") {
				t.Errorf("%s: allows AuditIfNotExists without details", d.Name)
			}
		case "AuditIfNotExists":
			if r.Then.Details == nil || r.Then.Details.Type == "" || len(r.Then.Details.ExistenceCondition) == 0 {
				t.Errorf("%s: AuditIfNotExists without details.type and existenceCondition", d.Name)
			}
		default:
			t.Errorf("%s: default effect %q; want Deny, Audit or AuditIfNotExists", d.Name, def)
		}
	}
}

var controlID = regexp.MustCompile(`^(NS|DP|IM|PA|PV|LT|AM|ES|BR|IR|DS|GS)-[1-9][0-9]?$`)

// TestControls checks every control ID's form and, when ../shared is
// present, that it names a control group of the Microsoft cloud security
// benchmark initiative.
func TestControls(t *testing.T) {
	known := benchmarkControls(t)
	covered := map[string]int{}
	for _, d := range load(t) {
		for _, c := range d.Properties.Metadata.Controls {
			covered[c]++
			if !controlID.MatchString(c) {
				t.Errorf("%s: control %q is not a benchmark control ID", d.Name, c)
			}
			if known != nil && !known[c] {
				t.Errorf("%s: control %q is not a group of the benchmark initiative", d.Name, c)
			}
		}
	}
	var list []string
	for c, n := range covered {
		list = append(list, fmt.Sprintf("%s:%d", c, n))
	}
	slices.Sort(list)
	t.Logf("%d controls covered: %s", len(covered), strings.Join(list, " "))
}

// benchmarkControls reads the control IDs of the benchmark initiative, or
// returns nil (after logging) when ../shared is absent.
func benchmarkControls(t *testing.T) map[string]bool {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(sharedDir(t), "data", "azure-policy", "initiatives", "AzureSecurityCenter.json"))
	if err != nil {
		t.Logf("benchmark initiative not read, control names checked by form only: %v", err)
		return nil
	}
	var ini struct {
		Properties struct {
			Groups []struct{ Name string } `json:"policyDefinitionGroups"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(raw, &ini); err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, g := range ini.Properties.Groups {
		if _, id, ok := strings.Cut(g.Name, "_v3.0_"); ok {
			out[id] = true
		}
	}
	if len(out) == 0 {
		t.Fatal("no benchmark control groups in AzureSecurityCenter.json")
	}
	return out
}

// sharedDir is ../shared beside the module root.
func sharedDir(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "..", "shared")
		}
		up := filepath.Dir(dir)
		if up == dir {
			t.Fatal("no go.mod above the working directory")
		}
		dir = up
	}
}

// builtinFields are rule fields that are not aliases.
var builtinFields = []string{"type", "name", "location", "id", "kind", "identity.type", "fullName"}

var fieldCall = regexp.MustCompile(`(?:field|current)\('([^']+)'\)`)

// fields returns every field and current() path a rule names.
func fields(v any, out map[string]bool) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			if s, ok := e.(string); ok && k == "field" {
				out[s] = true
			}
			fields(e, out)
		}
	case []any:
		for _, e := range x {
			fields(e, out)
		}
	case string:
		for _, m := range fieldCall.FindAllStringSubmatch(x, -1) {
			out[m[1]] = true
		}
	}
}

// countNames are the names count expressions give to value arrays.
func countNames(v any, out map[string]bool) {
	switch x := v.(type) {
	case map[string]any:
		if c, ok := x["count"].(map[string]any); ok {
			if n, ok := c["name"].(string); ok {
				out[n] = true
			}
		}
		for _, e := range x {
			countNames(e, out)
		}
	case []any:
		for _, e := range x {
			countNames(e, out)
		}
	}
}

// TestAliases checks every alias a definition uses against Azure's alias
// list (Get-AzPolicyAlias) in ../shared. Aliases of types the list lacks
// (Microsoft.Insights) must be used by a built-in definition there.
func TestAliases(t *testing.T) {
	dir := filepath.Join(sharedDir(t), "data", "azure-policy")
	raw, err := os.ReadFile(filepath.Join(dir, "aliases", "aliases.json"))
	if err != nil {
		t.Skipf("skipping: Azure's alias list is not at ../shared/data/azure-policy/aliases (%v)", err)
	}
	var table map[string]map[string]string
	if err := json.Unmarshal(raw, &table); err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, aliases := range table {
		for a := range aliases {
			known[strings.ToLower(a)] = true
		}
	}
	builtins := builtinText(t, filepath.Join(dir, "definitions"))
	checked := 0
	for _, d := range load(t) {
		var r any
		if err := json.Unmarshal(d.Properties.PolicyRule, &r); err != nil {
			t.Fatal(err)
		}
		used, names := map[string]bool{}, map[string]bool{}
		fields(r, used)
		countNames(r, names)
		for f := range used {
			switch {
			case slices.Contains(builtinFields, f), strings.HasPrefix(f, "tags["), names[f]:
				continue
			case known[strings.ToLower(f)]:
			case strings.Contains(builtins, `"`+strings.ToLower(f)+`"`):
				t.Logf("%s: %s is not in the alias list but built-in definitions use it", d.Name, f)
			default:
				t.Errorf("%s: alias %s does not exist", d.Name, f)
			}
			checked++
		}
	}
	t.Logf("checked %d alias uses", checked)
}

// builtinText is the lower-cased text of every built-in definition.
func builtinText(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(p, ".json") {
			return err
		}
		raw, err := os.ReadFile(p)
		b.Write(raw)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return strings.ToLower(b.String())
}

var paramCall = regexp.MustCompile(`parameters\('([^']+)'\)`)

// TestParametersUsed checks that the rule names only declared parameters
// and uses every one.
func TestParametersUsed(t *testing.T) {
	for _, d := range load(t) {
		used := map[string]bool{}
		for _, m := range paramCall.FindAllStringSubmatch(string(d.Properties.PolicyRule), -1) {
			used[m[1]] = true
		}
		for _, n := range d.ParameterNames() {
			if !used[n] {
				t.Errorf("%s: parameter %s is never used", d.Name, n)
			}
			delete(used, n)
		}
		for n := range used {
			t.Errorf("%s: rule uses undeclared parameter %s", d.Name, n)
		}
	}
}

// securityControls are the controls of DESIGN.md and issue 5 the baseline
// must cover, each with the definitions that implement it.
var securityControls = map[string][]string{
	"public network access": {"storage-public-network-access", "key-vault-public-network-access", "container-registry-public-network-access",
		"ml-workspace-public-network-access", "databricks-public-network-access", "synapse-public-network-access",
		"data-factory-public-network-access", "event-hubs-public-network-access", "app-service-public-network-access", "aks-private-cluster"},
	"private link": {"storage-private-endpoint", "key-vault-private-endpoint", "container-registry-private-endpoint", "ml-workspace-private-endpoint",
		"databricks-private-endpoint", "synapse-private-endpoint", "data-factory-private-endpoint", "event-hubs-private-endpoint", "app-service-private-endpoint"},
	"local auth and shared keys": {"storage-shared-key-access", "event-hubs-local-auth", "ml-compute-local-auth", "synapse-entra-only",
		"log-analytics-local-auth", "app-service-basic-auth-scm", "app-service-basic-auth-ftp"},
	"TLS minimum version":                     {"storage-minimum-tls", "event-hubs-minimum-tls", "app-service-minimum-tls"},
	"HTTPS only":                              {"storage-https-only", "app-service-https-only"},
	"purge protection, soft delete":           {"key-vault-purge-protection", "key-vault-soft-delete"},
	"ACR admin user":                          {"container-registry-admin-user"},
	"AKS private, Entra RBAC, local accounts": {"aks-private-cluster", "aks-entra-rbac", "aks-local-accounts"},
	"NSG management ports":                    {"nsg-management-ports-internet"},
	"public IPs on workstations and compute":  {"nic-no-public-ip", "ml-compute-no-public-ip", "aks-node-public-ip", "databricks-no-public-ip"},
	"auto-shutdown and idle shutdown":         {"vm-auto-shutdown", "ml-compute-instance-idle-shutdown", "ml-compute-scale-to-zero"},
	"diagnostic settings": {"storage-blob-diagnostic-settings", "key-vault-diagnostic-settings", "container-registry-diagnostic-settings",
		"ml-workspace-diagnostic-settings", "databricks-diagnostic-settings", "synapse-diagnostic-settings", "data-factory-diagnostic-settings",
		"event-hubs-diagnostic-settings", "app-service-diagnostic-settings", "aks-diagnostic-settings", "firewall-diagnostic-settings",
		"vpn-gateway-diagnostic-settings", "nsg-diagnostic-settings", "bastion-diagnostic-settings"},
	"customer-managed keys":   {"storage-customer-managed-key", "ml-workspace-customer-managed-key", "synapse-customer-managed-key", "data-factory-customer-managed-key"},
	"allowed locations":       {"allowed-locations"},
	"allowed VM sizes":        {"allowed-vm-sizes"},
	"RBAC at narrowest scope": {"rbac-no-subscription-people", "rbac-custom-role-scope"},
	"firewall":                {"firewall-threat-intel", "firewall-dns-proxy", "route-table-default-route"},
	"VPN":                     {"vpn-ikev2", "vpn-ipsec-policy"},
}

func TestCoversSecurityControls(t *testing.T) {
	have := map[string]bool{}
	for _, d := range load(t) {
		have[strings.TrimPrefix(d.Name, baseline.NamePrefix)] = true
	}
	for control, names := range securityControls {
		for _, n := range names {
			if !have[n] {
				t.Errorf("control %q: definition %s is missing", control, n)
			}
		}
	}
}
