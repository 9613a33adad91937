package cost

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/enclave-dev/enclave/internal/compile"
	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/spec"
)

func exampleGraph(t testing.TB) *model.Graph {
	t.Helper()
	res, ds, err := compile.Compile(spec.Example())
	if err != nil || ds.HasErrors() {
		t.Fatalf("Compile(example) = %v, %v", ds, err)
	}
	return res.Graph
}

// billable are the kinds that cost money by existing or by use.
var billable = map[model.Type]bool{
	model.TypeVirtualMachine: true, model.TypeAzureFirewall: true, model.TypePublicIPAddress: true,
	model.TypeVirtualNetworkGateway: true, model.TypeBastionHost: true, model.TypeDNSResolverInboundEndpoint: true,
	model.TypePrivateEndpoint: true, model.TypePrivateDNSZone: true, model.TypeContainerRegistry: true,
	model.TypeManagedCluster: true, model.TypeStorageAccount: true, model.TypeLogAnalyticsWorkspace: true,
	model.TypeAppServicePlan: true, model.TypeEventHubNamespace: true, model.TypeStreamAnalyticsCluster: true,
	model.TypeSynapseWorkspace: true, model.TypeDataFactory: true, model.TypeDatabricksWorkspace: true,
	model.TypeDefenderPlan: true,
}

func TestEstimateExampleCoversEveryBillableResource(t *testing.T) {
	g := exampleGraph(t)
	r := Estimate(g, Embedded(), DefaultAssumptions())
	covered := map[string]bool{}
	for _, l := range r.Lines {
		covered[l.Resource] = true
	}
	for _, u := range r.Unpriced {
		if !strings.HasPrefix(u.Why, "usage only") {
			t.Errorf("unpriced %s: %s; want a price for every billable resource of the example", u.Resource, u.Why)
		}
		covered[u.Resource] = true
	}
	n := 0
	for _, res := range g.Resources() {
		switch res := res.(type) {
		case *model.MLCompute:
			if res.Kind == model.MLComputeCluster && !covered[res.Name] {
				t.Errorf("no cost line for compute cluster %s", res.Name)
			}
		case *model.KeyVaultKey:
			if res.KeyType == model.KeyRSAHSM && !covered[res.Name] {
				t.Errorf("no cost line for HSM key %s", res.Name)
			}
		}
		if billable[res.Type()] {
			n++
			if !covered[name(res)] {
				t.Errorf("no cost line for %s", model.AddressOf(res))
			}
		}
	}
	if n < 40 {
		t.Errorf("example has %d billable resources; want the full environment", n)
	}
}

func TestEstimateTotalsAddUp(t *testing.T) {
	r := Estimate(exampleGraph(t), Embedded(), DefaultAssumptions())
	var sum int64
	for _, l := range r.Lines {
		if got := cents(l.Quantity * l.UnitPrice); abs(got-cents(l.Monthly)) > 1 {
			t.Errorf("%s %s: %v x %v = %v; want %v", l.Resource, l.Meter, l.Quantity, l.UnitPrice, l.Monthly, fromCents(got))
		}
		sum += cents(l.Monthly)
	}
	if fromCents(sum) != r.MonthlyTotal {
		t.Errorf("sum of lines = %v; MonthlyTotal = %v", fromCents(sum), r.MonthlyTotal)
	}
	if r.MonthlyTotal <= 0 {
		t.Errorf("MonthlyTotal = %v; want > 0", r.MonthlyTotal)
	}
}

func abs(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

func TestEstimateDeterministic(t *testing.T) {
	a, _ := json.Marshal(Estimate(exampleGraph(t), Embedded(), DefaultAssumptions()))
	b, _ := json.Marshal(Estimate(exampleGraph(t), Embedded(), DefaultAssumptions()))
	if string(a) != string(b) {
		t.Error("two estimates of the example differ")
	}
}

func TestEstimateSavingsAndOptions(t *testing.T) {
	r := Estimate(exampleGraph(t), Embedded(), DefaultAssumptions())
	var shutdown, zero int
	for _, s := range r.Savings {
		switch {
		case strings.HasPrefix(s.What, "auto-shutdown of "):
			shutdown++
		case strings.HasPrefix(s.What, "scale to zero of "):
			zero++
		}
		if s.Monthly <= 0 {
			t.Errorf("saving %q = %v; want > 0", s.What, s.Monthly)
		}
	}
	if shutdown != 7 || zero != 2 {
		t.Errorf("savings: %d auto-shutdown, %d scale-to-zero; want 7 and 2 (seven workstations, two clusters)", shutdown, zero)
	}
	got := map[string]bool{}
	for _, o := range r.Options {
		got[o.Choice+": "+o.Current+" -> "+o.Alternative] = true
	}
	for _, want := range []string{
		"firewall tier: Standard -> Basic",
		"firewall tier: Standard -> Premium",
		"VPN gateway SKU: VpnGw2AZ -> VpnGw1AZ",
		"VPN gateway SKU: VpnGw2AZ -> VpnGw3AZ",
		"workstation of ds1: Standard_NC4as_T4_v3 (GPU) -> Standard_D4s_v5 (CPU)",
	} {
		if !got[want] {
			t.Errorf("options lack %q; have %v", want, got)
		}
	}
}

func TestVMHours(t *testing.T) {
	tests := []struct {
		time string
		want float64
	}{
		{"1900", 11 * 22},
		{"1730", 9.5 * 22},
		{"0700", 0},
	}
	for _, tt := range tests {
		g := model.NewGraph("t", "eastus")
		vm := &model.VirtualMachine{Meta: model.Meta{Name: "vm", Group: "rg"}, Size: "Standard_D4s_v5", OS: model.OSLinux, OSDisk: model.OSDisk{SizeGB: 64, SKU: model.DiskPremiumSSD}}
		mustAdd(t, g, vm)
		mustAdd(t, g, &model.AutoShutdown{Meta: model.Meta{Name: "s", Group: "rg"}, Target: model.RefOf(vm), Time: tt.time, TimeZone: "UTC"})
		r := Estimate(g, Embedded(), DefaultAssumptions())
		want := []Line{
			{Resource: "vm", Meter: "vm/Standard_D4s_v5/Linux", Quantity: tt.want, Unit: "1 Hour", UnitPrice: 0.192, Monthly: fromCents(cents(tt.want * 0.192))},
			{Resource: "vm", Meter: "disk/Premium_LRS/P6", Quantity: 1, Unit: "1/Month", UnitPrice: 10.21, Monthly: 10.21},
		}
		if diff := cmp.Diff(want, r.Lines, cmp.Comparer(func(a, b Line) bool {
			return a.Resource == b.Resource && a.Meter == b.Meter && a.Quantity == b.Quantity && a.Monthly == b.Monthly && a.UnitPrice == b.UnitPrice
		})); diff != "" {
			t.Errorf("Estimate(shutdown %q) lines (-want +got):\n%s", tt.time, diff)
		}
	}
}

func TestUnknownMeterIsUnpriced(t *testing.T) {
	g := model.NewGraph("t", "eastus")
	mustAdd(t, g, &model.VirtualMachine{Meta: model.Meta{Name: "vm", Group: "rg"}, Size: "Standard_Q99", OS: model.OSLinux, OSDisk: model.OSDisk{SizeGB: 4000, SKU: model.DiskPremiumSSD}})
	r := Estimate(g, Embedded(), DefaultAssumptions())
	if len(r.Lines) != 0 || len(r.Unpriced) != 2 {
		t.Errorf("Estimate(unknown size and disk) = %d lines, unpriced %v; want 0 lines and two unpriced", len(r.Lines), r.Unpriced)
	}
}

func mustAdd(t *testing.T, g *model.Graph, r model.Resource) {
	t.Helper()
	if err := g.Add(r); err != nil {
		t.Fatal(err)
	}
}

func TestEmbeddedTable(t *testing.T) {
	for _, m := range Embedded().Meters() {
		if m.USD <= 0 || m.Date == "" || !strings.HasPrefix(m.Source, "https://") || m.Region == "" || m.Unit == "" || m.Checked == "" {
			t.Errorf("meter %s = %+v; want a price, date, source, region, unit and check note", m.ID, m)
		}
		if m.ServiceName == "" || m.ProductName == "" || m.MeterName == "" {
			t.Errorf("meter %s lacks the Retail Prices API names refresh needs", m.ID)
		}
	}
}

func TestOverrideAndCache(t *testing.T) {
	dir := t.TempDir()
	c := &Cache{Region: "australiaeast", Fetched: "2026-11-22", Meters: []Meter{
		{ID: "vm/Standard_D4s_v5/Linux", USD: 0.25, Region: "australiaeast", Unit: "1 Hour", Date: "2026-11-22", Source: RetailPricesURL},
		{ID: "not/in/table", USD: 9},
	}}
	data, err := c.Encode()
	if err != nil {
		t.Fatal(err)
	}
	if err := writeFileForTest(CachePath(dir, "australiaeast"), data); err != nil {
		t.Fatal(err)
	}
	tab, got, err := ForRegion(dir, "australiaeast")
	if err != nil || got == nil {
		t.Fatalf("ForRegion = %v, %v; want the cache", got, err)
	}
	m, _ := tab.Meter("vm/Standard_D4s_v5/Linux")
	if m.USD != 0.25 || m.VCPUs != 4 {
		t.Errorf("overridden meter = %+v; want 0.25 USD keeping 4 vCPUs", m)
	}
	if _, ok := tab.Meter("not/in/table"); ok {
		t.Error("Override added a meter the table does not know")
	}
	if _, c, err := ForRegion(dir, "westeurope"); c != nil || err != nil {
		t.Errorf("ForRegion(no cache) = %v, %v; want nil, nil", c, err)
	}
}

func BenchmarkEstimate(b *testing.B) {
	g := exampleGraph(b)
	t := Embedded()
	for b.Loop() {
		Estimate(g, t, DefaultAssumptions())
	}
}
