package reach

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The workstations reach exactly the hosts and service tags the firewall
// allows them, on the ports their NSG lets out: nothing else on the
// internet.
func TestWorkstationsInternetEgress(t *testing.T) {
	_, g := example(t)
	n, err := Build(g, Options{})
	if err != nil {
		t.Fatal(err)
	}
	eg := n.InternetEgress(n.SubnetNamed("snet-workstations"))
	var got []string
	for _, gr := range eg.Grants {
		for _, target := range gr.Targets {
			got = append(got, target+" "+gr.Ports)
		}
		if slices.Contains(gr.Targets, "*") || slices.Contains(gr.Targets, "Internet") {
			t.Errorf("grant %v opens the whole internet", gr)
		}
	}
	for _, want := range []string{"pypi.org tcp/443", "files.pythonhosted.org tcp/443", "*.anaconda.org tcp/443", "cran.r-project.org tcp/443",
		"archive.ubuntu.com tcp/80,443", "AzureActiveDirectory tcp/80,443", "AzureMachineLearning tcp/443"} {
		if !slices.Contains(got, want) {
			t.Errorf("InternetEgress(workstations) lacks %q; got %s", want, strings.Join(got, ", "))
		}
	}
	// The NSG lets out TCP 80 and 443 only: the ML rule's 8787 and 18881
	// and its UDP rule never see a packet from the workstations.
	for _, g := range got {
		if strings.Contains(g, "8787") || strings.Contains(g, "udp") {
			t.Errorf("InternetEgress(workstations) grants %q past an NSG that allows only tcp/80,443", g)
		}
	}
	// Integration is not an ML subnet: it reaches the packages, updates and
	// its integration-runtime hosts, and no Azure ML service tag.
	eg = n.InternetEgress(n.SubnetNamed("snet-integration"))
	var rules []string
	for _, gr := range eg.Grants {
		rules = append(rules, gr.By[strings.LastIndex(gr.By, " ")+1:])
	}
	want := []string{"guest-attestation", "ubuntu-updates", "windows-update", "entra-login", "monitor-agent", "shir", "preset-python", "preset-conda", "preset-r", "preset-ubuntu"}
	if diff := cmp.Diff(want, rules); diff != "" {
		t.Errorf("InternetEgress(integration) rules (-want +got):\n%s", diff)
	}
}
