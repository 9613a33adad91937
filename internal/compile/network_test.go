package compile

import (
	"fmt"
	"net/netip"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/spec"
)

func vnetOf(t *testing.T, res *Result, role string) *model.VirtualNetwork {
	t.Helper()
	for _, v := range model.All[*model.VirtualNetwork](res.Graph) {
		if strings.HasSuffix(v.Name, "-"+role) {
			return v
		}
	}
	t.Fatalf("no %s virtual network", role)
	return nil
}

func subnetNames(v *model.VirtualNetwork) []string {
	var out []string
	for _, s := range v.Subnets {
		out = append(out, s.Name)
	}
	slices.Sort(out)
	return out
}

func TestExampleVirtualNetworks(t *testing.T) {
	res := mustCompile(t, nil)
	tests := []struct {
		role  string
		space netip.Prefix
		want  []string
	}{
		{Hub, res.Plan.Hub, []string{SubnetBastion, SubnetFirewall, SubnetGateway, SubnetDNSInbound}},
		{Spoke, res.Plan.Spoke, []string{SubnetAppService, SubnetDBXContainer, SubnetDBXHost, SubnetEndpoints, SubnetIntegration, SubnetScoring, SubnetTraining, SubnetWorkstations}},
	}
	fw, _ := res.Plan.Subnet(SubnetFirewall)
	wantDNS := []netip.Addr{nthAddr(fw.Prefix, 4)}
	for _, tt := range tests {
		v := vnetOf(t, res, tt.role)
		if diff := cmp.Diff(tt.want, subnetNames(v)); diff != "" {
			t.Errorf("%s subnets (-want +got):\n%s", tt.role, diff)
		}
		if diff := cmp.Diff([]netip.Prefix{tt.space}, v.AddressSpace, cmp.Comparer(func(a, b netip.Prefix) bool { return a == b })); diff != "" {
			t.Errorf("%s address space (-want +got):\n%s", tt.role, diff)
		}
		if !slices.Equal(v.DNSServers, wantDNS) {
			t.Errorf("%s DNS servers = %v; want %v (the firewall's DNS proxy)", tt.role, v.DNSServers, wantDNS)
		}
		for _, s := range v.Subnets {
			ps, _ := res.Plan.Subnet(s.Name)
			if s.Prefix != ps.Prefix {
				t.Errorf("subnet %s prefix = %v; want the planned %v", s.Name, s.Prefix, ps.Prefix)
			}
			if s.DefaultOutboundAccess {
				t.Errorf("subnet %s has default outbound access", s.Name)
			}
		}
	}
}

func TestExampleDelegationsAndPolicies(t *testing.T) {
	res := mustCompile(t, nil)
	all := append(vnetOf(t, res, Hub).Subnets, vnetOf(t, res, Spoke).Subnets...)
	for _, s := range all {
		if diff := cmp.Diff(subnetDelegations[s.Name], s.Delegations); diff != "" {
			t.Errorf("subnet %s delegations (-want +got):\n%s", s.Name, diff)
		}
		want := model.PrivateEndpointPoliciesDisabled
		if s.Name == SubnetEndpoints {
			want = model.PrivateEndpointPoliciesEnabled
		}
		if s.PrivateEndpointPolicies != want {
			t.Errorf("subnet %s private endpoint policies = %s; want %s", s.Name, s.PrivateEndpointPolicies, want)
		}
	}
}

func TestSpokeNSGsEndInDenyAll(t *testing.T) {
	res := mustCompile(t, nil)
	for _, s := range vnetOf(t, res, Spoke).Subnets {
		nsg, ok := model.Lookup[*model.NetworkSecurityGroup](res.Graph, s.NSG)
		if !ok {
			t.Errorf("subnet %s has no NSG", s.Name)
			continue
		}
		checkNSG(t, s.Name, nsg)
	}
}

// checkNSG asserts that both directions end in a deny-all at the last
// priority, that priorities are unique and in range, and that no list of
// addresses holds a service tag.
func checkNSG(t *testing.T, subnet string, nsg *model.NetworkSecurityGroup) {
	t.Helper()
	for _, dir := range []model.Direction{model.Inbound, model.Outbound} {
		seen := map[int]string{}
		var last model.SecurityRule
		for _, r := range nsg.Rules {
			if r.Direction != dir {
				continue
			}
			if other, dup := seen[r.Priority]; dup {
				t.Errorf("%s: rules %s and %s share priority %d", subnet, other, r.Name, r.Priority)
			}
			seen[r.Priority] = r.Name
			if r.Priority < model.NSGFirstPriority || r.Priority > model.NSGLastPriority {
				t.Errorf("%s: rule %s priority %d out of range", subnet, r.Name, r.Priority)
			}
			for _, list := range [][]model.AddressSpec{r.Sources, r.Destinations} {
				if len(list) == 0 {
					t.Errorf("%s: rule %s has an empty address list", subnet, r.Name)
				}
				if len(list) > 1 && slices.ContainsFunc(list, model.AddressSpec.IsTag) {
					t.Errorf("%s: rule %s mixes a service tag into a list", subnet, r.Name)
				}
			}
			if r.Priority > last.Priority {
				last = r
			}
		}
		if last.Access != model.Deny || last.Priority != model.NSGLastPriority || !last.Sources[0].IsAny() || !last.Destinations[0].IsAny() || last.Protocol != model.ProtocolAny {
			t.Errorf("%s: last %s rule = %+v; want deny all at %d", subnet, dir, last, model.NSGLastPriority)
		}
	}
}

func TestBastionReachesWorkstationsOnly(t *testing.T) {
	res := mustCompile(t, nil)
	bastion, _ := res.Plan.Subnet(SubnetBastion)
	nsg, _ := model.Lookup[*model.NetworkSecurityGroup](res.Graph, subnetOf(t, res, SubnetWorkstations).NSG)
	var got []model.SecurityRule
	for _, r := range nsg.Rules {
		if r.Direction == model.Inbound && r.Access == model.Allow {
			got = append(got, r)
		}
	}
	if len(got) != 1 || got[0].Sources[0] != model.PrefixSpec(bastion.Prefix) || !slices.Equal(got[0].DestinationPorts, ports(22, 3389)) {
		t.Errorf("workstation inbound allows = %+v; want only 22 and 3389 from %v", got, bastion.Prefix)
	}
}

func subnetOf(t *testing.T, res *Result, name string) model.Subnet {
	t.Helper()
	for _, role := range []string{Hub, Spoke} {
		if s, ok := vnetOf(t, res, role).Subnet(name); ok {
			return s
		}
	}
	t.Fatalf("no subnet %s", name)
	return model.Subnet{}
}

func TestSpokeRoutesThroughFirewall(t *testing.T) {
	res := mustCompile(t, nil)
	fw, _ := res.Plan.Subnet(SubnetFirewall)
	fwIP := nthAddr(fw.Prefix, 4)
	want := []model.Route{
		{Name: "internet-via-firewall", Prefix: netip.MustParsePrefix("0.0.0.0/0"), NextHop: model.NextHopVirtualAppliance, NextHopIP: fwIP},
		{Name: "onprem-10-0-0-0-16-via-firewall", Prefix: netip.MustParsePrefix("10.0.0.0/16"), NextHop: model.NextHopVirtualAppliance, NextHopIP: fwIP},
	}
	cmpAddr := cmp.Comparer(func(a, b netip.Addr) bool { return a == b })
	cmpPrefix := cmp.Comparer(func(a, b netip.Prefix) bool { return a == b })
	for _, s := range vnetOf(t, res, Spoke).Subnets {
		rt, ok := model.Lookup[*model.RouteTable](res.Graph, s.RouteTable)
		if !ok {
			t.Errorf("subnet %s has no route table", s.Name)
			continue
		}
		if diff := cmp.Diff(want, rt.Routes, cmpAddr, cmpPrefix); diff != "" {
			t.Errorf("subnet %s routes (-want +got):\n%s", s.Name, diff)
		}
		if !rt.DisableBGPRoutePropagation {
			t.Errorf("subnet %s route table propagates BGP routes", s.Name)
		}
	}
	gw, ok := model.Lookup[*model.RouteTable](res.Graph, subnetOf(t, res, SubnetGateway).RouteTable)
	if !ok || len(gw.Routes) != 1 || gw.Routes[0].Prefix != res.Plan.Spoke || gw.Routes[0].NextHopIP != fwIP || gw.DisableBGPRoutePropagation {
		t.Errorf("GatewaySubnet route table = %+v; want the spoke via %v with BGP propagation on", gw, fwIP)
	}
}

func TestPeeringsUseTheGateway(t *testing.T) {
	res := mustCompile(t, nil)
	peerings := model.All[*model.VirtualNetworkPeering](res.Graph)
	if len(peerings) != 2 {
		t.Fatalf("got %d peerings; want 2", len(peerings))
	}
	for _, p := range peerings {
		hub := strings.HasPrefix(p.Name, "vnet-kodata-hub/")
		if p.AllowGatewayTransit != hub || p.UseRemoteGateways == hub || !p.AllowForwardedTraffic || !p.AllowVirtualNetworkAccess {
			t.Errorf("peering %s = %+v; want gateway transit from the hub, remote gateways from the spoke", p.Name, p)
		}
		if !hub && !dependsOnGateway(p) {
			t.Errorf("spoke peering %s does not wait for the gateway", p.Name)
		}
	}
}

func dependsOnGateway(p *model.VirtualNetworkPeering) bool {
	for _, d := range p.DependsOn {
		if d.Type == model.TypeVirtualNetworkGateway {
			return true
		}
	}
	return false
}

// ruleGroup returns the named rule collection group.
func ruleGroup(t *testing.T, res *Result, name string) *model.FirewallPolicyRuleCollectionGroup {
	t.Helper()
	for _, g := range model.All[*model.FirewallPolicyRuleCollectionGroup](res.Graph) {
		if strings.HasSuffix(g.Name, "/rcg-"+name) {
			return g
		}
	}
	t.Fatalf("no rule collection group %s", name)
	return nil
}

func prefixesOf(t *testing.T, res *Result, subnets ...string) []model.AddressSpec {
	t.Helper()
	var out []model.AddressSpec
	for _, n := range subnets {
		s, ok := res.Plan.Subnet(n)
		if !ok {
			t.Fatalf("no subnet %s", n)
		}
		out = append(out, model.PrefixSpec(s.Prefix))
	}
	return out
}

var cmpSpec = cmp.Comparer(func(a, b model.AddressSpec) bool { return a == b })

func TestPyPIRule(t *testing.T) {
	res := mustCompile(t, nil)
	g := ruleGroup(t, res, "packages")
	var got *model.ApplicationRule
	for _, col := range g.Collections {
		for i, r := range col.ApplicationRules {
			if r.Name == "preset-python" {
				got = &col.ApplicationRules[i]
			}
		}
	}
	if got == nil {
		t.Fatal("no preset-python rule")
	}
	want := model.ApplicationRule{
		Name: "preset-python", Description: got.Description,
		Sources:     prefixesOf(t, res, SubnetWorkstations, SubnetTraining, SubnetScoring, SubnetIntegration),
		Protocols:   []model.ApplicationProtocol{model.HTTPS443},
		TargetFQDNs: []string{"pypi.org", "files.pythonhosted.org"},
	}
	if diff := cmp.Diff(want, *got, cmpSpec); diff != "" {
		t.Errorf("preset-python (-want +got):\n%s", diff)
	}
}

func TestOracleRule(t *testing.T) {
	res := mustCompile(t, nil)
	g := ruleGroup(t, res, "onprem")
	want := model.NetworkRule{
		Name:             "datasource-edw",
		Protocols:        []model.Protocol{model.ProtocolTCP},
		Sources:          prefixesOf(t, res, SubnetWorkstations, SubnetTraining, SubnetIntegration),
		Destinations:     []model.AddressSpec{model.PrefixSpec(netip.MustParsePrefix("10.0.12.20/32"))},
		DestinationPorts: []model.PortRange{model.Port(1521)},
	}
	got := g.Collections[0].NetworkRules[0]
	want.Description = got.Description
	if diff := cmp.Diff(want, got, cmpSpec); diff != "" {
		t.Errorf("datasource-edw (-want +got):\n%s", diff)
	}
	// Only the readers' subnets have an NSG rule out to the warehouse.
	for _, s := range vnetOf(t, res, Spoke).Subnets {
		nsg, _ := model.Lookup[*model.NetworkSecurityGroup](res.Graph, s.NSG)
		has := slices.ContainsFunc(nsg.Rules, func(r model.SecurityRule) bool { return r.Name == "allow-datasource-edw-out" })
		want := slices.Contains([]string{SubnetWorkstations, SubnetTraining, SubnetIntegration}, s.Name)
		if has != want {
			t.Errorf("subnet %s allows the Oracle warehouse = %v; want %v", s.Name, has, want)
		}
	}
}

func TestReaderSubnets(t *testing.T) {
	tests := []struct {
		group string
		want  []string
	}{
		{"dataScientists", []string{SubnetWorkstations, SubnetTraining}},
		{"dataEngineers", []string{SubnetWorkstations, SubnetIntegration}},
		{"admins", []string{SubnetWorkstations}},
		{"nobody", nil},
	}
	for _, tt := range tests {
		if got := ReaderSubnets(tt.group); !slices.Equal(got, tt.want) {
			t.Errorf("ReaderSubnets(%q) = %v; want %v", tt.group, got, tt.want)
		}
	}
	if got, want := DataSourceSubnets([]string{"admins"}), []string{SubnetWorkstations, SubnetIntegration}; !slices.Equal(got, want) {
		t.Errorf("DataSourceSubnets([admins]) = %v; want %v", got, want)
	}
}

func TestVPNConnection(t *testing.T) {
	res := mustCompile(t, nil)
	gws := model.All[*model.VirtualNetworkGateway](res.Graph)
	if len(gws) != 1 || gws[0].GatewayType != model.GatewayVPN || gws[0].SKU != "VpnGw2AZ" || !gws[0].RouteBased || gws[0].Generation != "Generation2" {
		t.Fatalf("gateways = %+v; want one route-based VpnGw2AZ generation 2", gws)
	}
	conns := model.All[*model.Connection](res.Graph)
	if len(conns) != 1 || conns[0].ConnectionType != model.ConnectionIPsec || !conns[0].IKEv2 || conns[0].SharedKey.Parameter != "vpnSharedKey" {
		t.Fatalf("connections = %+v; want one IKEv2 IPsec connection keyed by vpnSharedKey", conns)
	}
	if n := len(model.All[*model.LocalNetworkGateway](res.Graph)); n != 1 {
		t.Errorf("got %d local network gateways; want 1", n)
	}
	if n := len(model.All[*model.DNSResolverInboundEndpoint](res.Graph)); n != 1 {
		t.Errorf("got %d DNS resolver inbound endpoints; want 1", n)
	}
}

func TestExpressRouteVariant(t *testing.T) {
	const circuit = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-er/providers/Microsoft.Network/expressRouteCircuits/er-sydney"
	res := mustCompile(t, func(d *spec.Document) {
		d.Network.OnPremises.Connection = spec.Connection{Type: spec.ConnectionExpressRoute, CircuitID: circuit}
	})
	gws := model.All[*model.VirtualNetworkGateway](res.Graph)
	if len(gws) != 1 || gws[0].GatewayType != model.GatewayExpressRoute || gws[0].SKU != "ErGw1AZ" {
		t.Fatalf("gateways = %+v; want one ErGw1AZ ExpressRoute gateway", gws)
	}
	conns := model.All[*model.Connection](res.Graph)
	if len(conns) != 1 || conns[0].ConnectionType != model.ConnectionExpressRoute || conns[0].CircuitID != circuit || !conns[0].SharedKey.IsZero() {
		t.Fatalf("connections = %+v; want one ExpressRoute connection to the circuit", conns)
	}
	if n := len(model.All[*model.LocalNetworkGateway](res.Graph)); n != 0 {
		t.Errorf("got %d local network gateways; want none", n)
	}
	for _, p := range res.Graph.Parameters() {
		if p.Name == "vpnSharedKey" {
			t.Errorf("ExpressRoute declares the VPN shared key parameter")
		}
	}
}

func TestWithoutOnPremises(t *testing.T) {
	res := mustCompile(t, func(d *spec.Document) {
		d.Network.OnPremises = nil
		d.DataSources = nil
		off := false
		d.Services.Databricks.Enabled = &off
		d.Services.AppService.Enabled = &off
	})
	for _, typ := range []model.Type{model.TypeVirtualNetworkGateway, model.TypeConnection, model.TypeDNSResolver, model.TypeLocalNetworkGateway} {
		for _, r := range res.Graph.Resources() {
			if r.Type() == typ {
				t.Errorf("unexpected %s without on-premises", model.AddressOf(r))
			}
		}
	}
	for _, p := range model.All[*model.VirtualNetworkPeering](res.Graph) {
		if p.AllowGatewayTransit || p.UseRemoteGateways || len(p.DependsOn) > 0 {
			t.Errorf("peering %s = %+v; want no gateway use", p.Name, p)
		}
	}
	for _, s := range vnetOf(t, res, Spoke).Subnets {
		rt, _ := model.Lookup[*model.RouteTable](res.Graph, s.RouteTable)
		if len(rt.Routes) != 1 {
			t.Errorf("subnet %s routes = %+v; want only the default route", s.Name, rt.Routes)
		}
	}
	if got := subnetNames(vnetOf(t, res, Spoke)); slices.Contains(got, SubnetDBXHost) || slices.Contains(got, SubnetAppService) {
		t.Errorf("spoke subnets = %v; want no Databricks or App Service subnets", got)
	}
}

func TestUnknownEgressPreset(t *testing.T) {
	_, ds := compileExample(t, func(d *spec.Document) {
		d.Network.Egress.Allow = []string{"python", "cobol"}
	})
	if !ds.HasErrors() {
		t.Fatal("Compile accepted an unknown egress preset")
	}
	var found bool
	for _, d := range ds {
		if strings.Contains(d.Summary, `unknown egress preset "cobol"`) {
			found = true
			for _, p := range EgressPresetNames() {
				if !strings.Contains(d.Hint, p) {
					t.Errorf("hint %q does not list preset %s", d.Hint, p)
				}
			}
		}
	}
	if !found {
		t.Errorf("diagnostics = %v; want an unknown egress preset error", ds)
	}
}

func TestFirewallPolicy(t *testing.T) {
	res := mustCompile(t, nil)
	pols := model.All[*model.FirewallPolicy](res.Graph)
	if len(pols) != 1 || pols[0].ThreatIntel != model.ThreatIntelDeny || !pols[0].DNSProxy || pols[0].Tier != model.FirewallStandard {
		t.Fatalf("policies = %+v; want one Standard policy with threat intelligence deny and DNS proxy", pols)
	}
	fws := model.All[*model.AzureFirewall](res.Graph)
	fw, _ := res.Plan.Subnet(SubnetFirewall)
	if len(fws) != 1 || fws[0].PrivateIP != nthAddr(fw.Prefix, 4) || len(fws[0].Zones) != 3 {
		t.Fatalf("firewalls = %+v; want one zone-redundant firewall at the subnet's first usable address", fws)
	}
	for _, g := range model.All[*model.FirewallPolicyRuleCollectionGroup](res.Graph) {
		for _, col := range g.Collections {
			if (len(col.ApplicationRules) > 0) == (len(col.NetworkRules) > 0) {
				t.Errorf("%s collection %s must hold rules of exactly one kind", g.Name, col.Name)
			}
		}
	}
}

// platformAllowed lists what the platform rule collection group lets
// source reach, as "fqdn:port" for application rules and "Tag:port" for
// network rules to service tags on single ports.
func platformAllowed(t *testing.T, res *Result, source string) []string {
	t.Helper()
	from := prefixesOf(t, res, source)[0]
	var out []string
	for _, col := range ruleGroup(t, res, "platform").Collections {
		for _, r := range col.ApplicationRules {
			if !slices.Contains(r.Sources, from) {
				continue
			}
			for _, p := range r.Protocols {
				for _, f := range r.TargetFQDNs {
					out = append(out, fmt.Sprintf("%s:%d", f, p.Port))
				}
			}
		}
		for _, r := range col.NetworkRules {
			if !slices.Contains(r.Sources, from) {
				continue
			}
			for _, d := range r.Destinations {
				for _, p := range r.DestinationPorts {
					if d.Tag != "" && p.From == p.To {
						out = append(out, fmt.Sprintf("%s:%d", d.Tag, p.From))
					}
				}
			}
		}
	}
	return out
}

// The extensions enclave installs on its VMs reach what Learn lists for
// them: the Azure Monitor agent's handlers and workspace ingestion, Entra
// ID sign-in (and packages.microsoft.com, where AADSSHLoginForLinux
// installs from), Windows device registration, guest attestation; the
// integration runtime VM also its installer and updates.
func TestPlatformRulesCoverVMExtensions(t *testing.T) {
	res := mustCompile(t, nil)
	extensions := []string{
		"global.handler.control.monitor.azure.com:443",
		"australiaeast.handler.control.monitor.azure.com:443",
		"*.ods.opinsights.azure.com:443",
		"login.microsoftonline.com:443",
		"pas.windows.net:443",
		"packages.microsoft.com:443",
		"enterpriseregistration.windows.net:443",
		"AzureAttestation:443",
	}
	for _, tc := range []struct {
		subnet string
		want   []string
	}{
		{SubnetWorkstations, extensions},
		{SubnetIntegration, append(slices.Clone(extensions), "go.microsoft.com:443", "download.microsoft.com:443")},
	} {
		got := platformAllowed(t, res, tc.subnet)
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("platform rules from %s do not allow %s; they allow %v", tc.subnet, w, got)
			}
		}
	}
}

// The integration runtime uses self-contained interactive authoring and
// reaches its factory through the private endpoint, so the firewall opens
// neither Azure Relay nor the Data Factory public front end, wildcards
// that any tenant's namespace or factory would match.
func TestIntegrationRuntimeNeedsNoRelay(t *testing.T) {
	res := mustCompile(t, nil)
	for _, ir := range model.All[*model.IntegrationRuntime](res.Graph) {
		if ir.SelfHosted != nil && !ir.SelfHosted.SelfContainedAuthoring {
			t.Errorf("%s does not use self-contained interactive authoring, which the firewall relies on", ir.Name)
		}
	}
	got := platformAllowed(t, res, SubnetIntegration)
	for _, host := range []string{"*.servicebus.windows.net", "*.frontend.clouddatahub.net"} {
		for _, g := range got {
			if strings.HasPrefix(g, host+":") {
				t.Errorf("platform rules allow %s from %s", g, SubnetIntegration)
			}
		}
	}
}

// A collection lists each destination once for the same sources.
func TestPlatformRulesHaveNoDuplicates(t *testing.T) {
	res := mustCompile(t, nil)
	for _, col := range ruleGroup(t, res, "platform").Collections {
		seen := map[string]string{}
		for _, r := range col.ApplicationRules {
			for _, f := range append(slices.Clone(r.TargetFQDNs), r.FQDNTags...) {
				key := fmt.Sprint(r.Sources) + " " + f
				if prev, ok := seen[key]; ok {
					t.Errorf("collection %s: %s is in rules %s and %s", col.Name, f, prev, r.Name)
				}
				seen[key] = r.Name
			}
		}
	}
}
