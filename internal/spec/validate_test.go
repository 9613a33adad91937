package spec

import (
	"net/netip"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// editExample replaces old with new in the built-in example.
func editExample(t *testing.T, old, new string) []byte {
	t.Helper()
	src := string(exampleYAML)
	if !strings.Contains(src, old) {
		t.Fatalf("%q is not in the example", old)
	}
	return []byte(strings.Replace(src, old, new, 1))
}

func TestExampleIsValid(t *testing.T) {
	d, ds := Parse(ExampleFile, exampleYAML)
	if len(ds) != 0 {
		t.Fatalf("Parse(example) diagnostics:\n%s", ds.Error())
	}
	if got := len(d.Team.Members); got != 7 {
		t.Errorf("example members = %d; want 7", got)
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name, old, new string
		want           []string
	}{
		{"env name", "name: kodata", "name: KoData",
			[]string{`4:7: name: "KoData" is not a valid environment name`}},
		{"env name too long", "name: kodata", "name: kodatascience",
			[]string{`4:7: name: "kodatascience" is not a valid environment name`}},
		{"location", "location: australiaeast", "location: Australia East",
			[]string{`5:11: location: "Australia East" is not an Azure region name`,
				"66:21: governance.allowedLocations: does not include the location Australia East"}},
		{"address space ipv6", "addressSpace: 10.60.0.0/20", "addressSpace: fd00::/48",
			[]string{"11:17: network.addressSpace: fd00::/48 is not an IPv4 range"}},
		{"address space host bits", "addressSpace: 10.60.0.0/20", "addressSpace: 10.60.1.0/20",
			[]string{"11:17: network.addressSpace: 10.60.1.0/20 is not a network address"}},
		{"address space too large", "addressSpace: 10.60.0.0/20", "addressSpace: 10.0.0.0/7",
			[]string{"11:17: network.addressSpace: 10.0.0.0/7 is larger than /8",
				"14:21: network.onPremises.addressSpaces[0]: 10.0.0.0/16 overlaps the address space 10.0.0.0/7"}},
		{"address space too small", "addressSpace: 10.60.0.0/20", "addressSpace: 10.60.0.0/25",
			[]string{"11:17: network.addressSpace: 10.60.0.0/25 is smaller than /24: the hub network alone needs a /24"}},
		{"on-prem overlaps space", "addressSpaces: [10.0.0.0/16]", "addressSpaces: [10.60.0.0/16]",
			[]string{"14:21: network.onPremises.addressSpaces[0]: 10.60.0.0/16 overlaps the address space 10.60.0.0/20",
				"58:11: dataSources[0].host: 10.0.12.20 is not in any on-premises address space"}},
		{"on-prem overlap each other", "addressSpaces: [10.0.0.0/16]", "addressSpaces: [10.0.0.0/16, 10.0.4.0/24]",
			[]string{"14:34: network.onPremises.addressSpaces[1]: 10.0.4.0/24 overlaps network.onPremises.addressSpaces[0] (10.0.0.0/16)"}},
		{"on-prem host bits", "addressSpaces: [10.0.0.0/16]", "addressSpaces: [10.0.0.1/16]",
			[]string{"14:21: network.onPremises.addressSpaces[0]: 10.0.0.1/16 is not a network address"}},
		{"dns server ipv6", "dnsServers: [10.0.0.10]", "dnsServers: [fd00::10]",
			[]string{"19:18: network.onPremises.dnsServers[0]: fd00::10 is not an IPv4 address"}},
		{"vpn without peer", "      peerAddress: 203.0.113.10\n", "",
			[]string{"16:7: network.onPremises.connection: a vpn connection needs peerAddress"}},
		{"vpn with circuit", "      peerAddress: 203.0.113.10\n", "      peerAddress: 203.0.113.10\n      circuitId: x\n",
			[]string{"18:18: network.onPremises.connection.circuitId: not used by vpn connections"}},
		{"expressroute without circuit", "      type: vpn\n      peerAddress: 203.0.113.10\n      sharedKey: {parameter: vpnSharedKey}\n", "      type: expressroute\n",
			[]string{"16:7: network.onPremises.connection: an expressroute connection needs circuitId"}},
		{"expressroute bad circuit", "      type: vpn\n      peerAddress: 203.0.113.10\n      sharedKey: {parameter: vpnSharedKey}\n", "      type: expressroute\n      circuitId: my-circuit\n",
			[]string{`17:18: network.onPremises.connection.circuitId: "my-circuit" is not an ExpressRoute circuit resource ID`}},
		{"expressroute with peer", "      type: vpn\n", "      type: expressroute\n      circuitId: /subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network/expressRouteCircuits/c1\n",
			[]string{"18:20: network.onPremises.connection.peerAddress: not used by expressroute connections",
				"19:18: network.onPremises.connection.sharedKey: not used by expressroute connections"}},
		{"secret names nothing", "sharedKey: {parameter: vpnSharedKey}", "sharedKey: {}",
			[]string{"18:18: network.onPremises.connection.sharedKey: names no secret"}},
		{"secret names both", "sharedKey: {parameter: vpnSharedKey}", "sharedKey: {parameter: vpnSharedKey, keyVaultSecret: vpn}",
			[]string{"18:18: network.onPremises.connection.sharedKey: give keyVaultSecret or parameter, not both"}},
		{"secret bad parameter name", "sharedKey: {parameter: vpnSharedKey}", "sharedKey: {parameter: vpn-key}",
			[]string{"18:30: network.onPremises.connection.sharedKey.parameter: not a valid parameter name"}},
		{"group id", "admins: 8b3e4c9a-3f4d-4e5c-9a0b-2c3d4e5f6a73", "admins: platform-admins",
			[]string{`28:13: team.groups.admins: "platform-admins" is not an Entra ID group object ID`}},
		{"missing group", "    admins: 8b3e4c9a-3f4d-4e5c-9a0b-2c3d4e5f6a73\n", "",
			[]string{"26:5: team.groups: missing required key admins"}},
		{"member name", "{name: ds2, role: data-scientist}", "{name: DS-2, role: data-scientist}",
			[]string{`37:14: team.members[1].name: "DS-2" is not a valid member name`}},
		{"duplicate member", "{name: ds3, role: data-scientist}", "{name: ds2, role: data-scientist}",
			[]string{`38:14: team.members[2].name: duplicate member name "ds2" (also team.members[1])`}},
		{"reserved member name", "{name: ds3, role: data-scientist}", "{name: bastion, role: data-scientist}",
			[]string{`38:14: team.members[2].name: "bastion" is reserved (it names a place)`}},
		{"member missing role", "{name: ds3, role: data-scientist}", "{name: ds3}",
			[]string{"38:7: team.members[2]: missing required key role"}},
		{"auto shutdown", `autoShutdown: "19:00"`, `autoShutdown: "7pm"`,
			[]string{`33:19: team.workstations.autoShutdown: "7pm" is not a valid time of day`}},
		{"unknown reader", "readers: [dataEngineers, dataScientists]", "readers: [dataEngineers, scientists]",
			[]string{`63:30: dataSources[0].readers[1]: unknown group "scientists"`}},
		{"data source name", "  - name: edw\n", "  - name: EDW\n",
			[]string{`56:11: dataSources[0].name: "EDW" is not a valid data source name`}},
		{"data source named like member", "  - name: edw\n", "  - name: de1\n",
			[]string{`56:11: dataSources[0].name: "de1" is also a member's name`}},
		{"data source outside on-prem", "host: 10.0.12.20", "host: 192.168.1.20",
			[]string{"58:11: dataSources[0].host: 192.168.1.20 is not in any on-premises address space"}},
		{"data source missing port", "    port: 1521\n", "",
			[]string{"56:5: dataSources[0]: missing required key port"}},
		{"allowed locations", "allowedLocations: [australiaeast]", "allowedLocations: [westeurope]",
			[]string{"66:21: governance.allowedLocations: does not include the location australiaeast"}},
		{"allowed vm sizes", "customerManagedKeys: true", "customerManagedKeys: true\n  allowedVmSizes: [Standard_D4s_v5]",
			[]string{"36:61: team.members[0].workstation.size: Standard_NC4as_T4_v3 is not in governance.allowedVmSizes",
				"46:24: services.machineLearning.cpuCluster.size: Standard_DS3_v2 is not in governance.allowedVmSizes",
				"47:24: services.machineLearning.gpuCluster.size: Standard_NC6s_v3 is not in governance.allowedVmSizes"}},
		{"security contact", "securityContact: cloud-security@example.com", "securityContact: security team",
			[]string{`68:20: governance.securityContact: "security team" is not an e-mail address`}},
		{"budget threshold", "thresholds: [50, 80, 100]", "thresholds: [50, 0, 1500]",
			[]string{"71:22: governance.budget.thresholds[1]: 0 is out of range",
				"71:25: governance.budget.thresholds[2]: 1500 is out of range"}},
		{"budget monthly", "monthly: 9000", "monthly: 0",
			[]string{"70:14: governance.budget.monthly: 0 is out of range"}},
		{"exemption category", "      category: Waiver\n      reason: The Azure Machine Learning", "      category: Accepted\n      reason: The Azure Machine Learning",
			[]string{`79:17: governance.exemptions[0].category: unknown category "Accepted"`}},
		{"exemption reason too short", "reason: The Azure Machine Learning extension does not support clusters with local accounts disabled; people still sign in with Entra ID and Azure RBAC.", "reason: needed",
			[]string{"80:15: governance.exemptions[0].reason: too short to justify an exemption"}},
		{"exemption bad glob", "      resource: Microsoft.ContainerService/managedClusters\n      category: Waiver\n      reason: The Azure", "      resource: Microsoft.ContainerService/managedClusters/[aks\n      category: Waiver\n      reason: The Azure",
			[]string{`78:17: governance.exemptions[0].resource: "Microsoft.ContainerService/managedClusters/[aks" is not a valid glob`}},
		{"exemption resource without type", "      resource: Microsoft.ContainerService/managedClusters\n      category: Waiver\n      reason: The Azure", "      resource: aks-kodata-scoring\n      category: Waiver\n      reason: The Azure",
			[]string{`78:17: governance.exemptions[0].resource: "aks-kodata-scoring" names no resource type`}},
		{"exemption duplicate", "policy: App Service apps should use a virtual network service endpoint\n      resource: Microsoft.Web/sites", "policy: azure kubernetes service clusters should have local authentication methods disabled\n      resource: Microsoft.ContainerService/managedClusters",
			[]string{"81:7: governance.exemptions[1]: exempts the same policy and resources as governance.exemptions[0]"}},
		{"exemption missing reason", "      reason: The Azure Machine Learning extension does not support clusters with local accounts disabled; people still sign in with Entra ID and Azure RBAC.\n", "",
			[]string{"77:7: governance.exemptions[0]: missing required key reason"}},
		{"alert email", "alertEmails: [cloud-team@example.com]", "alertEmails: [cloud-team]",
			[]string{`192:17: monitoring.alertEmails[0]: "cloud-team" is not an e-mail address`}},
		{"egress fqdn", "fqdns: []", "fqdns: [\"bad host\"]",
			[]string{`22:13: network.egress.fqdns[0]: "bad host" is not a host name`}},
		{"intent unknown", "from: workstations, to: \"pypi.org:443\"", "from: workstation, to: \"pypi.org:443\"",
			[]string{`195:40: intents[0].from: unknown reference "workstation"`}},
		{"intent bad port", `to: "workstations:22"`, `to: "workstations:99999"`,
			[]string{`196:66: intents[1].to: "workstations:99999" has an invalid port "99999"`}},
		{"intent disabled service", `to: "workstations:22"`, `to: "scoring:443"`,
			[]string{}},
		{"intent expect", "expect: deny", "expect: refuse",
			[]string{`196:93: intents[1].expect: unknown expect "refuse"`}},
		{"intent duplicate name", "name: internet-not-to-workstations-ssh", "name: workstations-to-pypi",
			[]string{`196:12: intents[1].name: duplicate intent name "workstations-to-pypi" (also intents[0])`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ds := Parse("e.yaml", editExample(t, tt.old, tt.new))
			got := render(ds)
			want := tt.want
			if len(want) == 0 {
				want = nil
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Parse(example with %q) mismatch (-want +got):\n%s", tt.new, diff)
			}
		})
	}
}

func TestEndpoint(t *testing.T) {
	d := Example()
	tests := []struct {
		ref  string
		want Endpoint
		err  string
	}{
		{"workstations", Endpoint{Kind: EndpointPlace, Name: "workstations"}, ""},
		{"workstations:22", Endpoint{Kind: EndpointPlace, Name: "workstations", Port: 22}, ""},
		{"ds1:3389", Endpoint{Kind: EndpointMember, Name: "ds1", Port: 3389}, ""},
		{"data-engineer", Endpoint{Kind: EndpointRole, Name: "data-engineer"}, ""},
		{"dataScientists", Endpoint{Kind: EndpointGroup, Name: "dataScientists"}, ""},
		{"machineLearning:443", Endpoint{Kind: EndpointService, Name: "machineLearning", Port: 443}, ""},
		{"edw:1521", Endpoint{Kind: EndpointDataSource, Name: "edw", Port: 1521}, ""},
		{"PyPI.org:443", Endpoint{Kind: EndpointHost, Name: "pypi.org", Port: 443}, ""},
		{"*.blob.core.windows.net", Endpoint{Kind: EndpointHost, Name: "*.blob.core.windows.net"}, ""},
		{"10.0.12.20:1521", Endpoint{Kind: EndpointAddress, Prefix: mustPrefix("10.0.12.20/32"), Port: 1521}, ""},
		{"10.0.0.0/16", Endpoint{Kind: EndpointPrefix, Prefix: mustPrefix("10.0.0.0/16")}, ""},
		{"10.0.0.0/16:443", Endpoint{Kind: EndpointPrefix, Prefix: mustPrefix("10.0.0.0/16"), Port: 443}, ""},
		{"fd00::1", Endpoint{Kind: EndpointAddress, Prefix: mustPrefix("fd00::1/128")}, ""},
		{"", Endpoint{}, "empty reference"},
		{"workstation", Endpoint{}, `unknown reference "workstation"`},
		{"workstations:0", Endpoint{}, `"workstations:0" has an invalid port "0"`},
		{"workstations:ssh", Endpoint{}, `"workstations:ssh" has an invalid port "ssh"`},
		{":443", Endpoint{}, `":443" has an invalid port "443"`},
		{"bad_host.example", Endpoint{}, `"bad_host.example" is not a valid host name`},
	}
	for _, tt := range tests {
		got, err := d.Endpoint(tt.ref)
		gotErr := ""
		if err != nil {
			gotErr = err.Error()
		}
		if gotErr != tt.err || got != tt.want {
			t.Errorf("Endpoint(%q) = %+v, %q; want %+v, %q", tt.ref, got, gotErr, tt.want, tt.err)
		}
	}
}

func TestEndpointNeedsService(t *testing.T) {
	d, ds := Parse("m.yaml", []byte(minimal))
	if ds.HasErrors() {
		t.Fatal(ds.Error())
	}
	for _, ref := range []string{"training", "scoring", "onprem", "integration", "databricks:443"} {
		_, err := d.Endpoint(ref)
		if err == nil || !strings.Contains(err.Error(), "does not exist in this environment") {
			t.Errorf("Endpoint(%q) on a spec without services = %v; want does not exist", ref, err)
		}
	}
}

func mustPrefix(s string) netip.Prefix { return netip.MustParsePrefix(s) }
