package compile

import (
	"fmt"
	"slices"
	"strings"

	"github.com/enclave-dev/enclave/internal/diag"
	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/spec"
)

// EgressPreset is a named set of internet hosts network.egress.allow lets
// through the firewall.
type EgressPreset struct {
	Name      string
	FQDNs     []string
	Protocols []model.ApplicationProtocol
	// Source says where the host names come from.
	Source string
}

// EgressPresets is every preset network.egress.allow accepts, by name.
var EgressPresets = []EgressPreset{
	{"python", []string{"pypi.org", "files.pythonhosted.org"}, https, "pip's default index and its file host; Learn lists pypi.org among Azure ML's recommended outbound hosts"},
	{"conda", []string{"repo.anaconda.com", "conda.anaconda.org", "*.anaconda.org"}, https, "conda's default and conda-forge channels; Learn lists *.anaconda.com and *.anaconda.org for Azure ML"},
	{"r", []string{"cran.r-project.org", "cloud.r-project.org"}, https, "CRAN; Learn names cloud.r-project.org for R packages on Azure ML compute"},
	{"ubuntu", []string{"archive.ubuntu.com", "security.ubuntu.com", "azure.archive.ubuntu.com"}, httpAndHTTPS, "Ubuntu package archives; apt uses plain HTTP (packages are signed)"},
	{"github", []string{"github.com", "codeload.github.com", "*.githubusercontent.com"}, https, "GitHub repositories, archives and raw content"},
	{"huggingface", []string{"huggingface.co", "*.huggingface.co", "*.hf.co"}, https, "Hugging Face Hub and its content delivery hosts"},
}

var (
	https        = []model.ApplicationProtocol{model.HTTPS443}
	httpAndHTTPS = []model.ApplicationProtocol{model.HTTP80, model.HTTPS443}
)

// EgressPresetNames returns the preset names in table order.
func EgressPresetNames() []string {
	var out []string
	for _, p := range EgressPresets {
		out = append(out, p.Name)
	}
	return out
}

func presetNamed(name string) (EgressPreset, bool) {
	for _, p := range EgressPresets {
		if p.Name == name {
			return p, true
		}
	}
	return EgressPreset{}, false
}

// readerSubnets maps a team group to the subnets its members work from.
var readerSubnets = map[string][]string{
	"dataScientists": {SubnetWorkstations, SubnetTraining},
	"dataEngineers":  {SubnetWorkstations, SubnetIntegration},
	"admins":         {SubnetWorkstations},
}

// ReaderSubnets returns the subnets the members of a team group (a
// team.groups key, "dataScientists") work from, or nil for an unknown group.
func ReaderSubnets(group string) []string { return slices.Clone(readerSubnets[group]) }

// DataSourceSubnets returns the subnets that may reach a data source read by
// the given groups: their members' subnets plus the data integration subnet,
// in the spoke's order, without duplicates.
func DataSourceSubnets(readers []string) []string {
	want := map[string]bool{SubnetIntegration: true}
	for _, g := range readers {
		for _, s := range readerSubnets[g] {
			want[s] = true
		}
	}
	var out []string
	for _, s := range clientSubnets {
		if want[s] {
			out = append(out, s)
		}
	}
	return out
}

// dataSourceSubnets is DataSourceSubnets limited to subnets in the plan.
func (c *ctx) dataSourceSubnets(readers []string) []string {
	var out []string
	for _, s := range DataSourceSubnets(readers) {
		if c.hasSubnet(s) {
			out = append(out, s)
		}
	}
	return out
}

// Priorities of the rule collection groups.
const (
	rcgPlatform = 200
	rcgPackages = 300
	rcgOnPrem   = 400
)

// buildEgress makes the Azure Firewall in the hub, its public IP and its
// policy: threat intelligence in deny mode, DNS proxy on, and rule
// collection groups for the platform's documented dependencies, the
// package repositories the spec allows and the on-premises data sources.
// Anything no rule allows is denied.
func buildEgress(c *ctx) {
	tier := c.firewallTier()
	pol := &model.FirewallPolicy{
		Meta:        model.Meta{Name: c.names.Name("afwp"), Group: c.rg(RGNetwork)},
		Tier:        tier,
		ThreatIntel: model.ThreatIntelDeny,
		DNSProxy:    true,
	}
	if tier == model.FirewallPremium {
		pol.IntrusionDetection = model.ThreatIntelDeny
	}
	policy := c.add(pol)

	groups := []struct {
		name, purpose string
		priority      int
		collections   []model.FirewallRuleCollection
	}{
		{"platform", "documented outbound dependencies of the platform services", rcgPlatform, c.platformCollections()},
		{"packages", "package repositories and hosts allowed by network.egress", rcgPackages, c.packageCollections()},
		{"onprem", "on-premises data sources and on-premises clients of the private endpoints", rcgOnPrem, c.onPremCollections()},
	}
	// Azure updates a policy one group at a time: each group waits for the
	// one before, and the firewall for the last.
	var last model.Ref
	for _, g := range groups {
		if len(g.collections) == 0 {
			continue
		}
		rcg := &model.FirewallPolicyRuleCollectionGroup{
			Meta:        model.Meta{Name: policy.Name + "/rcg-" + g.name, Group: policy.Group},
			Priority:    g.priority,
			Collections: g.collections,
			Purpose:     g.purpose,
		}
		if !last.IsZero() {
			rcg.DependsOn = []model.Ref{last}
		}
		last = c.add(rcg)
	}

	fw := &model.AzureFirewall{
		Meta:      model.Meta{Name: c.names.Name("afw"), Group: c.rg(RGNetwork)},
		Tier:      tier,
		Policy:    policy,
		Subnet:    c.subnet(SubnetFirewall),
		PublicIPs: []model.Ref{c.publicIP("firewall", "Azure Firewall egress")},
		Zones:     zones,
		PrivateIP: c.firewallAddr(),
	}
	if !last.IsZero() {
		fw.DependsOn = []model.Ref{last}
	}
	c.firewall = c.add(fw)
	c.diagnostics(c.firewall, allLogs, true)
}

// firewallTier returns the spec's tier, Standard by default.
func (c *ctx) firewallTier() model.FirewallTier {
	switch t := c.doc.Network.FirewallTier; t {
	case "", string(model.FirewallStandard):
		return model.FirewallStandard
	case string(model.FirewallPremium):
		return model.FirewallPremium
	default:
		c.diags.Errorf(c.doc.Pos("network.firewallTier"), "use Standard or Premium", "unknown firewall tier %q", t)
		return model.FirewallStandard
	}
}

// egressSources are the subnets whose users and jobs install packages.
func (c *ctx) egressSources() []model.AddressSpec {
	return c.specs(SubnetWorkstations, SubnetTraining, SubnetScoring, SubnetIntegration)
}

// vmSubnets hold VMs or VM-based nodes that need OS updates and management.
func (c *ctx) vmSubnets() []model.AddressSpec {
	return c.specs(SubnetWorkstations, SubnetTraining, SubnetScoring, SubnetIntegration)
}

// platformCollections are the outbound dependencies Microsoft documents for
// the services in use.
func (c *ctx) platformCollections() []model.FirewallRuleCollection {
	var out []model.FirewallRuleCollection
	s := c.doc.Services
	if s.MachineLearning.On() {
		out = append(out, c.mlCollections()...)
	}
	if s.Kubernetes.On() {
		out = append(out, c.aksCollections()...)
	}
	out = append(out, c.vmCollections()...)
	if s.Databricks.On() {
		out = append(out, c.databricksCollection())
	}
	if s.DataFactory.On() {
		out = append(out, c.integrationRuntimeCollection())
	}
	for i := range out {
		out[i].Priority = 100 + 10*i
		out[i].Action = model.Allow
	}
	return out
}

// netRule builds a network rule to service tags on TCP or UDP ports.
func netRule(name, why string, proto model.Protocol, from []model.AddressSpec, to []model.ServiceTag, p ...uint16) model.NetworkRule {
	return model.NetworkRule{Name: name, Description: why, Protocols: []model.Protocol{proto}, Sources: from, Destinations: tags(to...), DestinationPorts: ports(p...)}
}

// mlCollections are Azure ML's required outbound service tags and hosts
// (Learn: "Configure inbound and outbound network traffic" for Azure ML).
func (c *ctx) mlCollections() []model.FirewallRuleCollection {
	from := c.specs(SubnetWorkstations, SubnetTraining, SubnetScoring)
	loc := c.doc.Location
	tcp, udp := model.ProtocolTCP, model.ProtocolUDP
	return []model.FirewallRuleCollection{
		{Name: "azure-ml-service-tags", NetworkRules: []model.NetworkRule{
			netRule("entra-id", "authentication with Microsoft Entra ID", tcp, from, []model.ServiceTag{model.TagAzureActiveDirectory}, 80, 443),
			netRule("azureml", "Azure ML services, RStudio and the notebook language server", tcp, from, []model.ServiceTag{model.TagAzureMachineLearning}, 443, 8787, 18881),
			netRule("azureml-udp", "Azure ML compute instance service", udp, from, []model.ServiceTag{model.TagAzureMachineLearning}, 5831),
			netRule("batch", "Azure Batch node management for compute clusters and instances", tcp, from, []model.ServiceTag{model.TagBatchNodeManagement.In(loc)}, 443),
			netRule("resource-manager", "creating Azure resources from Azure ML", tcp, from, []model.ServiceTag{model.TagAzureResourceManager}, 443),
			netRule("storage", "Microsoft storage used by compute, and Azure Files (SMB)", tcp, from, []model.ServiceTag{model.TagStorage.In(loc)}, 443, 445),
			netRule("front-door", "Azure ML studio and Microsoft-provided images", tcp, from, []model.ServiceTag{model.TagAzureFrontDoorFront, model.TagAzureFrontDoorFirst}, 443),
			netRule("container-registry", "Docker images Microsoft provides", tcp, from, []model.ServiceTag{model.TagMicrosoftContainerRg}, 443),
			netRule("monitor", "metrics and logs to Azure Monitor", tcp, from, []model.ServiceTag{model.TagAzureMonitor}, 443),
			netRule("key-vault", "the Azure Batch back end's key vault", tcp, from, []model.ServiceTag{model.TagAzureKeyVault.In(loc)}, 443),
		}},
		{Name: "azure-ml-fqdns", ApplicationRules: []model.ApplicationRule{{
			Name: "azureml-hosts", Description: "Azure ML studio, API, notebooks and Microsoft Container Registry hosts", Sources: from, Protocols: https,
			TargetFQDNs: []string{"ml.azure.com", "*.azureml.ms", "*.azureml.net", "*.modelmanagement.azureml.net", "*.notebooks.azure.net", "*.aznbcontent.net",
				"graph.microsoft.com", "login.microsoftonline.com", "management.azure.com", "mcr.microsoft.com", "*.data.mcr.microsoft.com"},
		}}},
	}
}

// aksCollections are AKS's required egress (Learn: "Outbound network and
// FQDN rules for AKS clusters"): the AzureKubernetesService FQDN tag, NTP,
// and the monitoring and Azure Policy add-ons. A private cluster needs no
// tunnel ports to the API server.
func (c *ctx) aksCollections() []model.FirewallRuleCollection {
	from := c.specs(SubnetScoring)
	loc := c.doc.Location
	return []model.FirewallRuleCollection{
		{Name: "aks-fqdns", ApplicationRules: []model.ApplicationRule{
			{Name: "aks-core", Description: "AKS required hosts", Sources: from, Protocols: httpAndHTTPS, FQDNTags: []string{"AzureKubernetesService"}},
			{Name: "aks-addons", Description: "Azure Monitor and Azure Policy add-ons", Sources: from, Protocols: https, TargetFQDNs: []string{
				"dc.services.visualstudio.com", "*.ods.opinsights.azure.com", "*.oms.opinsights.azure.com", "*.monitoring.azure.com",
				loc + ".handler.control.monitor.azure.com", loc + ".ingest.monitor.azure.com", "data.policy.core.windows.net", "store.policy.core.windows.net"}},
		}},
		{Name: "aks-network", NetworkRules: []model.NetworkRule{
			{Name: "ntp", Description: "time synchronisation for Linux nodes", Protocols: []model.Protocol{model.ProtocolUDP}, Sources: from, DestinationFQDNs: []string{"ntp.ubuntu.com"}, DestinationPorts: ports(123)},
			netRule("monitor", "Azure Monitor for containers", model.ProtocolTCP, from, []model.ServiceTag{model.TagAzureMonitor}, 443),
		}},
	}
}

// vmCollections let VMs and nodes reach OS updates, Entra ID sign-in,
// the Azure Monitor agent's endpoints and, for enclave's trusted-launch
// VMs, Microsoft Azure Attestation.
func (c *ctx) vmCollections() []model.FirewallRuleCollection {
	from := c.vmSubnets()
	if len(from) == 0 {
		return nil
	}
	loc := c.doc.Location
	out := []model.FirewallRuleCollection{{Name: "vm-management", ApplicationRules: []model.ApplicationRule{
		{Name: "ubuntu-updates", Description: "Ubuntu security updates (apt uses HTTP; packages are signed)", Sources: from, Protocols: httpAndHTTPS,
			TargetFQDNs: []string{"security.ubuntu.com", "azure.archive.ubuntu.com", "changelogs.ubuntu.com", "snapshot.ubuntu.com"}},
		{Name: "windows-update", Description: "Windows Update for Windows VMs", Sources: from, Protocols: httpAndHTTPS, FQDNTags: []string{"WindowsUpdate"}},
		// Learn: "Sign in to a Linux virtual machine in Azure by using
		// Microsoft Entra ID and OpenSSH" (packages.microsoft.com, where
		// AADSSHLoginForLinux installs aadsshlogin from; login and pas for
		// sign-in and Azure RBAC) and "Sign in to a Windows virtual machine
		// in Azure by using Microsoft Entra ID" (adds
		// enterpriseregistration.windows.net for device registration).
		{Name: "entra-login", Description: "Entra ID sign-in to VMs, Windows device registration and the Microsoft package repository", Sources: from, Protocols: https,
			TargetFQDNs: []string{"login.microsoftonline.com", "pas.windows.net", "packages.microsoft.com", "enterpriseregistration.windows.net"}},
		// Learn: "Azure Monitor agent network configuration", firewall
		// endpoints: the global and regional handlers and the workspace's
		// ods endpoint (its ID is known only after deployment, hence the
		// wildcard). The data collection rules send to Log Analytics
		// without a data collection endpoint, so *.ingest.monitor.azure.com
		// is not needed.
		{Name: "monitor-agent", Description: "Azure Monitor agent configuration and ingestion", Sources: from, Protocols: https,
			TargetFQDNs: []string{"global.handler.control.monitor.azure.com", loc + ".handler.control.monitor.azure.com", "*.ods.opinsights.azure.com", loc + ".monitoring.azure.com"}},
	}}}
	// Learn: "Boot integrity monitoring (guest attestation) overview": the
	// GuestAttestation extension of trusted-launch VMs must reach Microsoft
	// Azure Attestation, allowed by the AzureAttestation service tag.
	if vms := c.specs(SubnetWorkstations, SubnetIntegration); len(vms) > 0 {
		out = append(out, model.FirewallRuleCollection{Name: "vm-attestation", NetworkRules: []model.NetworkRule{
			netRule("guest-attestation", "GuestAttestation extension of trusted-launch VMs to Microsoft Azure Attestation", model.ProtocolTCP, vms, []model.ServiceTag{model.TagAzureAttestation}, 443),
		}})
	}
	return out
}

// databricksCollection lets the Databricks subnets reach what a Private Link
// workspace still needs over public endpoints: the metastore, artifact and
// log storage and Event Hubs.
func (c *ctx) databricksCollection() model.FirewallRuleCollection {
	from := c.specs(SubnetDBXHost, SubnetDBXContainer)
	loc := c.doc.Location
	tcp := model.ProtocolTCP
	return model.FirewallRuleCollection{Name: "databricks", NetworkRules: []model.NetworkRule{
		netRule("metastore", "Databricks metastore", tcp, from, []model.ServiceTag{model.TagSQL.In(loc)}, 3306),
		netRule("storage", "Databricks artifact and log storage", tcp, from, []model.ServiceTag{model.TagStorage.In(loc)}, 443),
		netRule("eventhub", "Databricks log delivery", tcp, from, []model.ServiceTag{model.TagEventHub.In(loc)}, 9093),
	}}
}

// integrationRuntimeCollection lets the self-hosted integration runtime
// install and update itself (Learn: "Create and configure a self-hosted
// integration runtime", ports and firewalls): download.microsoft.com for
// the installer and auto-update, and go.microsoft.com, where the
// installer link of irInstallScript redirects from. The runtime reaches
// its factory ({factory}.{region}.datafactory.azure.net) through the
// factory's private endpoint (Learn: "Azure Private Link for Azure Data
// Factory"), so *.frontend.clouddatahub.net, which Learn lists for older
// factories, is not allowed; and it is created with self-contained
// interactive authoring, so it needs no Azure Relay
// (*.servicebus.windows.net), a wildcard any Service Bus namespace could
// use to carry data out.
func (c *ctx) integrationRuntimeCollection() model.FirewallRuleCollection {
	return model.FirewallRuleCollection{Name: "integration-runtime", ApplicationRules: []model.ApplicationRule{{
		Name: "shir", Description: "self-hosted integration runtime: installer and auto-update downloads",
		Sources: c.specs(SubnetIntegration), Protocols: https, TargetFQDNs: []string{"go.microsoft.com", "download.microsoft.com"},
	}}}
}

// packageCollections allow the presets and extra hosts of network.egress
// from the subnets where people and jobs install packages.
func (c *ctx) packageCollections() []model.FirewallRuleCollection {
	from := c.egressSources()
	var rules []model.ApplicationRule
	for i, name := range c.doc.Network.Egress.Allow {
		p, ok := presetNamed(name)
		if !ok {
			c.diags.Errorf(c.posOf(fmt.Sprintf("network.egress.allow[%d]", i), "network.egress.allow"),
				"known presets are "+strings.Join(EgressPresetNames(), ", ")+"; list other hosts under network.egress.fqdns",
				"unknown egress preset %q", name)
			continue
		}
		rules = append(rules, model.ApplicationRule{Name: "preset-" + p.Name, Description: p.Source, Sources: from, Protocols: p.Protocols, TargetFQDNs: p.FQDNs})
	}
	if fq := c.doc.Network.Egress.FQDNs; len(fq) > 0 {
		rules = append(rules, model.ApplicationRule{Name: "spec-fqdns", Description: "hosts listed under network.egress.fqdns", Sources: from, Protocols: https, TargetFQDNs: slices.Clone(fq)})
	}
	if len(rules) == 0 || len(from) == 0 {
		return nil
	}
	return []model.FirewallRuleCollection{{Name: "package-repositories", Priority: 100, Action: model.Allow, ApplicationRules: rules}}
}

// posOf returns the position of the first path the spec recorded.
func (c *ctx) posOf(paths ...string) diag.Pos {
	for _, p := range paths {
		if pos, ok := c.doc.Positions[p]; ok {
			return pos
		}
	}
	return c.doc.Pos(paths[len(paths)-1])
}

// onPremCollections allow each data source from its readers' subnets and
// the integration subnet, and on-premises clients to the private endpoints.
func (c *ctx) onPremCollections() []model.FirewallRuleCollection {
	var out []model.FirewallRuleCollection
	var rules []model.NetworkRule
	for i, ds := range c.doc.DataSources {
		c.checkReaders(i, ds)
		from := c.specs(c.dataSourceSubnets(ds.Readers)...)
		rules = append(rules, model.NetworkRule{
			Name:        "datasource-" + ds.Name,
			Description: fmt.Sprintf("%s data source %s, for %s and data integration", ds.Type, ds.Name, strings.Join(ds.Readers, ", ")),
			Protocols:   []model.Protocol{model.ProtocolTCP}, Sources: from,
			Destinations: []model.AddressSpec{model.HostSpec(ds.Host)}, DestinationPorts: ports(ds.Port),
		})
	}
	if len(rules) > 0 {
		out = append(out, model.FirewallRuleCollection{Name: "onprem-data-sources", Priority: 100, Action: model.Allow, NetworkRules: rules})
	}
	if prefixes := c.onPremPrefixes(); len(prefixes) > 0 {
		var from []model.AddressSpec
		for _, p := range prefixes {
			from = append(from, model.PrefixSpec(p))
		}
		out = append(out, model.FirewallRuleCollection{Name: "onprem-to-private-endpoints", Priority: 110, Action: model.Allow, NetworkRules: []model.NetworkRule{{
			Name: "https", Description: "on-premises clients to the private endpoints over HTTPS", Protocols: []model.Protocol{model.ProtocolTCP},
			Sources: from, Destinations: c.specs(SubnetEndpoints), DestinationPorts: ports(443),
		}}})
	}
	return out
}

// checkReaders reports readers that are not team groups.
func (c *ctx) checkReaders(i int, ds spec.DataSource) {
	for j, r := range ds.Readers {
		if _, ok := readerSubnets[r]; !ok {
			c.diags.Errorf(c.posOf(fmt.Sprintf("dataSources[%d].readers[%d]", i, j), fmt.Sprintf("dataSources[%d]", i)),
				"readers are team.groups keys: dataScientists, dataEngineers, admins", "unknown reader %q of data source %s", r, ds.Name)
		}
	}
}
