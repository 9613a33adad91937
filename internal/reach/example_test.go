package reach

import (
	"strings"
	"testing"

	"github.com/enclave-dev/enclave/internal/compile"
	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/spec"
)

// example compiles the built-in example.
func example(t testing.TB) (*spec.Document, *model.Graph) {
	t.Helper()
	doc := spec.Example()
	res, ds, err := compile.Compile(doc)
	if err != nil || ds.HasErrors() {
		t.Fatalf("Compile(example) = %v, %v", ds, err)
	}
	return doc, res.Graph
}

// exampleResults checks every intent of an example graph.
func exampleResults(t testing.TB, doc *spec.Document, g *model.Graph) []Result {
	t.Helper()
	n, err := Build(g, Options{})
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	in := n.BuiltinIntents(doc)
	sp, ds := n.SpecIntents(doc)
	if ds.HasErrors() {
		t.Fatalf("SpecIntents: %v", ds)
	}
	return n.Check(append(in, sp...))
}

func TestExampleIntentsHold(t *testing.T) {
	doc, g := example(t)
	rs := exampleResults(t, doc, g)
	if len(rs) < 40 {
		t.Errorf("example has %d intent results; want the full built-in set", len(rs))
	}
	for _, r := range rs {
		if testing.Verbose() {
			t.Logf("%s %s -> %s %s/%s expect %s: %s", r.Name, r.From, r.To, r.Protocol, r.Port, r.Expect, r.Verdict)
		}
		if !r.Holds {
			t.Errorf("intent %s (%s -> %s %s/%s) = %s; want %s", r.Name, r.From, r.To, r.Protocol, r.Port, r.Verdict, r.Expect)
			for _, h := range r.Path {
				t.Logf("    %s", h)
			}
		}
	}
}

// The integration runtime VM's install script downloads the runtime through
// a go.microsoft.com link that redirects to download.microsoft.com; both
// must pass the firewall from the integration subnet.
func TestIntegrationRuntimeInstallHosts(t *testing.T) {
	_, g := example(t)
	n, err := Build(g, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, host := range []string{"go.microsoft.com", "download.microsoft.com"} {
		tr := n.Trace(Flow{From: subnetEndpoint(n.SubnetNamed("snet-integration")), To: n.HostEndpoint(host), Proto: Point(protoTCP), Ports: Point(443)})
		if tr.Verdict != Allow {
			t.Errorf("Trace(snet-integration -> %s:443) = %s decided by %v; want allow", host, tr.Verdict, tr.DecidedBy)
		}
	}
}

// With ExpressRoute the on-premises prefixes are learned over BGP (the
// spec names them); every built-in intent still holds.
func TestExpressRouteExample(t *testing.T) {
	src := strings.Replace(string(spec.ExampleYAML()),
		"      type: vpn\n      peerAddress: 203.0.113.10\n      sharedKey: {parameter: vpnSharedKey}\n",
		"      type: expressroute\n      circuitId: /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/er/providers/Microsoft.Network/expressRouteCircuits/er1\n", 1)
	doc, ds := spec.Parse("er.yaml", []byte(src))
	if ds.HasErrors() {
		t.Fatalf("Parse: %v", ds)
	}
	res, ds, err := compile.Compile(doc)
	if err != nil || ds.HasErrors() {
		t.Fatalf("Compile: %v %v", ds, err)
	}
	if len(model.All[*model.LocalNetworkGateway](res.Graph)) != 0 {
		t.Fatal("the ExpressRoute example has a local network gateway; the test no longer covers BGP-learned prefixes")
	}
	n, err := Build(res.Graph, Options{OnPremPrefixes: doc.Network.OnPremises.AddressSpaces})
	if err != nil {
		t.Fatal(err)
	}
	sp, _ := n.SpecIntents(doc)
	rs := n.Check(append(n.BuiltinIntents(doc), sp...))
	for _, r := range Failed(rs) {
		t.Errorf("intent %s (%s -> %s) = %s; want %s: %v", r.Name, r.From, r.To, r.Verdict, r.Expect, r.DecidedBy)
	}
	var viaER bool
	for _, r := range rs {
		if r.Name == "datasource-edw-readers" && strings.Contains(strings.Join(r.DecidedBy, " "), "connection") {
			viaER = true
		}
	}
	if !viaER {
		t.Error("no data source result went through the ExpressRoute connection")
	}
}
