package compile

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/spec"
)

// The JSON Schema (and so the README's spec reference) states the defaults
// compile applies; this keeps the two from drifting apart.
func TestSchemaDefaultsAreCompileDefaults(t *testing.T) {
	want := map[string]any{
		"AppService.sku":                     defaultPlanSKU,
		"Cluster.maxNodes":                   defaultClusterNodes,
		"DataFactory.integrationRuntimeSize": defaultIRSize,
		"Kubernetes.nodeSize":                defaultNodeSize,
		"Kubernetes.nodeCount":               defaultNodeCount,
		"Kubernetes.maxPods":                 defaultMaxPods,
		"Monitoring.retentionDays":           defaultRetentionDays,
		"Network.firewallTier":               string(model.FirewallStandard),
		"StreamAnalytics.streamingUnits":     defaultStreamingUnits,
		"WorkstationDefaults.kind":           string(spec.WorkstationVM),
		"WorkstationDefaults.size":           defaultWorkstationSize,
		"WorkstationDefaults.os":             "ubuntu",
		"WorkstationDefaults.autoShutdown":   defaultShutdown,
		"WorkstationDefaults.timeZone":       defaultTimeZone,
		"WorkstationDefaults.diskSizeGB":     defaultOSDiskGB,
	}
	src, err := spec.JSONSchema()
	if err != nil {
		t.Fatal(err)
	}
	var schema struct {
		Defs map[string]struct {
			Properties map[string]struct {
				Default any `json:"default"`
			} `json:"properties"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(src, &schema); err != nil {
		t.Fatal(err)
	}
	got := map[string]any{}
	for def, d := range schema.Defs {
		for prop, p := range d.Properties {
			if p.Default != nil {
				got[def+"."+prop] = fmt.Sprint(p.Default)
			}
		}
	}
	wantStr := map[string]any{}
	for k, v := range want {
		wantStr[k] = fmt.Sprint(v)
	}
	if diff := cmp.Diff(wantStr, got); diff != "" {
		t.Errorf("schema defaults (-compile +schema):\n%s", diff)
	}
	d := spec.Example()
	d.Team.Workstations.OS = ""
	if got := workstationOS(d); got != model.OSLinux {
		t.Errorf("workstationOS(no os) = %s; want %s (ubuntu)", got, model.OSLinux)
	}
}
