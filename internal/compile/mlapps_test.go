package compile

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/spec"
)

// helperCtx is a context with the address plan, the resource groups and the
// Log Analytics workspace, ready for the shared helpers.
func helperCtx(t *testing.T) *ctx {
	t.Helper()
	d := spec.Example()
	c := newCtx(d)
	plan, err := planAddresses(d)
	if err != nil {
		t.Fatal(err)
	}
	c.plan = plan
	for _, v := range []string{Hub, Spoke} {
		c.vnets[v] = model.Address{Group: c.rg(RGNetwork), Type: model.TypeVirtualNetwork, Name: c.names.Name("vnet", v)}.Ref()
	}
	buildOrganisation(c)
	buildMonitoring(c)
	return c
}

func off() *bool { b := false; return &b }

// names returns the names of the resources of kind T.
func names[T model.Resource](g *model.Graph) []string {
	var out []string
	for _, r := range model.All[T](g) {
		out = append(out, r.Base().Name)
	}
	return out
}

// roles returns "role -> scope leaf" for every role assignment to p.
func roles(g *model.Graph, principalLeaf string) []string {
	var out []string
	for _, ra := range model.All[*model.RoleAssignment](g) {
		pr := ra.Principal
		leaf := pr.SystemIdentityOf.Leaf()
		if !pr.UserIdentity.IsZero() {
			leaf = pr.UserIdentity.Leaf()
		}
		if leaf == principalLeaf {
			out = append(out, ra.RoleName+" -> "+ra.Scope.Leaf())
		}
	}
	slices.Sort(out)
	return out
}

func TestStorageAccount(t *testing.T) {
	tests := []struct {
		name          string
		opts          storageOptions
		wantEndpoints []string
		wantChildren  []string
		wantCMK       bool
	}{
		{
			name:          "blob and file",
			opts:          storageOptions{Purpose: "t1", Concern: RGML, Endpoints: []string{"blob", "file"}},
			wantEndpoints: []string{"blob", "file"},
			wantChildren:  []string{"Microsoft.Storage/storageAccounts/blobServices", "Microsoft.Storage/storageAccounts/fileServices"},
		},
		{
			name:          "data lake with containers",
			opts:          storageOptions{Purpose: "t2", Concern: RGData, HierarchicalNamespace: true, Endpoints: []string{"blob", "dfs"}, Containers: []string{"raw", "curated"}},
			wantEndpoints: []string{"blob", "dfs"},
			wantChildren:  []string{"Microsoft.Storage/storageAccounts/blobServices", "Microsoft.Storage/storageAccounts/blobServices/containers", "Microsoft.Storage/storageAccounts/blobServices/containers"},
		},
		{
			name:          "customer-managed key",
			opts:          storageOptions{Purpose: "t3", Concern: RGData, Endpoints: []string{"blob"}},
			wantEndpoints: []string{"blob"},
			wantChildren:  []string{"Microsoft.Storage/storageAccounts/blobServices"},
			wantCMK:       true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := helperCtx(t)
			if tt.wantCMK {
				tt.opts.CMK = &cmkOptions{Vault: c.keyVault(vaultOptions{Purpose: "t", Concern: RGData})}
			}
			ref := c.storageAccount(tt.opts)
			if c.err != nil {
				t.Fatal(c.err)
			}
			acct, ok := model.Lookup[*model.StorageAccount](c.g, ref)
			if !ok {
				t.Fatalf("storageAccount(%+v) made no account", tt.opts)
			}
			got := *acct
			got.Meta, got.CMK, got.Identity = model.Meta{}, nil, model.Identity{}
			want := model.StorageAccount{
				SKU:                      model.StorageStandardZRS,
				HierarchicalNamespace:    tt.opts.HierarchicalNamespace,
				PublicNetworkAccess:      model.PublicDisabled,
				NetworkACL:               model.NetworkACL{DefaultAction: model.Deny, Bypass: model.BypassAzureServices},
				CopyScopePrivateLink:     true,
				MinimumTLS:               model.TLS12,
				HTTPSOnly:                true,
				DefaultOAuth:             true,
				InfrastructureEncryption: true, SASExpiration: sasExpiration,
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("storageAccount(%+v) account mismatch (-want +got):\n%s", tt.opts, diff)
			}
			var endpoints, children []string
			for _, pe := range model.All[*model.PrivateEndpoint](c.g) {
				if pe.Target == ref {
					endpoints = append(endpoints, pe.GroupID)
				}
			}
			for _, r := range c.g.Resources() {
				if a := model.AddressOf(r); a.Type.Parent() != "" && a.Scope == "" && len(a.Name) > len(ref.Name) && a.Name[:len(ref.Name)+1] == ref.Name+"/" {
					children = append(children, string(a.Type))
				}
			}
			if diff := cmp.Diff(tt.wantEndpoints, endpoints); diff != "" {
				t.Errorf("storageAccount(%+v) endpoints (-want +got):\n%s", tt.opts, diff)
			}
			if diff := cmp.Diff(tt.wantChildren, children); diff != "" {
				t.Errorf("storageAccount(%+v) children (-want +got):\n%s", tt.opts, diff)
			}
			blob, _ := model.Lookup[*model.BlobService](c.g, ref.Child("blobServices", "default").Ref())
			if blob == nil || blob.DeleteRetentionDays == 0 || blob.Versioning == tt.opts.HierarchicalNamespace {
				t.Errorf("storageAccount(%+v) blob service = %+v; want soft delete, versioning only without HNS", tt.opts, blob)
			}
			if got := acct.CMK != nil; got != tt.wantCMK {
				t.Fatalf("storageAccount(%+v) CMK = %v; want %v", tt.opts, got, tt.wantCMK)
			}
			if tt.wantCMK {
				if !slices.Contains(acct.Identity.UserAssigned, c.cmkIdentity) || len(acct.DependsOn) != 1 {
					t.Errorf("storageAccount with CMK: identity %v, dependsOn %v; want the CMK identity and its key grant", acct.Identity, acct.DependsOn)
				}
				if got := roles(c.g, c.cmkIdentity.Leaf()); !slices.Contains(got, "Key Vault Crypto Service Encryption User -> cmk-"+ref.Name) {
					t.Errorf("CMK identity roles = %v; want Key Vault Crypto Service Encryption User on the account's key", got)
				}
			}
		})
	}
}

func TestKeyVault(t *testing.T) {
	c := helperCtx(t)
	ref := c.keyVault(vaultOptions{Purpose: "data", Concern: RGData})
	v, ok := model.Lookup[*model.KeyVault](c.g, ref)
	if !ok {
		t.Fatal("keyVault made no vault")
	}
	got := *v
	got.Meta = model.Meta{}
	want := model.KeyVault{
		SKU:                     model.VaultPremium,
		PublicNetworkAccess:     model.PublicDisabled,
		NetworkACL:              model.NetworkACL{DefaultAction: model.Deny, Bypass: model.BypassAzureServices},
		RBACAuthorization:       true,
		SoftDeleteRetentionDays: 90,
		PurgeProtection:         true,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("keyVault mismatch (-want +got):\n%s", diff)
	}
	if v.Group != c.rg(RGData) {
		t.Errorf("keyVault group = %q; want %q", v.Group, c.rg(RGData))
	}
	pes := model.All[*model.PrivateEndpoint](c.g)
	if len(pes) != 1 || pes[0].GroupID != "vault" {
		t.Errorf("keyVault private endpoints = %v; want one for \"vault\"", pes)
	}
}

func TestBuildContainers(t *testing.T) {
	tests := []struct {
		name              string
		edit              func(d *spec.Document)
		wantRegistries    int
		wantClusters      int
		wantLocalAccounts bool // LocalAccountsDisabled
	}{
		{name: "example", wantRegistries: 1, wantClusters: 1},
		{name: "kubernetes off", edit: func(d *spec.Document) { d.Services.Kubernetes.Enabled = off() }, wantRegistries: 1},
		{name: "ml off", edit: func(d *spec.Document) { d.Services.MachineLearning.Enabled = off() }, wantRegistries: 1, wantClusters: 1, wantLocalAccounts: true},
		{name: "no container workloads", edit: func(d *spec.Document) {
			d.Services.MachineLearning.Enabled = off()
			d.Services.Kubernetes.Enabled = off()
			d.Services.AppService.Enabled = off()
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := mustCompile(t, tt.edit).Graph
			regs := model.All[*model.ContainerRegistry](g)
			if len(regs) != tt.wantRegistries {
				t.Fatalf("registries = %d; want %d", len(regs), tt.wantRegistries)
			}
			for _, r := range regs {
				if r.SKU != "Premium" || r.AdminUser || r.AnonymousPull || r.PublicNetworkAccess != model.PublicDisabled || !r.ExportDisabled || r.NetworkACL.Bypass != model.BypassAzureServices || !r.ZoneRedundant {
					t.Errorf("registry %s = %+v; want hardened Premium", r.Name, r)
				}
			}
			clusters := model.All[*model.ManagedCluster](g)
			if len(clusters) != tt.wantClusters {
				t.Fatalf("clusters = %d; want %d", len(clusters), tt.wantClusters)
			}
			for _, k := range clusters {
				checkCluster(t, g, k, tt.wantLocalAccounts)
			}
		})
	}
}

// checkCluster checks the scoring cluster of the built-in example.
func checkCluster(t *testing.T, g *model.Graph, k *model.ManagedCluster, wantLocalDisabled bool) {
	t.Helper()
	if !k.PrivateCluster || k.PrivateDNSZone.Name != "privatelink.australiaeast.azmk8s.io" || !k.AzureRBAC || !k.RunCommandDisabled {
		t.Errorf("cluster %s is not a private Entra RBAC cluster: %+v", k.Name, k)
	}
	if k.LocalAccountsDisabled != wantLocalDisabled {
		t.Errorf("cluster LocalAccountsDisabled = %v; want %v", k.LocalAccountsDisabled, wantLocalDisabled)
	}
	if k.Network.Plugin != "azure" || k.Network.Outbound != model.OutboundUserDefinedRouting || k.Network.ServiceCIDR.String() != "172.20.0.0/16" {
		t.Errorf("cluster network = %+v; want Azure CNI, UDR egress, 172.20.0.0/16", k.Network)
	}
	wantPool := model.NodePool{Name: "system", Mode: "System", VMSize: "Standard_D4s_v5", OSSKU: "AzureLinux", MinCount: 2, MaxCount: 5, MaxPods: 30, Zones: []string{"1", "2", "3"}, EncryptionAtHost: true, SSHDisabled: true}
	gotPool := k.NodePools[0]
	gotPool.Subnet = model.Ref{}
	if diff := cmp.Diff(wantPool, gotPool); diff != "" {
		t.Errorf("node pool mismatch (-want +got):\n%s", diff)
	}
	if k.NodePools[0].Subnet.Leaf() != SubnetScoring {
		t.Errorf("node pool subnet = %v; want %s", k.NodePools[0].Subnet, SubnetScoring)
	}
	var depRoles []string
	for _, d := range k.DependsOn {
		ra, _ := model.Lookup[*model.RoleAssignment](g, d)
		if ra != nil {
			depRoles = append(depRoles, ra.RoleName)
		}
	}
	slices.Sort(depRoles)
	if diff := cmp.Diff([]string{"Managed Identity Operator", "Network Contributor", "Private DNS Zone Contributor"}, depRoles); diff != "" {
		t.Errorf("cluster waits for roles (-want +got):\n%s", diff)
	}
	if got := roles(g, k.KubeletIdentity.Leaf()); !slices.ContainsFunc(got, func(s string) bool { return len(s) > 10 && s[:10] == "AcrPull ->" }) {
		t.Errorf("kubelet identity roles = %v; want AcrPull on the registry", got)
	}
}

func TestBuildML(t *testing.T) {
	tests := []struct {
		name         string
		edit         func(d *spec.Document)
		wantWS       bool
		wantCMK      bool
		wantComputes []string
		wantExt      int
		wantParams   []string
	}{
		{name: "example", wantWS: true, wantCMK: true, wantComputes: []string{"mlw-kodata/cpu-cluster", "mlw-kodata/gpu-cluster", "mlw-kodata/scoring"}, wantExt: 1},
		{name: "no cmk", edit: func(d *spec.Document) { d.Governance.CustomerManagedKeys = false }, wantWS: true, wantComputes: []string{"mlw-kodata/cpu-cluster", "mlw-kodata/gpu-cluster", "mlw-kodata/scoring"}, wantExt: 1},
		{name: "kubernetes off", edit: func(d *spec.Document) { d.Services.Kubernetes.Enabled = off() }, wantWS: true, wantCMK: true, wantComputes: []string{"mlw-kodata/cpu-cluster", "mlw-kodata/gpu-cluster"}},
		{name: "default cluster", edit: func(d *spec.Document) {
			d.Services.MachineLearning.CPUCluster, d.Services.MachineLearning.GPUCluster = nil, nil
		}, wantWS: true, wantCMK: true, wantComputes: []string{"mlw-kodata/cpu-cluster", "mlw-kodata/scoring"}, wantExt: 1},
		{name: "compute instances", edit: func(d *spec.Document) {
			d.Team.Members = d.Team.Members[:2]
			d.Team.Workstations.Kind = spec.WorkstationComputeInstance
		}, wantWS: true, wantCMK: true, wantComputes: []string{"mlw-kodata/ci-kodata-ds1", "mlw-kodata/ci-kodata-ds2", "mlw-kodata/cpu-cluster", "mlw-kodata/gpu-cluster", "mlw-kodata/scoring"}, wantExt: 1, wantParams: []string{"ds1ObjectId", "ds2ObjectId"}},
		{name: "ml off", edit: func(d *spec.Document) { d.Services.MachineLearning.Enabled = off() }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := mustCompile(t, tt.edit).Graph
			wss := model.All[*model.MLWorkspace](g)
			if got := len(wss) == 1; got != tt.wantWS {
				t.Fatalf("workspaces = %d; want %v", len(wss), tt.wantWS)
			}
			if diff := cmp.Diff(tt.wantComputes, names[*model.MLCompute](g)); diff != "" {
				t.Errorf("computes (-want +got):\n%s", diff)
			}
			if got := len(model.All[*model.ClusterExtension](g)); got != tt.wantExt {
				t.Errorf("cluster extensions = %d; want %d", got, tt.wantExt)
			}
			var params []string
			for _, p := range g.Parameters() {
				if len(p.Name) > 8 && p.Name[len(p.Name)-8:] == "ObjectId" {
					params = append(params, p.Name)
				}
			}
			if diff := cmp.Diff(tt.wantParams, params); diff != "" {
				t.Errorf("owner parameters (-want +got):\n%s", diff)
			}
			if !tt.wantWS {
				if n := len(model.All[*model.ApplicationInsights](g)); n != 0 {
					t.Errorf("Application Insights components = %d; want 0 without ML", n)
				}
				return
			}
			checkWorkspace(t, g, wss[0], tt.wantCMK)
			for _, cp := range model.All[*model.MLCompute](g) {
				if cp.Kind != model.MLComputeKubernetes && (!cp.NoPublicIP || cp.Subnet.Leaf() != SubnetTraining || !cp.LocalAuthDisabled) {
					t.Errorf("compute %s = %+v; want no public IP in %s, local auth off", cp.Name, cp, SubnetTraining)
				}
				if cp.Kind == model.MLComputeCluster && (cp.MinNodes != 0 || cp.IdleBeforeScaleDown == "") {
					t.Errorf("cluster %s does not scale to zero: %+v", cp.Name, cp)
				}
			}
		})
	}
}

// checkWorkspace checks the workspace's settings and its identity's roles.
func checkWorkspace(t *testing.T, g *model.Graph, ws *model.MLWorkspace, wantCMK bool) {
	t.Helper()
	if ws.PublicNetworkAccess != model.PublicDisabled || !ws.HighBusinessImpact || ws.Isolation != model.MLIsolationDisabled || !ws.IdentityDatastores || ws.ImageBuildCompute == "" {
		t.Errorf("workspace = %+v; want private, HBI, customer VNet, identity datastores, image build compute", ws)
	}
	if ws.Storage.IsZero() || ws.KeyVault.IsZero() || ws.Registry.IsZero() || ws.AppInsights.IsZero() {
		t.Errorf("workspace dependencies = %v %v %v %v; want all set", ws.Storage, ws.KeyVault, ws.Registry, ws.AppInsights)
	}
	want := []string{
		"Contributor -> " + ws.AppInsights.Leaf(),
		"Contributor -> " + ws.Registry.Leaf(),
		"Contributor -> " + ws.KeyVault.Leaf(),
		"Contributor -> " + ws.Storage.Leaf(),
		"Key Vault Administrator -> " + ws.KeyVault.Leaf(),
		"Storage Blob Data Contributor -> " + ws.Storage.Leaf(),
		"Storage File Data Privileged Contributor -> " + ws.Storage.Leaf(),
	}
	slices.Sort(want)
	if diff := cmp.Diff(want, roles(g, ws.PrimaryIdentity.Leaf())); diff != "" {
		t.Errorf("workspace identity roles (-want +got):\n%s", diff)
	}
	if got := ws.CMK != nil; got != wantCMK {
		t.Errorf("workspace CMK = %v; want %v", got, wantCMK)
	}
	keys := 0
	if wantCMK {
		keys = 2 // the workspace's and its storage account's
	}
	got := 0
	for _, k := range model.All[*model.KeyVaultKey](g) {
		if k.Group == ws.Group { // the data platform keeps its keys elsewhere
			got++
		}
	}
	if got != keys {
		t.Errorf("Key Vault keys = %d; want %d", got, keys)
	}
	var groups []string
	for _, pe := range model.All[*model.PrivateEndpoint](g) {
		if pe.Target == model.RefOf(ws) || pe.Target == ws.Storage || pe.Target == ws.KeyVault {
			groups = append(groups, pe.GroupID)
		}
	}
	slices.Sort(groups)
	if diff := cmp.Diff([]string{"amlworkspace", "blob", "file", "queue", "table", "vault"}, groups); diff != "" {
		t.Errorf("workspace private endpoints (-want +got):\n%s", diff)
	}
}

func TestBuildApps(t *testing.T) {
	tests := []struct {
		name        string
		edit        func(d *spec.Document)
		wantApps    int
		wantZR      bool
		wantWorkers int
	}{
		{name: "example", wantApps: 1, wantZR: true, wantWorkers: 2},
		{name: "basic sku", edit: func(d *spec.Document) { d.Services.AppService.SKU = "B1" }, wantApps: 1, wantWorkers: 1},
		{name: "region without zones", edit: func(d *spec.Document) {
			d.Location = "australiasoutheast"
			d.Governance.AllowedLocations = []string{"australiasoutheast"}
		}, wantApps: 1, wantWorkers: 1},
		{name: "app service off", edit: func(d *spec.Document) { d.Services.AppService.Enabled = off() }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := mustCompile(t, tt.edit).Graph
			sites := model.All[*model.WebApp](g)
			if len(sites) != tt.wantApps {
				t.Fatalf("web apps = %d; want %d", len(sites), tt.wantApps)
			}
			if tt.wantApps == 0 {
				if n := len(model.All[*model.AppServicePlan](g)); n != 0 {
					t.Errorf("plans = %d; want 0", n)
				}
				return
			}
			plan := model.All[*model.AppServicePlan](g)[0]
			if plan.ZoneRedundant != tt.wantZR || plan.Workers != tt.wantWorkers || !plan.Linux {
				t.Errorf("plan = %+v; want Linux, zone redundant %v, %d workers", plan, tt.wantZR, tt.wantWorkers)
			}
			site := *sites[0]
			if site.Subnet.Leaf() != SubnetAppService || site.Registry.IsZero() {
				t.Errorf("web app subnet %v, registry %v; want %s and the registry", site.Subnet, site.Registry, SubnetAppService)
			}
			site.Meta, site.Plan, site.Subnet, site.Registry = model.Meta{}, model.Ref{}, model.Ref{}, model.Ref{}
			want := model.WebApp{
				Identity: model.Identity{SystemAssigned: true}, HTTPSOnly: true, MinTLS: "1.2", FTPSState: model.FTPSDisabled,
				PublicNetworkAccess: model.PublicDisabled, RouteAll: true, ImagePullOverVNet: true, Image: appImage,
				RegistryIdentity: true, AlwaysOn: true, HTTP2: true,
				// End-to-end TLS needs a Premium plan.
				EndToEndEncryption: tt.name != "basic sku",
			}
			if diff := cmp.Diff(want, site); diff != "" {
				t.Errorf("web app mismatch (-want +got):\n%s", diff)
			}
			var policies []string
			for _, p := range model.All[*model.PublishingCredentialsPolicy](g) {
				if !p.Allow {
					policies = append(policies, p.Name[len(sites[0].Name)+1:])
				}
			}
			if diff := cmp.Diff([]string{"ftp", "scm"}, policies); diff != "" {
				t.Errorf("disabled publishing credentials (-want +got):\n%s", diff)
			}
			if got := roles(g, sites[0].Name); !slices.Contains(got, "AcrPull -> "+sites[0].Registry.Leaf()) {
				t.Errorf("web app roles = %v; want AcrPull on the registry", got)
			}
		})
	}
}

func TestInstanceName(t *testing.T) {
	tests := []struct{ env, member, want string }{
		{"kodata", "ds1", "ci-kodata-ds1"},
		{"longenvnam", "membername12", "cilongenvnammembername12"},
	}
	for _, tt := range tests {
		if got := instanceName(tt.env, tt.member); got != tt.want {
			t.Errorf("instanceName(%q, %q) = %q; want %q", tt.env, tt.member, got, tt.want)
		}
	}
}
