package tomodel_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/enclave-dev/enclave/internal/importarm"
	"github.com/enclave-dev/enclave/internal/importarm/tomodel"
	"github.com/enclave-dev/enclave/internal/model"
)

// convertOne evaluates a template holding the one resource decl and
// converts it.
func convertOne(t *testing.T, decl string) (*tomodel.Result, string) {
	t.Helper()
	src := fmt.Sprintf(`{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
 "contentVersion": "1.0.0.0",
 "parameters": {"key": {"type": "string", "defaultValue": "ssh-ed25519 AAAA"}},
 "resources": [%s]}`, decl)
	ev, ds := importarm.Evaluate("t.json", []byte(src), nil, importarm.Options{ResourceGroup: "rg-lab"})
	if ds.HasErrors() {
		t.Fatalf("Evaluate:\n%s", ds.Error())
	}
	res, ds := tomodel.Convert("lab", ev, tomodel.NewRegistry())
	if ds.HasErrors() {
		return nil, ds.Error()
	}
	return res, ""
}

// TestConvertTypedFallbacks checks what the importer keeps opaque, or
// refuses, because the model cannot hold it.
func TestConvertTypedFallbacks(t *testing.T) {
	tests := []struct {
		name string
		decl string
		// opaque is the type kept opaque; err a fragment of the error.
		opaque model.Type
		err    string
	}{
		{name: "free Defender plan", opaque: model.TypeDefenderPlan,
			decl: `{"type": "Microsoft.Security/pricings", "apiVersion": "2024-01-01", "name": "VirtualMachines", "properties": {"pricingTier": "Free"}}`},
		{name: "disabled shutdown schedule", opaque: model.TypeAutoShutdown,
			decl: `{"type": "Microsoft.DevTestLab/schedules", "apiVersion": "2018-09-15", "name": "shutdown-computevm-vm1", "location": "westeurope", "properties": {"status": "Disabled", "taskType": "ComputeVmShutdownTask"}}`},
		{name: "extension enclave does not install", opaque: model.TypeVMExtension,
			decl: `{"type": "Microsoft.Compute/virtualMachines/extensions", "apiVersion": "2024-07-01", "name": "vm1/script", "location": "westeurope", "properties": {"publisher": "Microsoft.Azure.Extensions", "type": "CustomScript", "typeHandlerVersion": "2.1"}}`},
		{name: "custom script enclave did not write", opaque: model.TypeVMExtension,
			decl: `{"type": "Microsoft.Compute/virtualMachines/extensions", "apiVersion": "2024-07-01", "name": "vm1/script", "location": "westeurope", "properties": {"publisher": "Microsoft.Compute", "type": "CustomScriptExtension", "typeHandlerVersion": "1.10", "protectedSettings": {"commandToExecute": "[concat('powershell.exe -Command hostname', '')]"}}}`},
		{name: "quarterly budget", opaque: model.TypeBudget,
			decl: `{"type": "Microsoft.Consumption/budgets", "apiVersion": "2024-08-01", "name": "b", "properties": {"category": "Cost", "amount": 5, "timeGrain": "Quarterly", "timePeriod": {"startDate": "2026-01-01"}}}`},
		{name: "assignment with a numeric parameter", opaque: model.TypePolicyAssignment,
			decl: `{"type": "Microsoft.Authorization/policyAssignments", "apiVersion": "2025-11-01", "name": "pa", "properties": {"policyDefinitionId": "/providers/Microsoft.Authorization/policyDefinitions/00000000-0000-0000-0000-000000000001", "parameters": {"maxDays": {"value": 30}}}}`},
		{name: "SSH key written as a value", err: "is not written as a deployment parameter",
			decl: `{"type": "Microsoft.Compute/virtualMachines", "apiVersion": "2025-04-01", "name": "vm1", "location": "westeurope", "properties": {"storageProfile": {"osDisk": {"osType": "Linux"}}, "osProfile": {"adminUsername": "azureuser", "linuxConfiguration": {"ssh": {"publicKeys": [{"path": "/home/azureuser/.ssh/authorized_keys", "keyData": "ssh-ed25519 AAAA"}]}}}}}`},
		{name: "alert window in seconds", err: "is not a duration in minutes or hours",
			decl: `{"type": "Microsoft.Insights/metricAlerts", "apiVersion": "2026-01-01", "name": "a", "location": "global", "properties": {"severity": 2, "windowSize": "PT30S", "evaluationFrequency": "PT1M", "scopes": []}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, errs := convertOne(t, tt.decl)
			if tt.err != "" {
				if !strings.Contains(errs, tt.err) {
					t.Errorf("Convert errors = %q; want one containing %q", errs, tt.err)
				}
				return
			}
			if errs != "" {
				t.Fatalf("Convert: %s", errs)
			}
			if got := res.Opaque[tt.opaque]; got != 1 {
				t.Errorf("Opaque[%s] = %d; want 1 (opaque: %v)", tt.opaque, got, res.Opaque)
			}
		})
	}
}

// TestConvertVMParameter checks a Linux VM's SSH key is read as the
// parameter it is written as, not as its value.
func TestConvertVMParameter(t *testing.T) {
	res, errs := convertOne(t, `{"type": "Microsoft.Compute/virtualMachines", "apiVersion": "2025-04-01", "name": "vm1", "location": "westeurope", "properties": {"storageProfile": {"osDisk": {"osType": "Linux"}}, "osProfile": {"adminUsername": "azureuser", "linuxConfiguration": {"ssh": {"publicKeys": [{"path": "/home/azureuser/.ssh/authorized_keys", "keyData": "[parameters('key')]"}]}}}}}`)
	if errs != "" {
		t.Fatalf("Convert: %s", errs)
	}
	vms := model.All[*model.VirtualMachine](res.Graph)
	if len(vms) != 1 || vms[0].SSHPublicKeyParameter != "key" {
		t.Errorf("VMs = %+v; want one reading its key from parameter key", vms)
	}
}
