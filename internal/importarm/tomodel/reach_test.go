package tomodel_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/enclave-dev/enclave/internal/reach"
	"github.com/enclave-dev/enclave/internal/spec"
)

// TestReachSameOnImportedExample proves the example's built-in intents on
// the compiled model and on the model imported from its rendered template:
// every verdict, path and deciding rule must agree.
func TestReachSameOnImportedExample(t *testing.T) {
	g, template := example(t)
	imported := importExample(t, template).Graph
	doc := spec.Example()
	answers := func(name string, n *reach.Network, err error) []reach.Result {
		t.Helper()
		if err != nil {
			t.Fatalf("reach.Build(%s): %v", name, err)
		}
		return n.Check(n.BuiltinIntents(doc))
	}
	o := reach.Options{OnPremPrefixes: doc.Network.OnPremises.AddressSpaces}
	n1, err1 := reach.Build(g, o)
	want := answers("compiled", n1, err1)
	n2, err2 := reach.Build(imported, o)
	got := answers("imported", n2, err2)
	if len(want) < 20 {
		t.Fatalf("the example proves %d built-in intent results; want the full set", len(want))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("reach on the imported example differs from reach on the spec (-spec +imported):\n%s", diff)
	}
}
