package compile

import (
	"testing"

	"github.com/enclave-dev/enclave/internal/spec"
)

// The address plan must size subnets from the same resolved values the
// builders deploy, defaults included.
func TestPlanSizesSubnetsFromResolvedServices(t *testing.T) {
	tests := []struct {
		name   string
		edit   func(d *spec.Document)
		subnet string
		want   int // prefix length
	}{
		{"AKS defaults: 3 nodes x 30 pods", func(d *spec.Document) { d.Services.Kubernetes = &spec.Kubernetes{} }, SubnetScoring, 24},
		{"AKS 10 nodes x 50 pods", func(d *spec.Document) {
			d.Services.Kubernetes = &spec.Kubernetes{NodeCount: 2, MaxNodes: 10, MaxPods: 50}
		}, SubnetScoring, 22},
		{"ML default cluster", func(d *spec.Document) {
			d.Services.MachineLearning = &spec.MachineLearning{}
			d.Team.Workstations.Kind = spec.WorkstationVM
		}, SubnetTraining, 26},
		{"ML cluster of 60 nodes", func(d *spec.Document) {
			d.Services.MachineLearning = &spec.MachineLearning{CPUCluster: &spec.Cluster{MaxNodes: 60}}
		}, SubnetTraining, 25},
	}
	for _, tt := range tests {
		plan, err := planAddresses(example(tt.edit))
		if err != nil {
			t.Fatalf("%s: planAddresses: %v", tt.name, err)
		}
		s, ok := plan.Subnet(tt.subnet)
		if !ok {
			t.Fatalf("%s: no %s subnet", tt.name, tt.subnet)
		}
		if got := s.Prefix.Bits(); got != tt.want {
			t.Errorf("%s: %s = %s (/%d); want /%d", tt.name, tt.subnet, s.Prefix, got, tt.want)
		}
	}
}
