package deploy_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/enclave-dev/enclave/internal/deploy"
	"github.com/enclave-dev/enclave/internal/deploy/deploytest"
)

// driftTemplate holds, in rg-kd-data and rg-kd-network: a storage account
// with public access disabled, its lock, an NSG with one inbound rule and
// a route table.
const driftTemplate = `{"resources":[
 {"type":"Microsoft.Resources/resourceGroups","apiVersion":"2025-04-01","name":"rg-kd-data","location":"australiaeast"},
 {"type":"Microsoft.Resources/resourceGroups","apiVersion":"2025-04-01","name":"rg-kd-network","location":"australiaeast"},
 {"type":"Microsoft.Resources/deployments","apiVersion":"2025-04-01","name":"enclave-rg-kd-data-0","resourceGroup":"rg-kd-data","properties":{"mode":"Incremental","template":{"resources":[
  {"type":"Microsoft.Storage/storageAccounts","apiVersion":"2026-04-01","name":"stkddata","properties":{"publicNetworkAccess":"Disabled","allowSharedKeyAccess":false,"minimumTlsVersion":"TLS1_2","networkAcls":{"defaultAction":"Deny"}}},
  {"type":"Microsoft.Authorization/locks","apiVersion":"2020-05-01","name":"keep-stkddata","scope":"[resourceId('Microsoft.Storage/storageAccounts', 'stkddata')]","properties":{"level":"CanNotDelete"}}
 ]}}},
 {"type":"Microsoft.Resources/deployments","apiVersion":"2025-04-01","name":"enclave-rg-kd-network-0","resourceGroup":"rg-kd-network","properties":{"mode":"Incremental","template":{"resources":[
  {"type":"Microsoft.Network/networkSecurityGroups","apiVersion":"2025-07-01","name":"nsg-kd-work","properties":{"securityRules":[
   {"name":"allow-bastion-in","properties":{"priority":100,"direction":"Inbound","access":"Allow","protocol":"Tcp","sourceAddressPrefix":"10.60.0.64/26","destinationAddressPrefix":"10.60.5.0/26","destinationPortRanges":["22","3389"]}},
   {"name":"deny-all-in","properties":{"priority":4096,"direction":"Inbound","access":"Deny","protocol":"*","sourceAddressPrefix":"*","destinationAddressPrefix":"*","destinationPortRange":"*"}}]}},
  {"type":"Microsoft.Network/routeTables","apiVersion":"2025-07-01","name":"rt-kd-work","properties":{"disableBgpRoutePropagation":true,"routes":[{"name":"internet-via-firewall","properties":{"addressPrefix":"0.0.0.0/0","nextHopType":"VirtualAppliance","nextHopIpAddress":"10.60.0.4"}}]}}
 ]}}}
]}`

func TestDrift(t *testing.T) {
	rt := sub + "/resourceGroups/rg-kd-network/providers/Microsoft.Network/routeTables/rt-kd-work"
	s := &deploytest.Scenario{Live: []deploytest.LiveResource{
		{ID: storage, Properties: json.RawMessage(`{"publicNetworkAccess":"Enabled","allowSharedKeyAccess":false,"minimumTlsVersion":"TLS1_2","networkAcls":{"defaultAction":"Deny"}}`)},
		{ID: storage + "/providers/Microsoft.Authorization/locks/keep-stkddata", Properties: json.RawMessage(`{"level":"CanNotDelete"}`)},
		{ID: nsg, Properties: json.RawMessage(`{"securityRules":[
			{"name":"allow-bastion-in","properties":{"priority":100,"direction":"Inbound","access":"Allow","protocol":"TCP","sourceAddressPrefix":"10.60.0.64/26","destinationAddressPrefix":"10.60.5.0/26","destinationPortRanges":["3389","22"]}},
			{"name":"allow-rdp-from-anywhere","properties":{"priority":110,"direction":"Inbound","access":"Allow","protocol":"Tcp","sourceAddressPrefix":"*","destinationAddressPrefix":"*","destinationPortRange":"3389"}},
			{"name":"deny-all-in","properties":{"priority":4096,"direction":"Inbound","access":"Deny","protocol":"*","sourceAddressPrefix":"*","destinationAddressPrefix":"*","destinationPortRange":"*"}}]}`)},
		{ID: rt, Properties: json.RawMessage(`{"disableBgpRoutePropagation":true,"routes":[{"name":"internet-via-firewall","properties":{"addressPrefix":"0.0.0.0/0","nextHopType":"VirtualAppliance","nextHopIpAddress":"10.60.0.4"}}]}`)},
		{ID: sub + "/resourceGroups/rg-kd-data/providers/Microsoft.Network/networkInterfaces/pe-stkddata-blob.nic.7d4c2a4e-1b7a-4c3e-9f0e-2b8d6f1a9c11"},
		{ID: sub + "/resourceGroups/rg-kd-network/providers/Microsoft.Network/publicIPAddresses/pip-debug"},
	}}
	f := deploytest.New(s)
	tmpl := deploy.Template{Env: "kd", Location: "australiaeast", Body: []byte(driftTemplate)}
	rep, err := deploy.Drift(context.Background(), f.Clients, tmpl)
	if err != nil {
		t.Fatalf("Drift: %v", err)
	}
	type row struct{ Kind, Resource, Property, Want, Live string }
	var got []row
	for _, fd := range rep.Findings {
		got = append(got, row{string(fd.Kind), fd.Resource.Name, fd.Property, fd.Want, fd.Live})
	}
	want := []row{
		{"changed", "stkddata", "properties.publicNetworkAccess", "Disabled", "Enabled"},
		{"extra", "nsg-kd-work", "properties.securityRules[allow-rdp-from-anywhere]", "", "access=Allow direction=Inbound priority=110 protocol=Tcp sourceAddressPrefix=* destinationAddressPrefix=* destinationPortRange=3389"},
		{"extra", "pip-debug", "", "", ""},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Drift findings (-want +got):\n%s", diff)
	}
	if !rep.Drifted() || rep.Checked != 4 {
		t.Errorf("Drifted() = %v, Checked = %d; want true, 4", rep.Drifted(), rep.Checked)
	}
	if diff := cmp.Diff([]string{"rg-kd-data", "rg-kd-network"}, rep.Groups); diff != "" {
		t.Errorf("Groups (-want +got):\n%s", diff)
	}
}

func TestDriftMissingLockAndRoute(t *testing.T) {
	rt := sub + "/resourceGroups/rg-kd-network/providers/Microsoft.Network/routeTables/rt-kd-work"
	s := &deploytest.Scenario{Live: []deploytest.LiveResource{
		{ID: storage, Properties: json.RawMessage(`{"publicNetworkAccess":"Disabled","allowSharedKeyAccess":false,"minimumTlsVersion":"TLS1_2","networkAcls":{"defaultAction":"Deny"}}`)},
		{ID: rt, Properties: json.RawMessage(`{"disableBgpRoutePropagation":false,"routes":[]}`)},
	}}
	f := deploytest.New(s)
	rep, err := deploy.Drift(context.Background(), f.Clients, deploy.Template{Env: "kd", Body: []byte(driftTemplate)})
	if err != nil {
		t.Fatalf("Drift: %v", err)
	}
	var got []string
	for _, fd := range rep.Findings {
		got = append(got, string(fd.Kind)+" "+fd.Resource.Type+" "+fd.Resource.Name+" "+fd.Property)
	}
	want := []string{
		"missing Microsoft.Authorization/locks keep-stkddata ",
		"missing Microsoft.Network/networkSecurityGroups nsg-kd-work ",
		"changed Microsoft.Network/routeTables rt-kd-work properties.disableBgpRoutePropagation",
		"missing Microsoft.Network/routeTables rt-kd-work properties.routes[internet-via-firewall]",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Drift findings (-want +got):\n%s", diff)
	}
}

func TestDriftFirewallRulesAndRoleAssignments(t *testing.T) {
	const tmpl = `{"resources":[
 {"type":"Microsoft.Resources/resourceGroups","apiVersion":"2025-04-01","name":"rg-kd-network","location":"australiaeast"},
 {"type":"Microsoft.Authorization/roleAssignments","apiVersion":"2022-04-01","name":"0b5c6f6e-7e0a-5c1e-9d7a-3c2b1a0f9e8d","properties":{"roleDefinitionId":"[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'acdd72a7-3385-48ef-bd42-f606fba81ae7')]","principalId":"11111111-2222-3333-4444-555555555555"}},
 {"type":"Microsoft.Resources/deployments","apiVersion":"2025-04-01","name":"enclave-rg-kd-network-0","resourceGroup":"rg-kd-network","properties":{"mode":"Incremental","template":{"resources":[
  {"type":"Microsoft.Network/firewallPolicies/ruleCollectionGroups","apiVersion":"2025-07-01","name":"afwp-kd/rcg-packages","properties":{"priority":300,"ruleCollections":[
   {"name":"python","priority":100,"action":{"type":"Allow"},"rules":[{"ruleType":"ApplicationRule","name":"pypi","sourceAddresses":["10.60.5.0/26"],"targetFqdns":["pypi.org","files.pythonhosted.org"]}]}]}}
 ]}}}
]}`
	rcg := sub + "/resourceGroups/rg-kd-network/providers/Microsoft.Network/firewallPolicies/afwp-kd/ruleCollectionGroups/rcg-packages"
	s := &deploytest.Scenario{Live: []deploytest.LiveResource{
		{ID: rcg, Properties: json.RawMessage(`{"ruleCollections":[
			{"name":"python","rules":[{"ruleType":"ApplicationRule","name":"pypi","sourceAddresses":["10.60.5.0/26"],"targetFqdns":["files.pythonhosted.org","pypi.org","*"]},
			                          {"ruleType":"ApplicationRule","name":"anything","sourceAddresses":["*"],"targetFqdns":["*"]}]}]}`)},
	}}
	f := deploytest.New(s)
	rep, err := deploy.Drift(context.Background(), f.Clients, deploy.Template{Env: "kd", Body: []byte(tmpl)})
	if err != nil {
		t.Fatalf("Drift: %v", err)
	}
	var got []string
	for _, fd := range rep.Findings {
		got = append(got, string(fd.Kind)+" "+fd.Resource.Name+" "+fd.Property+" "+fd.Live)
	}
	want := []string{
		"missing 0b5c6f6e-7e0a-5c1e-9d7a-3c2b1a0f9e8d  ",
		"extra afwp-kd/rcg-packages properties.ruleCollections[python/anything] sourceAddresses=[\"*\"] targetFqdns=[\"*\"]",
		`changed afwp-kd/rcg-packages properties.ruleCollections[python/pypi].targetFqdns ["files.pythonhosted.org","pypi.org","*"]`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Drift findings (-want +got):\n%s", diff)
	}
}
