package check_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/enclave-dev/enclave/internal/check"
)

// TestExampleInput checks how the example is presented: IDs agree between
// the renderer and check, every private endpoint shows up as an approved
// connection on the resource it reaches, inline subnets are resources, and
// no body holds a resourceId() expression or an escaped identity key.
func TestExampleInput(t *testing.T) {
	g := exampleGraph(t)
	in := inputOf(t, g)
	ids := map[string]bool{}
	var endpoints, connections, subnets int
	for _, r := range in.Resources() {
		ids[strings.ToLower(r.ID)] = true
		if _, ok := g.Get(r.Address); ok {
			if want := check.ResourceID(g, r.Address); r.ID != want {
				t.Errorf("%s: ID %s; ResourceID says %s", r.Address, r.ID, want)
			}
		}
		switch {
		case r.Address.Type == "Microsoft.Network/privateEndpoints":
			var pe struct {
				Properties struct {
					Conns []json.RawMessage `json:"privateLinkServiceConnections"`
				} `json:"properties"`
			}
			if err := json.Unmarshal(r.Body, &pe); err != nil {
				t.Fatal(err)
			}
			endpoints += len(pe.Properties.Conns)
		case strings.HasSuffix(string(r.Address.Type), "/privateEndpointConnections"):
			connections++
		case r.Address.Type == "Microsoft.Network/virtualNetworks/subnets":
			subnets++
		}
		if s := string(r.Body); strings.Contains(s, "resourceId(") || strings.Contains(s, `"['`) {
			t.Errorf("%s: body holds an unresolved expression: %.200s", r.Address, s)
		}
	}
	if endpoints == 0 || connections != endpoints {
		t.Errorf("%d private endpoint connections derived for %d private link connections", connections, endpoints)
	}
	if subnets < 10 {
		t.Errorf("%d subnets presented; want every inline subnet", subnets)
	}
}

// TestSubnetIPConfigs checks that subnets list what is placed in them, as
// policies on subnet usage read.
func TestSubnetIPConfigs(t *testing.T) {
	in := inputOf(t, exampleGraph(t))
	for _, r := range in.Resources() {
		if r.Address.Type != "Microsoft.Network/virtualNetworks/subnets" || r.Address.Leaf() != "AzureFirewallSubnet" {
			continue
		}
		body, _ := in.Presented(r.Address)
		if !strings.Contains(string(body), "/Microsoft.Network/azureFirewalls/") {
			t.Errorf("%s does not list the firewall's IP configuration: %s", r.Address, body)
		}
		vnet, _ := in.Presented(r.Address.Parent())
		if !strings.Contains(string(vnet), "/Microsoft.Network/azureFirewalls/") {
			t.Errorf("%s does not list the firewall's IP configuration in its subnets", r.Address.Parent())
		}
		return
	}
	t.Fatalf("no AzureFirewallSubnet in the example")
}
