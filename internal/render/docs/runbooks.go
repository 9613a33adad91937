package docs

import (
	"fmt"
	"net/netip"
	"sort"
	"strings"

	"github.com/enclave-dev/enclave/internal/model"
)

// Runbooks renders one runbook per role.
func Runbooks(in Input) []File {
	g := newView(in.Graph)
	return []File{
		{"runbook-cloud-engineer.md", cloudEngineer(g)},
		{"runbook-data-engineer.md", dataEngineer(g)},
		{"runbook-data-scientist.md", dataScientist(g)},
		{"runbook-network-engineer.md", networkEngineer(g)},
	}
}

func first[T model.Resource](g *view) (T, bool) {
	all := all[T](g)
	if len(all) == 0 {
		var zero T
		return zero, false
	}
	return all[0], true
}

func cloudEngineer(g *view) []byte {
	m := &md{}
	m.h(1, "Runbook: cloud engineer (%s)", g.Name)
	m.p("You deploy and run the environment. Every name below is the one the deployment creates.")

	m.h(2, "Deploy")
	m.p("`enclave plan` writes a subscription-scope ARM deployment to `out/arm`. Deploy it with an account that may create resource groups, role assignments and policy assignments in the subscription:")
	m.code("sh", fmt.Sprintf("az deployment sub create --location %s \\\n  --template-file out/arm/azuredeploy.json \\\n  --parameters @out/arm/azuredeploy.parameters.json", g.Location))
	var secure, plain [][]string
	for _, p := range g.Parameters() {
		if p.Secure {
			secure = append(secure, []string{tick(p.Name), p.Description})
		} else {
			plain = append(plain, []string{tick(p.Name), p.Description, p.Default})
		}
	}
	m.p("`az` asks for each secure parameter; their values are never written by enclave:")
	m.table([]string{"secure parameter", "what it is"}, secure)
	m.p("Ordinary parameters (defaults in the parameters file):")
	m.table([]string{"parameter", "what it is", "default"}, plain)

	m.h(2, "Operate")
	if la, ok := first[*model.LogAnalyticsWorkspace](g); ok {
		m.p("Logs and metrics of every resource that supports diagnostic settings go to Log Analytics workspace %s in %s (retention %d days).", tick(la.Name), tick(la.Group), la.RetentionDays)
	}
	var rows [][]string
	for _, a := range all[*model.MetricAlert](g) {
		rows = append(rows, []string{tick(a.Name), a.Description, fmt.Sprintf("%s %s %s %v", a.Aggregation, a.Metric, a.Operator, a.Threshold), a.Target.Name, fmt.Sprint(a.Severity)})
	}
	for _, a := range all[*model.ActivityLogAlert](g) {
		rows = append(rows, []string{tick(a.Name), a.Description, "activity log", "", ""})
	}
	m.p("Alerts:")
	m.table([]string{"alert", "what", "condition", "resource", "severity"}, rows)
	for _, ag := range all[*model.ActionGroup](g) {
		var to []string
		for _, e := range ag.Emails {
			to = append(to, e.Address)
		}
		m.p("Action group %s notifies %s.", tick(ag.Name), orNone(to))
	}
	for _, b := range all[*model.Budget](g) {
		var th []string
		for _, n := range b.Notifications {
			th = append(th, fmt.Sprintf("%d%% (%s)", n.Threshold, n.Type))
		}
		m.p("Budget %s: %d a month, alerts at %s.", tick(b.Name), b.Amount, strings.Join(th, ", "))
	}

	m.h(2, "Rotate keys and secrets")
	rows = nil
	for _, k := range all[*model.KeyVaultKey](g) {
		rows = append(rows, []string{tick(k.Name), string(k.KeyType), k.Expiry, k.RotateBefore})
	}
	m.p("Customer-managed keys rotate themselves: Key Vault makes a new version before each expires, and the services pick it up.")
	m.table([]string{"key (vault/key)", "type", "version lifetime", "new version before expiry"}, rows)
	rows = nil
	for _, s := range all[*model.KeyVaultSecret](g) {
		rows = append(rows, []string{tick(s.Name), s.Value.Parameter, s.ContentType})
	}
	m.p("Secrets held in Key Vault (set a new version with `az keyvault secret set --vault-name VAULT --name NAME --file FILE`; readers take the latest version on their next connection):")
	m.table([]string{"secret (vault/secret)", "set at deployment from parameter", "content type"}, rows)
	for _, c := range all[*model.Connection](g) {
		if c.SharedKey.IsZero() {
			continue
		}
		where := "secure parameter " + tick(c.SharedKey.Parameter)
		if c.SharedKey.Name != "" {
			where = "Key Vault secret " + tick(c.SharedKey.Name)
		}
		m.p("The VPN pre-shared key of %s comes from %s. Rotate it together with the network engineer: set the new key on the on-premises device and run", tick(c.Name), where)
		m.code("sh", fmt.Sprintf("az network vpn-connection shared-key update --resource-group %s --connection-name %s --value \"$NEW_KEY\"", c.Group, c.Name))
	}

	m.h(2, "Scale")
	rows = nil
	for _, c := range all[*model.ManagedCluster](g) {
		for _, p := range c.NodePools {
			rows = append(rows, []string{tick(c.Name) + " pool " + p.Name, p.VMSize, fmt.Sprintf("%d-%d nodes (autoscaler)", p.MinCount, p.MaxCount)})
		}
	}
	for _, mc := range all[*model.MLCompute](g) {
		if mc.Kind == model.MLComputeCluster {
			rows = append(rows, []string{tick(mc.Name), mc.VMSize, fmt.Sprintf("%d-%d nodes, idle %s before scaling down", mc.MinNodes, mc.MaxNodes, mc.IdleBeforeScaleDown)})
		}
	}
	for _, p := range all[*model.AppServicePlan](g) {
		rows = append(rows, []string{tick(p.Name), p.SKU, fmt.Sprintf("%d instances", p.Workers)})
	}
	for _, e := range all[*model.EventHubNamespace](g) {
		rows = append(rows, []string{tick(e.Name), string(e.SKU), fmt.Sprintf("%d throughput units, auto-inflate to %d", e.ThroughputUnits, e.MaxThroughputUnits)})
	}
	m.table([]string{"resource", "size", "scale"}, rows)
	m.p("Change sizes and limits in the spec and redeploy; changes made in the portal are drift and the next deployment undoes them.")

	m.h(2, "Add or remove a member")
	rows = nil
	for _, vm := range all[*model.VirtualMachine](g) {
		if vm.Member == "" {
			continue
		}
		var grants []string
		for _, ra := range all[*model.RoleAssignment](g) {
			if ra.Scope.Address == model.AddressOf(vm) {
				grants = append(grants, ra.RoleName+" to "+principal(ra.Principal))
			}
		}
		rows = append(rows, []string{vm.Member, tick(vm.Name), vm.Size, strings.Join(grants, "\n")})
	}
	m.p("Each member has a workstation; sign-in is granted to their team's group on that VM only:")
	m.table([]string{"member", "workstation", "size", "sign-in granted"}, rows)
	m.p("To add a member, add them to `team.members` in the spec and to their Entra ID group, then run `enclave plan` and deploy: the new workstation, its schedule and its sign-in grant appear. To remove one, delete the entry and redeploy in complete mode for the ML resource group, or delete the VM, its NIC and disk by hand; remove them from the Entra ID group first so access ends at once.")
	return m.Bytes()
}

func networkEngineer(g *view) []byte {
	m := &md{}
	m.h(1, "Runbook: network engineer (%s)", g.Name)
	m.p("The on-premises checklist: what to configure on the VPN device, which prefixes to route, which DNS zones to forward and which ports to open.")

	m.h(2, "VPN device parameters")
	for _, c := range all[*model.Connection](g) {
		gw, _ := model.Lookup[*model.VirtualNetworkGateway](g.Graph, c.Gateway)
		lng, _ := model.Lookup[*model.LocalNetworkGateway](g.Graph, c.LocalGateway)
		var rows [][]string
		if gw != nil {
			var pips []string
			for _, p := range gw.PublicIPs {
				pips = append(pips, p.Name)
			}
			rows = append(rows,
				[]string{"Azure gateway", fmt.Sprintf("%s (%s, %s, route-based %v)", gw.Name, gw.GatewayType, gw.SKU, gw.RouteBased)},
				[]string{"Azure gateway public IPs", fmt.Sprintf("%s (allocated at deployment: `az network public-ip show -g %s -n NAME --query ipAddress`)", strings.Join(pips, ", "), gw.Group)},
				[]string{"active-active", fmt.Sprintf("%v (configure one tunnel per Azure address)", gw.ActiveActive)},
			)
			if gw.EnableBGP {
				rows = append(rows, []string{"Azure BGP ASN", fmt.Sprint(gw.ASN)})
			}
		}
		if lng != nil {
			rows = append(rows, []string{"your device's public IP", lng.GatewayAddress.String()})
			if lng.BGPASN != 0 {
				rows = append(rows, []string{"your BGP ASN / peer", fmt.Sprintf("%d / %s", lng.BGPASN, lng.BGPPeerAddress)})
			}
		}
		ike := "IKEv1"
		if c.IKEv2 {
			ike = "IKEv2"
		}
		rows = append(rows, []string{"connection", fmt.Sprintf("%s, %s", c.Name, ike)})
		if p := c.IPsecPolicy; p != nil {
			rows = append(rows,
				[]string{"IKE (phase 1)", fmt.Sprintf("%s / %s, %s", p.IKEEncryption, p.IKEIntegrity, p.DHGroup)},
				[]string{"IPsec (phase 2)", fmt.Sprintf("%s / %s, PFS %s", p.IPsecEncryption, p.IPsecIntegrity, p.PFSGroup)},
				[]string{"SA lifetime", fmt.Sprintf("%d s, %d KB", p.SALifetimeSeconds, p.SADataSizeKilobytes)},
			)
		}
		key := c.SharedKey.Parameter
		if c.SharedKey.Name != "" {
			key = "Key Vault secret " + c.SharedKey.Name
		} else if key != "" {
			key = "secure deployment parameter " + key
		}
		if key != "" {
			rows = append(rows, []string{"pre-shared key", "agreed with the cloud engineer; given at deployment as " + key + " (never written in any file)"})
		}
		m.table([]string{"setting", "value"}, rows)
	}

	m.h(2, "Prefixes to route")
	var azure []string
	for _, v := range all[*model.VirtualNetwork](g) {
		azure = append(azure, fmt.Sprintf("%s (%s)", joinPrefixes(v.AddressSpace), v.Name))
	}
	m.p("Route these Azure prefixes into the tunnel: %s.", strings.Join(azure, ", "))
	for _, l := range all[*model.LocalNetworkGateway](g) {
		m.p("Azure routes these on-premises prefixes to you (local network gateway %s): %s. Traffic from the spoke to them passes the Azure firewall first.", tick(l.Name), joinPrefixes(l.AddressSpaces))
	}

	m.h(2, "DNS conditional forwarders")
	in, hasIn := first[*model.DNSResolverInboundEndpoint](g)
	if hasIn {
		m.p("On the on-premises DNS servers, forward each zone below to the DNS private resolver's inbound endpoint **%s**. Each answers with the private endpoint addresses, so on-premises clients reach the services over the VPN.", in.PrivateIP)
		var rows [][]string
		for _, z := range all[*model.PrivateDNSZone](g) {
			rows = append(rows, []string{tick(z.Name), in.PrivateIP.String(), tick(strings.TrimPrefix(z.Name, "privatelink."))})
		}
		m.table([]string{"zone", "forward to", "or forward the public zone"}, rows)
		m.code("powershell", forwarderScript(g, in.PrivateIP.String()))
		// https://learn.microsoft.com/azure/private-link/private-endpoint-dns-integration
		m.p("Clients ask for the service's public name, which Azure answers with a CNAME into the privatelink zone. A DNS server that sends internet names to upstream forwarders may not follow that CNAME back to its conditional forwarder; if on-premises lookups still return public addresses, forward the public zone in the last column to %s instead, as Microsoft's private endpoint DNS guidance describes: the resolver answers private names privately and everything else publicly.", in.PrivateIP)
	} else {
		m.p("The environment has no DNS private resolver, so on-premises clients cannot resolve the private endpoints.")
	}

	m.h(2, "Ports to open")
	var rows [][]string
	for _, c := range all[*model.Connection](g) {
		if c.ConnectionType == model.ConnectionIPsec {
			rows = append(rows, []string{"your VPN device", "Azure gateway public IPs", "UDP 500, UDP 4500, ESP", "IPsec tunnel " + c.Name})
		}
	}
	if hasIn {
		rows = append(rows, []string{"on-premises DNS servers", in.PrivateIP.String(), "UDP/TCP 53", "conditional forwarding"})
	}
	names := subnetNames(g)
	for _, rcg := range all[*model.FirewallPolicyRuleCollectionGroup](g) {
		for _, c := range rcg.Collections {
			for _, r := range c.NetworkRules {
				if !touchesOnPrem(g, r) {
					continue
				}
				var protos []string
				for _, p := range r.Protocols {
					protos = append(protos, string(p))
				}
				srcs := labelled(r.Sources, names)
				rows = append(rows, []string{srcs, labelled(r.Destinations, names), strings.Join(protos, ",") + " " + joinPorts(r.DestinationPorts), fmt.Sprintf("firewall rule %s/%s", c.Name, r.Name)})
			}
		}
	}
	m.table([]string{"from", "to", "ports", "why"}, rows)
	return m.Bytes()
}

// touchesOnPrem reports whether a network rule's sources or destinations
// lie in an on-premises prefix.
func touchesOnPrem(g *view, r model.NetworkRule) bool {
	for _, l := range all[*model.LocalNetworkGateway](g) {
		for _, p := range l.AddressSpaces {
			for _, s := range append(append([]model.AddressSpec(nil), r.Sources...), r.Destinations...) {
				if !s.IsTag() && p.Overlaps(s.Prefix) {
					return true
				}
			}
		}
	}
	return false
}

func labelled(specs []model.AddressSpec, names map[netip.Prefix]string) string {
	var parts []string
	for _, s := range specs {
		if n, ok := names[s.Prefix]; ok && !s.IsTag() {
			parts = append(parts, fmt.Sprintf("%s (%s)", s, n))
		} else {
			parts = append(parts, s.String())
		}
	}
	return strings.Join(parts, ", ")
}

func forwarderScript(g *view, ip string) string {
	var b strings.Builder
	b.WriteString("# Windows DNS Server\n")
	for _, z := range all[*model.PrivateDNSZone](g) {
		fmt.Fprintf(&b, "Add-DnsServerConditionalForwarderZone -Name %s -MasterServers %s -ReplicationScope Forest\n", z.Name, ip)
	}
	return b.String()
}

func dataScientist(g *view) []byte {
	m := &md{}
	m.h(1, "Runbook: data scientist (%s)", g.Name)

	m.h(2, "Connect to your workstation")
	var rows [][]string
	for _, vm := range all[*model.VirtualMachine](g) {
		if vm.Member != "" {
			rows = append(rows, []string{vm.Member, tick(vm.Name), vm.Size, string(vm.OS), vm.Group})
		}
	}
	m.table([]string{"member", "workstation", "size", "OS", "resource group"}, rows)
	for _, b := range all[*model.BastionHost](g) {
		m.p("Through Bastion %s (resource group %s) from the portal, or with the native client%s:", tick(b.Name), tick(b.Group), map[bool]string{true: " (tunnelling is on)", false: " (tunnelling is off: use the portal)"}[b.Tunneling])
		if vm, ok := firstMemberVM(g); ok {
			m.code("sh", fmt.Sprintf("az login\naz network bastion ssh --name %s --resource-group %s \\\n  --target-resource-id $(az vm show -g %s -n %s --query id -o tsv) \\\n  --auth-type AAD", b.Name, b.Group, vm.Group, vm.Name))
		}
	}
	if vm, ok := firstMemberVM(g); ok {
		if nic, ok := model.Lookup[*model.NetworkInterface](g.Graph, vm.NIC); ok {
			if v, ok := model.Lookup[*model.VirtualNetwork](g.Graph, model.Ref{Address: nic.Subnet.Address.Parent()}); ok {
				if s, ok := v.Subnet(nic.Subnet.Leaf()); ok {
					if nsg, ok := model.Lookup[*model.NetworkSecurityGroup](g.Graph, s.NSG); ok {
						var allowed []string
						for _, r := range nsg.Rules {
							if r.Direction == model.Inbound && r.Access == model.Allow {
								allowed = append(allowed, fmt.Sprintf("%s from %s on %s (%s)", r.Protocol, joinSpecs(r.Sources), joinPorts(r.DestinationPorts), r.Name))
							}
						}
						m.p("The workstation subnet %s (%s) accepts only: %s. Everything else inbound is denied: connect through Bastion.", tick(s.Name), s.Prefix, strings.Join(allowed, "; "))
					}
				}
			}
		}
	}
	m.p("You sign in with your Entra ID account; there are no local passwords.")

	m.h(2, "Install packages")
	var pkgRows [][]string
	ws, hasWS := workstationSubnet(g)
	for _, rcg := range all[*model.FirewallPolicyRuleCollectionGroup](g) {
		for _, c := range rcg.Collections {
			if c.Action != model.Allow {
				continue
			}
			for _, r := range c.ApplicationRules {
				if len(r.TargetFQDNs) == 0 || (hasWS && !covers(r.Sources, ws)) {
					continue
				}
				var protos []string
				for _, p := range r.Protocols {
					protos = append(protos, fmt.Sprintf("%s:%d", p.Type, p.Port))
				}
				pkgRows = append(pkgRows, []string{rcg.Purpose, r.Name, strings.Join(r.TargetFQDNs, ", "), strings.Join(protos, ", ")})
			}
		}
	}
	if hasWS {
		m.p("The internet is closed except for the hosts the firewall allows from the workstation subnet (%s). These are all of them; anything else (a random download, a git clone from an unlisted host) is denied, and the cloud engineer can add hosts through the spec's `network.egress`.", ws)
	} else {
		m.p("The internet is closed except for the hosts the firewall allows; anything else is denied.")
	}
	m.table([]string{"rule group", "rule", "hosts", "protocols"}, pkgRows)
	hosts := egressHosts(g)
	var cmds []string
	if contains(hosts, "pypi.org") {
		cmds = append(cmds, "pip install pandas scikit-learn          # pypi.org, files.pythonhosted.org")
	}
	if contains(hosts, "conda.anaconda.org") {
		cmds = append(cmds, "conda install -c conda-forge lightgbm    # conda.anaconda.org")
	}
	if contains(hosts, "cloud.r-project.org") {
		cmds = append(cmds, "Rscript -e 'install.packages(\"data.table\", repos=\"https://cloud.r-project.org\")'")
	}
	if contains(hosts, "archive.ubuntu.com") || contains(hosts, "azure.archive.ubuntu.com") {
		cmds = append(cmds, "sudo apt-get update && sudo apt-get install -y build-essential")
	}
	if len(cmds) > 0 {
		m.code("sh", strings.Join(cmds, "\n"))
	}

	if ws, ok := first[*model.MLWorkspace](g); ok {
		m.h(2, "Azure Machine Learning")
		m.p("Workspace %s in %s; public access %s, so the studio (ml.azure.com) and the SDK work only from inside the network (your workstation) or over the VPN.", tick(ws.Name), tick(ws.Group), strings.ToLower(string(ws.PublicNetworkAccess)))
		rows = nil
		for _, mc := range all[*model.MLCompute](g) {
			switch mc.Kind {
			case model.MLComputeCluster:
				rows = append(rows, []string{tick(model.AddressOf(mc).Leaf()), "cluster", mc.VMSize, fmt.Sprintf("%d-%d nodes; scales to zero after %s idle", mc.MinNodes, mc.MaxNodes, mc.IdleBeforeScaleDown)})
			case model.MLComputeKubernetes:
				rows = append(rows, []string{tick(model.AddressOf(mc).Leaf()), "attached Kubernetes", mc.Cluster.Name, "namespace " + mc.Namespace})
			case model.MLComputeInstance:
				rows = append(rows, []string{tick(model.AddressOf(mc).Leaf()), "compute instance", mc.VMSize, "idle shutdown " + mc.IdleShutdown})
			}
		}
		m.table([]string{"compute", "kind", "size", "scaling"}, rows)
		cluster := "cpu-cluster"
		for _, mc := range all[*model.MLCompute](g) {
			if mc.Kind == model.MLComputeCluster {
				cluster = model.AddressOf(mc).Leaf()
				break
			}
		}
		m.code("sh", fmt.Sprintf("az login\naz ml job create --workspace-name %s --resource-group %s --file job.yml\n# job.yml: compute: azureml:%s", ws.Name, ws.Group, cluster))
	}

	if acr, ok := first[*model.ContainerRegistry](g); ok {
		m.h(2, "Push an image to the registry")
		m.p("Registry %s (%s, public access %s, admin user %v): log in with your Entra ID account from your workstation and push through the private endpoint.", tick(acr.Name), acr.SKU, strings.ToLower(string(acr.PublicNetworkAccess)), acr.AdminUser)
		m.code("sh", fmt.Sprintf("az acr login --name %s\ndocker build -t %s.azurecr.io/models/churn:1 .\ndocker push %s.azurecr.io/models/churn:1", acr.Name, acr.Name, acr.Name))
	}

	if aks, ok := first[*model.ManagedCluster](g); ok {
		m.h(2, "Deploy a model to AKS with Helm")
		var facts []string
		if aks.PrivateCluster {
			facts = append(facts, "is private (its API server is reachable only inside the network)")
		}
		if aks.AzureRBAC {
			facts = append(facts, "authorises you through Entra ID and Azure RBAC")
		}
		if aks.LocalAccountsDisabled {
			facts = append(facts, "has local accounts disabled")
		}
		if pullsWithIdentity(g, aks) {
			facts = append(facts, "pulls images from the registry with its nodes' managed identity (AcrPull), so no image pull secret is needed")
		}
		m.p("Cluster %s %s.", tick(aks.Name), strings.Join(facts, ", "))
		img := "REGISTRY.azurecr.io/models/churn"
		if acr, ok := first[*model.ContainerRegistry](g); ok {
			img = acr.Name + ".azurecr.io/models/churn"
		}
		m.code("sh", fmt.Sprintf("az aks get-credentials --resource-group %s --name %s\nkubelogin convert-kubeconfig -l azurecli\nhelm create churn\nhelm upgrade --install churn ./churn \\\n  --set image.repository=%s --set image.tag=1 \\\n  --set service.type=LoadBalancer \\\n  --set-string 'service.annotations.service\\.beta\\.kubernetes\\.io/azure-load-balancer-internal=true'", aks.Group, aks.Name, img))
		m.p("The service gets an internal load balancer address in the scoring subnet; nothing is exposed to the internet.")
	}
	return m.Bytes()
}

// workstationSubnet returns the prefix of the subnet the first member
// workstation is in.
func workstationSubnet(g *view) (netip.Prefix, bool) {
	vm, ok := firstMemberVM(g)
	if !ok {
		return netip.Prefix{}, false
	}
	nic, ok := model.Lookup[*model.NetworkInterface](g.Graph, vm.NIC)
	if !ok {
		return netip.Prefix{}, false
	}
	v, ok := model.Lookup[*model.VirtualNetwork](g.Graph, model.Ref{Address: nic.Subnet.Address.Parent()})
	if !ok {
		return netip.Prefix{}, false
	}
	s, ok := v.Subnet(nic.Subnet.Leaf())
	return s.Prefix, ok
}

// covers reports whether a rule's sources include all of p.
func covers(specs []model.AddressSpec, p netip.Prefix) bool {
	for _, s := range specs {
		if s.IsAny() || (!s.IsTag() && s.Prefix.Bits() <= p.Bits() && s.Prefix.Contains(p.Addr())) {
			return true
		}
	}
	return false
}

// pullsWithIdentity reports whether the cluster's kubelet identity holds
// AcrPull on a registry.
func pullsWithIdentity(g *view, aks *model.ManagedCluster) bool {
	for _, ra := range all[*model.RoleAssignment](g) {
		if ra.RoleName == "AcrPull" && ra.Principal.UserIdentity == aks.KubeletIdentity && ra.Scope.Type == model.TypeContainerRegistry {
			return true
		}
	}
	return false
}

func firstMemberVM(g *view) (*model.VirtualMachine, bool) {
	for _, vm := range all[*model.VirtualMachine](g) {
		if vm.Member != "" {
			return vm, true
		}
	}
	return nil, false
}

func dataEngineer(g *view) []byte {
	m := &md{}
	m.h(1, "Runbook: data engineer (%s)", g.Name)
	adf, ok := first[*model.DataFactory](g)
	if !ok {
		m.p("The environment has no Data Factory.")
		return m.Bytes()
	}
	m.p("Data Factory %s in %s (public access %s): open ADF Studio from your workstation.", tick(adf.Name), tick(adf.Group), strings.ToLower(string(adf.PublicNetworkAccess)))

	m.h(2, "Self-hosted integration runtime")
	for _, ir := range all[*model.IntegrationRuntime](g) {
		if ir.SelfHosted == nil {
			continue
		}
		m.p("Runtime %s: %s.", tick(ir.Name), strings.TrimSuffix(ir.Description, "."))
		for _, x := range all[*model.VMExtension](g) {
			if x.Kind == model.ExtIntegrationRuntime && x.RegistersIntegrationRuntime.Address == model.AddressOf(ir) {
				vm := model.AddressOf(x).Parent()
				m.p("It is installed and registered at deployment by extension %s on VM %s; the authentication key is read during deployment and never stored. Check it in ADF Studio under Manage > Integration runtimes (status Running), or:", tick(x.Name), tick(vm.Name))
				m.code("sh", fmt.Sprintf("az datafactory integration-runtime get-status --factory-name %s --resource-group %s --name %s", adf.Name, adf.Group, ir.Name[strings.LastIndexByte(ir.Name, '/')+1:]))
				m.p("To register it again (after rebuilding the VM), fetch a key with `az datafactory integration-runtime list-auth-key` and run the runtime's `dmgcmd -RegisterNewNode KEY` on the VM through Bastion.")
			}
		}
	}

	m.h(2, "Linked services")
	var rows [][]string
	var oracle, lake string
	for _, ls := range all[*model.LinkedService](g) {
		leaf := ls.Name[strings.LastIndexByte(ls.Name, '/')+1:]
		detail := ""
		switch p := ls.Properties.(type) {
		case model.OracleConnector:
			oracle = leaf
			detail = fmt.Sprintf("%s:%d service %s as %s; password from Key Vault secret %s", p.Host, p.Port, p.Database, p.Username, p.Password.Name)
		case model.SQLServerConnector:
			detail = fmt.Sprintf("%s:%d database %s as %s", p.Host, p.Port, p.Database, p.Username)
		case model.PostgreSQLConnector:
			detail = fmt.Sprintf("%s:%d database %s as %s", p.Host, p.Port, p.Database, p.Username)
		case model.DataLakeConnector:
			lake = leaf
			detail = "account " + p.Account.Name + " with the factory's managed identity"
		case model.KeyVaultConnector:
			detail = "vault " + p.Vault.Name + " with the factory's managed identity"
		}
		rows = append(rows, []string{tick(leaf), ls.Properties.Connector(), ls.ConnectVia.Leaf(), detail})
	}
	m.table([]string{"linked service", "connector", "runs on", "connects to"}, rows)
	m.p("The Oracle connection runs on the self-hosted runtime in the integration subnet; the firewall lets that subnet reach the database port over the VPN. Test it in ADF Studio with Test connection.")

	var containers []string
	for _, c := range all[*model.BlobContainer](g) {
		containers = append(containers, c.Name[strings.LastIndexByte(c.Name, '/')+1:])
	}
	sort.Strings(containers)
	if oracle != "" && lake != "" {
		m.h(2, "A first copy pipeline to the lake")
		target := "raw"
		if len(containers) > 0 && !contains(containers, "raw") {
			target = containers[0]
		}
		m.p("Containers in the lake: %s. Save the pipeline below as `copy-edw.json`, with two datasets (`ds_oracle` on %s, `ds_lake_raw` a Parquet dataset on %s, container %s), then create and run it:", strings.Join(containers, ", "), tick(oracle), tick(lake), tick(target))
		m.code("json", fmt.Sprintf(`{
  "activities": [
    {
      "name": "CopyFromOracle",
      "type": "Copy",
      "inputs": [{"referenceName": "ds_oracle", "type": "DatasetReference"}],
      "outputs": [{"referenceName": "ds_lake_raw", "type": "DatasetReference"}],
      "typeProperties": {
        "source": {"type": "OracleSource", "oracleReaderQuery": "SELECT * FROM YOUR_SCHEMA.YOUR_TABLE"},
        "sink": {"type": "ParquetSink", "storeSettings": {"type": "AzureBlobFSWriteSettings"}}
      }
    }
  ]
}`))
		m.code("sh", fmt.Sprintf("az datafactory pipeline create --factory-name %s --resource-group %s --name copy-edw --pipeline @copy-edw.json\naz datafactory pipeline create-run --factory-name %s --resource-group %s --name copy-edw", adf.Name, adf.Group, adf.Name, adf.Group))
	}
	return m.Bytes()
}
