package terraform

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2/hclwrite"

	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/spec"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestGolden compares the rendered example with testdata/golden; run with
// -update to rewrite the files after a deliberate change.
func TestGolden(t *testing.T) {
	out, _ := renderExample(t)
	dir := filepath.Join("testdata", "golden")
	if *update {
		if err := os.RemoveAll(dir); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, f := range out.Files {
			if err := os.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/render/terraform -update to create it)", err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	var got []string
	for _, f := range out.Files {
		got = append(got, f.Name)
		want, err := os.ReadFile(filepath.Join(dir, f.Name))
		if err != nil {
			t.Errorf("%v (rerun with -update if intended)", err)
			continue
		}
		if diff := cmp.Diff(string(want), string(f.Data)); diff != "" {
			t.Errorf("Render(example) %s differs from the golden file (-want +got; rerun with -update if intended):\n%s", f.Name, diff)
		}
	}
	if diff := cmp.Diff(names, got); diff != "" {
		t.Errorf("Render(example) files differ from testdata/golden (-want +got):\n%s", diff)
	}
}

// TestDeterministic renders the example several times, each from a fresh
// compile, and requires byte-identical files.
func TestDeterministic(t *testing.T) {
	fresh := func() Output {
		g, err := compileSpec(spec.Example())
		if err != nil {
			t.Fatal(err)
		}
		out, _ := renderGraph(t, g)
		return out
	}
	first := fresh()
	for range 2 {
		again := fresh()
		if len(again.Files) != len(first.Files) {
			t.Fatalf("Render(example) wrote %d files, then %d", len(first.Files), len(again.Files))
		}
		for i, f := range first.Files {
			if g := again.Files[i]; g.Name != f.Name || !bytes.Equal(g.Data, f.Data) {
				t.Fatalf("Render(example) %s differs between runs:\n%s", f.Name, cmp.Diff(string(f.Data), string(g.Data)))
			}
		}
	}
}

// TestFormatted requires every file to be what terraform fmt (hclwrite's
// formatter) leaves unchanged, and to parse.
func TestFormatted(t *testing.T) {
	out, _ := renderExample(t)
	for _, f := range out.Files {
		if got := hclwrite.Format(f.Data); !bytes.Equal(got, f.Data) {
			t.Errorf("%s is not formatted:\n%s", f.Name, cmp.Diff(string(f.Data), string(got)))
		}
	}
	parsed(t, out) // fails t when a file does not parse
}

// TestFiles checks the fixed files and that every capability goes to its
// own file.
func TestFiles(t *testing.T) {
	out, g := renderExample(t)
	var names []string
	for _, f := range out.Files {
		names = append(names, f.Name)
	}
	for _, want := range []string{"main.tf", "network.tf", "egress.tf", "onprem.tf", "dns.tf", "identity.tf", "outputs.tf", "variables.tf", "versions.tf"} {
		if !slices.Contains(names, want) {
			t.Errorf("Render(example) files = %v; want %s among them", names, want)
		}
	}
	versions := string(fileNamed(out, "versions.tf"))
	for _, want := range []string{`source  = "hashicorp/azurerm"`, `version = "~> 4.0"`, "storage_use_azuread = true", "features {"} {
		if !strings.Contains(versions, want) {
			t.Errorf("versions.tf lacks %q:\n%s", want, versions)
		}
	}
	azapi := false
	for _, m := range out.Index {
		azapi = azapi || m.AzAPI
	}
	if got := strings.Contains(versions, "Azure/azapi"); got != azapi {
		t.Errorf("versions.tf requires azapi = %v; some resource uses azapi = %v", got, azapi)
	}
	// Every block of a model resource is in the file of its capability.
	where := map[string]string{}
	for _, f := range out.Files {
		for _, b := range resourceBlocks(t, out, f) {
			where[b] = f.Name
		}
	}
	for _, m := range out.Index {
		r, _ := g.Get(m.Model)
		for _, b := range m.Blocks {
			if want := fileFor(r.Base().Capability); where[b] != want {
				t.Errorf("%s (of %s, capability %q) is in %s; want %s", b, m.Model, r.Base().Capability, where[b], want)
			}
		}
	}
}

func resourceBlocks(t testing.TB, out Output, f File) []string {
	t.Helper()
	var names []string
	for _, b := range parsed(t, out)[f.Name].Blocks {
		if b.Type == "resource" {
			names = append(names, b.Labels[0]+"."+b.Labels[1])
		}
	}
	return names
}

// TestReferencesNotIDs: resources refer to each other by expressions,
// never by literal resource IDs, and resource groups and locations are
// references or variables.
func TestReferencesNotIDs(t *testing.T) {
	out, _ := renderExample(t)
	// A subscription GUID after /subscriptions/ is a resource ID; policy
	// rules' wildcard patterns ("/subscriptions/*/...") are not.
	literalID := regexp.MustCompile(`/subscriptions/[0-9a-fA-F]{8}-`)
	literalRG := regexp.MustCompile(`^\s*(resource_group_name|location)\s*=\s*"`)
	for _, f := range out.Files {
		for i, line := range strings.Split(string(f.Data), "\n") {
			if literalID.MatchString(line) {
				t.Errorf("%s:%d holds a literal resource ID: %s", f.Name, i+1, line)
			}
			if literalRG.MatchString(line) && !strings.Contains(line, `"global"`) {
				t.Errorf("%s:%d spells a group or location literally: %s", f.Name, i+1, line)
			}
		}
	}
}

// TestSecrets: the VPN key is a sensitive variable with no default, and no
// output refers to it.
func TestSecrets(t *testing.T) {
	out, _ := renderExample(t)
	vars := string(fileNamed(out, "variables.tf"))
	block := regexp.MustCompile(`(?s)variable "vpn_shared_key" \{(.*?)\n\}`).FindStringSubmatch(vars)
	if block == nil {
		t.Fatalf("variables.tf declares no vpn_shared_key:\n%s", vars)
	}
	if !strings.Contains(block[1], "sensitive   = true") || strings.Contains(block[1], "default") {
		t.Errorf("vpn_shared_key = %s; want sensitive with no default", block[1])
	}
	if o := string(fileNamed(out, "outputs.tf")); strings.Contains(o, "vpn_shared_key") {
		t.Errorf("outputs.tf refers to the VPN key:\n%s", o)
	}
	if !strings.Contains(string(fileNamed(out, "onprem.tf")), "shared_key                 = var.vpn_shared_key") {
		t.Errorf("onprem.tf does not take the shared key from var.vpn_shared_key")
	}
}

// TestDependsOn: explicit model dependencies no reference expresses
// become depends_on; a reference makes one unnecessary.
func TestDependsOn(t *testing.T) {
	out, g := renderExample(t)
	all := ""
	for _, f := range out.Files {
		all += string(f.Data)
	}
	n := 0
	for _, r := range g.Resources() {
		if len(r.Base().DependsOn) > 0 {
			n++
		}
	}
	if n == 0 {
		t.Fatal("the example has no explicit dependencies to test")
	}
	for _, want := range []string{
		// The firewall waits for the last rule collection group, which no
		// attribute of the firewall names.
		`(?s)resource "azurerm_firewall" "afw" \{[^}]*?(\{[^}]*\}[^}]*?)*depends_on\s*= \[azurerm_firewall_policy_rule_collection_group\.afwp_rcg_`,
		// The spoke's peering uses the hub's gateway.
		`(?s)resource "azurerm_virtual_network_peering" "spoke_peer_spoke_to_hub" \{[^}]*depends_on\s*= \[azurerm_virtual_network_gateway\.`,
	} {
		if !regexp.MustCompile(want).MatchString(all) {
			t.Errorf("rendering lacks %s", want)
		}
	}
}

// TestParity walks the model: every resource has a block standing for it,
// or is folded into another's block or done with azapi for a stated reason;
// every resource block written belongs to one model resource.
func TestParity(t *testing.T) {
	out, g := renderExample(t)
	index := map[model.Address]Mapping{}
	owner := map[string]model.Address{}
	for _, m := range out.Index {
		index[m.Model] = m
		for _, b := range m.Blocks {
			if prev, dup := owner[b]; dup {
				t.Errorf("%s written for both %s and %s", b, prev, m.Model)
			}
			owner[b] = m.Model
		}
	}
	folds, azapi := 0, 0
	for _, r := range g.Resources() {
		a := model.AddressOf(r)
		m, ok := index[a]
		switch {
		case !ok || m.Stands == "":
			t.Errorf("%s has no Terraform block", a)
		case !m.FoldedInto.IsZero():
			folds++
			if m.Reason == "" || len(m.Blocks) > 0 {
				t.Errorf("%s folded into %s with reason %q and blocks %v; want a reason and no blocks", a, m.FoldedInto, m.Reason, m.Blocks)
			}
			if index[m.FoldedInto].Stands != m.Stands {
				t.Errorf("%s stands as %s; the resource it is folded into as %s", a, m.Stands, index[m.FoldedInto].Stands)
			}
		case m.AzAPI:
			azapi++
			if m.Reason == "" {
				t.Errorf("%s uses azapi without a reason", a)
			}
		}
	}
	written := 0
	for _, f := range out.Files {
		for _, b := range resourceBlocks(t, out, f) {
			written++
			if _, ok := owner[b]; !ok {
				t.Errorf("%s (%s) belongs to no model resource", b, f.Name)
			}
		}
	}
	t.Logf("%d model resources: %d Terraform resource blocks, %d folded, %d azapi", g.Len(), written, folds, azapi)
}

// TestEveryKindHasConverter: every kind of the example and of every spec
// variation has a converter.
func TestEveryKindHasConverter(t *testing.T) {
	rd := New()
	graphs := []*model.Graph{exampleGraph(t)}
	for _, g := range variantGraphs(t) {
		graphs = append(graphs, g)
	}
	seen := map[model.Type]bool{}
	for _, g := range graphs {
		for _, k := range rd.Missing(g) {
			if !seen[k] {
				seen[k] = true
				t.Errorf("no Terraform converter for %s", k)
			}
		}
	}
}

func TestRenderFailsOnMissingKinds(t *testing.T) {
	g := exampleGraph(t)
	rd := &Renderer{kinds: table{}}
	_, err := rd.Render(g)
	var me *MissingError
	if !errors.As(err, &me) {
		t.Fatalf("Render with no converters = %v; want a *MissingError", err)
	}
	if len(me.Types) != len(rd.Missing(g)) || len(me.Types) == 0 {
		t.Errorf("MissingError.Types = %v; want every kind of the graph", me.Types)
	}
}

func BenchmarkRenderTerraform(b *testing.B) {
	rd := New()
	g := exampleGraph(b)
	b.ResetTimer()
	for b.Loop() {
		if _, err := rd.Render(g); err != nil {
			b.Fatal(err)
		}
	}
}
