package tomodel_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/enclave-dev/enclave/internal/importarm"
	"github.com/enclave-dev/enclave/internal/importarm/tomodel"
)

// FuzzConvert: no template that evaluates makes the model step panic, and
// a failed conversion returns no result.
func FuzzConvert(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.json")
	for _, file := range files {
		if b, err := os.ReadFile(file); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`{"resources":[{"type":"Microsoft.Network/virtualNetworks","apiVersion":"1","name":"v","properties":{"subnets":[{"name":"a","properties":{"addressPrefix":7,"networkSecurityGroup":{"id":"/subscriptions"}}}]}}]}`))
	f.Add([]byte(`{"resources":[{"type":"Microsoft.Network/networkSecurityGroups/securityRules","apiVersion":"1","name":"n/r","properties":{"sourcePortRange":"9-1"}}]}`))
	reg := tomodel.NewRegistry()
	f.Fuzz(func(t *testing.T, src []byte) {
		ev, ds := importarm.Evaluate("f.json", src, nil, importarm.Options{MaxSteps: 20000})
		if ds.HasErrors() {
			return
		}
		res, ds := tomodel.Convert("f", ev, reg)
		if ds.HasErrors() && res != nil {
			t.Fatalf("Convert returned a result with errors: %s", ds.Error())
		}
		if res == nil {
			return
		}
		// Every resource Convert accepted also presents as a body.
		if _, err := tomodel.Bodies(ev, reg); err != nil {
			t.Fatalf("Convert accepted what Bodies rejects: %v", err)
		}
	})
}
