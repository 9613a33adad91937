package cost

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/enclave-dev/enclave/internal/model"
)

// Assumptions are the usage figures an estimate rests on; every one appears
// in the report with why it was chosen.
type Assumptions struct {
	// HoursPerMonth is Azure's billing month (730 hours).
	HoursPerMonth float64
	// WorkdayStart is the hour people start their workstations;
	// WorkdaysPerMonth how many days they do.
	WorkdayStart     int
	WorkdaysPerMonth int
	// ClusterNodeHours is how many node-hours each ML compute cluster runs.
	ClusterNodeHours float64
	FirewallGB       float64
	LogGB            float64
	DataLakeGB       float64
	StorageGB        float64
	SynapseTB        float64
	PipelineRuns     float64
	MovementHours    float64
}

// DefaultAssumptions are the figures enclave estimates with.
func DefaultAssumptions() Assumptions {
	return Assumptions{
		HoursPerMonth:    730,
		WorkdayStart:     8,
		WorkdaysPerMonth: 22,
		ClusterNodeHours: 40,
		FirewallGB:       100,
		LogGB:            30,
		DataLakeGB:       1024,
		StorageGB:        100,
		SynapseTB:        1,
		PipelineRuns:     1000,
		MovementHours:    30,
	}
}

// Line is one meter of one resource.
type Line struct {
	Resource  string  `json:"resource"`
	Meter     string  `json:"meter"`
	Quantity  float64 `json:"quantity"`
	Unit      string  `json:"unit"`
	UnitPrice float64 `json:"unitPrice"`
	Monthly   float64 `json:"monthly"`
	// Basis says where the quantity comes from.
	Basis string `json:"basis"`
	cents int64
}

// Assumption is one usage figure the estimate rests on.
type Assumption struct {
	Name  string `json:"name"`
	Value string `json:"value"`
	Why   string `json:"why"`
}

// Saving is money a setting in the model saves compared with not having it.
type Saving struct {
	What    string  `json:"what"`
	Monthly float64 `json:"monthly"`
	Basis   string  `json:"basis"`
}

// Option is what an alternative choice would change the monthly total by.
type Option struct {
	Choice       string  `json:"choice"`
	Current      string  `json:"current"`
	Alternative  string  `json:"alternative"`
	MonthlyDelta float64 `json:"monthlyDelta"`
	Note         string  `json:"note,omitempty"`
}

// Unpriced is a resource the estimate holds no fixed monthly figure for.
type Unpriced struct {
	Resource string `json:"resource"`
	Why      string `json:"why"`
}

// Report is a monthly estimate.
type Report struct {
	Currency     string       `json:"currency"`
	MonthlyTotal float64      `json:"monthlyTotal"`
	Region       string       `json:"region"`
	PriceRegions []string     `json:"priceRegions"`
	Lines        []Line       `json:"lines"`
	Assumptions  []Assumption `json:"assumptions"`
	Savings      []Saving     `json:"savings"`
	Options      []Option     `json:"options"`
	Unpriced     []Unpriced   `json:"unpriced"`
	Prices       []Meter      `json:"prices"`
}

// estimator holds what the per-kind functions share.
type estimator struct {
	g        *model.Graph
	rs       []model.Resource
	t        *Table
	a        Assumptions
	r        *Report
	used     map[string]Meter
	shutdown map[model.Address]*model.AutoShutdown
}

// Estimate prices every billable resource of g.
func Estimate(g *model.Graph, t *Table, a Assumptions) *Report {
	e := &estimator{g: g, rs: g.Resources(), t: t, a: a, r: &Report{Currency: "USD", Region: g.Location}, used: map[string]Meter{}, shutdown: map[model.Address]*model.AutoShutdown{}}
	for _, s := range all[*model.AutoShutdown](e.rs) {
		e.shutdown[s.Target.Address] = s
	}
	for _, r := range e.rs {
		e.resource(r)
	}
	e.assumptions()
	e.options()
	var total int64
	for _, l := range e.r.Lines {
		total += l.cents
	}
	e.r.MonthlyTotal = fromCents(total)
	regions := map[string]bool{}
	for _, id := range sortedKeys(e.used) {
		m := e.used[id]
		e.r.Prices = append(e.r.Prices, m)
		regions[m.Region] = true
	}
	e.r.PriceRegions = sortedKeys(regions)
	return e.r
}

// resource adds the lines of one resource; kinds that cost nothing by
// themselves (networks, NSGs, route tables, role assignments, policies,
// diagnostic settings, budgets) add none.
func (e *estimator) resource(r model.Resource) {
	switch r := r.(type) {
	case *model.VirtualMachine:
		e.vm(r)
	case *model.AzureFirewall:
		e.firewall(r)
	case *model.PublicIPAddress:
		e.add(r, "publicip/"+r.SKU, e.a.HoursPerMonth, "always allocated")
	case *model.VirtualNetworkGateway:
		e.gateway(r)
	case *model.BastionHost:
		e.bastion(r)
	case *model.DNSResolverInboundEndpoint:
		e.add(r, "dns/resolver/inbound", 1, "one inbound endpoint")
	case *model.PrivateEndpoint:
		e.add(r, "privatelink/endpoint", e.a.HoursPerMonth, "always on; data processed not counted")
	case *model.PrivateDNSZone:
		e.add(r, "dns/privatezone", 1, "one zone; queries not counted")
	case *model.ContainerRegistry:
		e.add(r, "acr/"+r.SKU, e.a.HoursPerMonth/24, "registry units are billed per day")
	case *model.ManagedCluster:
		e.cluster(r)
	case *model.MLCompute:
		e.mlCompute(r)
	case *model.StorageAccount:
		e.storage(r)
	case *model.KeyVaultKey:
		e.key(r)
	case *model.LogAnalyticsWorkspace:
		e.add(r, "loganalytics/ingestion", e.a.LogGB, "assumed ingestion; retention beyond the included period not counted")
	case *model.AppServicePlan:
		os := "Windows"
		if r.Linux {
			os = "Linux"
		}
		e.add(r, "appservice/"+r.SKU+"/"+os, float64(max(r.Workers, 1))*e.a.HoursPerMonth, fmt.Sprintf("%d instances all month", max(r.Workers, 1)))
	case *model.EventHubNamespace:
		e.add(r, "eventhubs/"+string(r.SKU)+"/tu", float64(r.ThroughputUnits)*e.a.HoursPerMonth, fmt.Sprintf("%d baseline throughput units; auto-inflate above them not counted", r.ThroughputUnits))
	case *model.StreamAnalyticsCluster:
		e.add(r, "streamanalytics/cluster/su", float64(r.StreamingUnits)*e.a.HoursPerMonth, fmt.Sprintf("%d streaming units all month (jobs on the cluster add nothing)", r.StreamingUnits))
	case *model.SynapseWorkspace:
		e.add(r, "synapse/serverless", e.a.SynapseTB, "assumed serverless SQL data processed; no dedicated pools are built")
	case *model.DataFactory:
		e.factory(r)
	case *model.DatabricksWorkspace:
		e.unpriced(r, "usage only: DBUs and cluster VMs are billed while clusters run; the workspace itself has no fixed charge")
	case *model.DefenderPlan:
		e.defender(r)
	}
}

// add appends a line for meter id, or records the resource as unpriced when
// the table has no such meter.
func (e *estimator) add(r model.Resource, id string, qty float64, basis string) int64 {
	m, ok := e.t.Meter(id)
	if !ok {
		e.unpriced(r, fmt.Sprintf("no price for meter %s in the price table", id))
		return 0
	}
	e.used[id] = m
	c := cents(qty * m.USD)
	e.r.Lines = append(e.r.Lines, Line{
		Resource: name(r), Meter: id, Quantity: round(qty, 4), Unit: m.Unit, UnitPrice: m.USD,
		Monthly: fromCents(c), Basis: basis, cents: c,
	})
	return c
}

func (e *estimator) unpriced(r model.Resource, why string) {
	e.r.Unpriced = append(e.r.Unpriced, Unpriced{Resource: name(r), Why: why})
}

// name is how a line names its resource: the resource's name, or for a
// Defender plan (named after what it protects) the plan.
func name(r model.Resource) string {
	if _, ok := r.(*model.DefenderPlan); ok {
		return "Defender for Cloud " + r.Base().Name
	}
	return r.Base().Name
}

// price returns a meter's monthly cost for qty units without adding a line.
func (e *estimator) price(id string, qty float64) (int64, bool) {
	m, ok := e.t.Meter(id)
	if !ok {
		return 0, false
	}
	return cents(qty * m.USD), true
}

// vmHours is how long a VM runs a month: under its auto-shutdown schedule
// from WorkdayStart to the shutdown time on workdays, otherwise always.
func (e *estimator) vmHours(vm model.Address) (float64, string) {
	s, ok := e.shutdown[vm]
	if !ok {
		return e.a.HoursPerMonth, "runs all month"
	}
	stop, err := strconv.Atoi(s.Time)
	if err != nil {
		return e.a.HoursPerMonth, "runs all month (unreadable shutdown time " + s.Time + ")"
	}
	daily := math.Max(float64(stop/100)+float64(stop%100)/60-float64(e.a.WorkdayStart), 0)
	return daily * float64(e.a.WorkdaysPerMonth), fmt.Sprintf("%02d:00-%s:%s on %d workdays (auto-shutdown %s %s)", e.a.WorkdayStart, s.Time[:2], s.Time[2:], e.a.WorkdaysPerMonth, s.Time, s.TimeZone)
}

func vmMeter(size string, os model.OSFamily) string { return "vm/" + size + "/" + string(os) }

func (e *estimator) vm(r *model.VirtualMachine) {
	addr := model.AddressOf(r)
	hours, basis := e.vmHours(addr)
	e.add(r, vmMeter(r.Size, r.OS), hours, basis)
	if hours < e.a.HoursPerMonth {
		if c, ok := e.price(vmMeter(r.Size, r.OS), e.a.HoursPerMonth-hours); ok {
			e.r.Savings = append(e.r.Savings, Saving{
				What:    "auto-shutdown of " + r.Name,
				Monthly: fromCents(c),
				Basis:   fmt.Sprintf("%.0f of %.0f hours stopped (deallocated VMs bill no compute)", e.a.HoursPerMonth-hours, e.a.HoursPerMonth),
			})
		}
	}
	if tier, ok := diskTier(r.OSDisk.SKU, r.OSDisk.SizeGB); ok {
		e.add(r, "disk/"+string(r.OSDisk.SKU)+"/"+tier, 1, fmt.Sprintf("%d GB OS disk, billed while the VM is stopped too", r.OSDisk.SizeGB))
	} else {
		e.unpriced(r, fmt.Sprintf("no disk tier for %s %d GB", r.OSDisk.SKU, r.OSDisk.SizeGB))
	}
}

// diskTier is the managed disk tier a disk of size GB is billed as: the
// smallest that holds it.
// https://learn.microsoft.com/azure/virtual-machines/disks-types
func diskTier(sku model.DiskSKU, gb int) (string, bool) {
	sizes := []struct {
		gb   int
		tier string
	}{{32, "4"}, {64, "6"}, {128, "10"}, {256, "15"}, {512, "20"}, {1024, "30"}}
	prefix := map[model.DiskSKU]string{model.DiskPremiumSSD: "P", model.DiskStandardSSD: "E"}[sku]
	if prefix == "" {
		return "", false
	}
	for _, s := range sizes {
		if gb <= s.gb {
			return prefix + s.tier, true
		}
	}
	return "", false
}

func firewallMeters(tier model.FirewallTier) (deploy, data string) {
	return "firewall/" + string(tier) + "/deployment", "firewall/" + string(tier) + "/data"
}

func (e *estimator) firewall(r *model.AzureFirewall) {
	deploy, data := firewallMeters(r.Tier)
	e.add(r, deploy, e.a.HoursPerMonth, "deployed all month")
	e.add(r, data, e.a.FirewallGB, "assumed traffic through the firewall")
}

func (e *estimator) gateway(r *model.VirtualNetworkGateway) {
	if r.GatewayType != model.GatewayVPN {
		e.unpriced(r, "ExpressRoute gateways are not in the price table; the circuit is billed separately")
		return
	}
	e.add(r, "vpngw/"+r.SKU, e.a.HoursPerMonth, "deployed all month; the first 10 site-to-site tunnels are included")
}

func (e *estimator) bastion(r *model.BastionHost) {
	e.add(r, "bastion/"+r.SKU, e.a.HoursPerMonth, "deployed all month (two scale units included)")
	if extra := r.ScaleUnits - 2; extra > 0 && r.SKU == "Standard" {
		e.add(r, "bastion/Standard/scaleunit", float64(extra)*e.a.HoursPerMonth, fmt.Sprintf("%d scale units beyond the two included", extra))
	}
}

func (e *estimator) cluster(r *model.ManagedCluster) {
	if r.Tier == "Standard" {
		e.add(r, "aks/Standard", e.a.HoursPerMonth, "Standard tier control plane")
	}
	for _, p := range r.NodePools {
		e.add(r, vmMeter(p.VMSize, model.OSLinux), float64(p.MinCount)*e.a.HoursPerMonth,
			fmt.Sprintf("node pool %s at its minimum of %d nodes all month (autoscaling to %d not counted); node OS disks not counted", p.Name, p.MinCount, p.MaxCount))
	}
}

func (e *estimator) mlCompute(r *model.MLCompute) {
	switch r.Kind {
	case model.MLComputeCluster:
		meter := vmMeter(r.VMSize, model.OSLinux)
		hours := e.a.ClusterNodeHours
		if r.MinNodes > 0 {
			hours += float64(r.MinNodes) * e.a.HoursPerMonth
		}
		e.add(r, meter, hours, fmt.Sprintf("assumed %.0f node-hours of jobs; %d to %d nodes", e.a.ClusterNodeHours, r.MinNodes, r.MaxNodes))
		if r.MinNodes == 0 {
			if c, ok := e.price(meter, e.a.HoursPerMonth); ok {
				e.r.Savings = append(e.r.Savings, Saving{
					What:    "scale to zero of " + r.Name,
					Monthly: fromCents(c),
					Basis:   fmt.Sprintf("one idle %s node kept all month, released after %s idle instead", r.VMSize, r.IdleBeforeScaleDown),
				})
			}
		}
	case model.MLComputeInstance:
		hours := float64(e.a.WorkdaysPerMonth) * 8
		e.add(r, vmMeter(r.VMSize, model.OSLinux), hours, fmt.Sprintf("assumed 8 hours on %d workdays; idle shutdown after %s", e.a.WorkdaysPerMonth, r.IdleShutdown))
	}
}

func (e *estimator) storage(r *model.StorageAccount) {
	if r.HierarchicalNamespace {
		e.add(r, "storage/hns/"+string(r.SKU), e.a.DataLakeGB, "assumed data in the lake, hot tier; transactions not counted")
		return
	}
	e.add(r, "storage/"+string(r.SKU), e.a.StorageGB, "assumed data stored, hot tier; transactions not counted")
}

func (e *estimator) key(r *model.KeyVaultKey) {
	if r.KeyType == model.KeyRSAHSM {
		e.add(r, "keyvault/hsmkey", 1, "one HSM-protected key; operations not counted")
	}
}

func (e *estimator) factory(r *model.DataFactory) {
	selfHosted := false
	for _, ir := range all[*model.IntegrationRuntime](e.rs) {
		if ir.SelfHosted != nil && strings.HasPrefix(ir.Name, r.Name+"/") {
			selfHosted = true
		}
	}
	if !selfHosted {
		e.unpriced(r, "usage only: pipeline runs on the Azure integration runtime")
		return
	}
	e.add(r, "datafactory/selfhosted/orchestration", e.a.PipelineRuns/1000, fmt.Sprintf("assumed %.0f activity runs on the self-hosted runtime", e.a.PipelineRuns))
	e.add(r, "datafactory/selfhosted/movement", e.a.MovementHours, "assumed copy hours on the self-hosted runtime (its VM is priced separately)")
}

func (e *estimator) defender(r *model.DefenderPlan) {
	id := "defender/" + r.Name
	switch r.Name {
	case "VirtualMachines":
		n := len(all[*model.VirtualMachine](e.rs))
		e.add(r, id, float64(n), fmt.Sprintf("%d virtual machines", n))
	case "StorageAccounts":
		n := len(all[*model.StorageAccount](e.rs))
		e.add(r, id, float64(n), fmt.Sprintf("%d storage accounts; malware scanning per GB not counted", n))
	case "KeyVaults":
		n := len(all[*model.KeyVault](e.rs))
		e.add(r, id, float64(n), fmt.Sprintf("%d key vaults", n))
	case "Containers":
		vcores := 0
		for _, c := range all[*model.ManagedCluster](e.rs) {
			for _, p := range c.NodePools {
				m, _ := e.t.Meter(vmMeter(p.VMSize, model.OSLinux))
				vcores += p.MinCount * m.VCPUs
			}
		}
		e.add(r, id, float64(vcores), fmt.Sprintf("%d vCores of AKS nodes at their minimum count", vcores))
	case "Arm":
		e.add(r, id, 1, "one subscription")
	default:
		e.unpriced(r, "Defender plan "+r.Name+" is not in the price table")
	}
}

func (e *estimator) assumptions() {
	a := e.a
	e.r.Assumptions = []Assumption{
		{"hours per month", fmt.Sprintf("%.0f", a.HoursPerMonth), "Azure's billing month; always-on resources (firewall, gateway, Bastion, endpoints, AKS nodes) run all of it"},
		{"workstation hours", fmt.Sprintf("from %02d:00 until the auto-shutdown time on %d workdays", a.WorkdayStart, a.WorkdaysPerMonth), "auto-shutdown only stops VMs; people start them in the morning"},
		{"compute cluster node-hours", fmt.Sprintf("%.0f per cluster", a.ClusterNodeHours), "clusters scale to zero between jobs"},
		{"AKS nodes", "each pool at its minimum node count", "autoscaling above it depends on load"},
		{"firewall data processed", fmt.Sprintf("%.0f GB", a.FirewallGB), "package downloads and platform traffic through the firewall"},
		{"log ingestion", fmt.Sprintf("%.0f GB", a.LogGB), "diagnostic settings and the monitor agent of every workstation"},
		{"data lake storage", fmt.Sprintf("%.0f GB", a.DataLakeGB), "raw, curated and workspace data"},
		{"other storage", fmt.Sprintf("%.0f GB per account", a.StorageGB), "workspace artifacts and logs"},
		{"Synapse serverless SQL", fmt.Sprintf("%.0f TB processed", a.SynapseTB), "ad-hoc queries over the lake"},
		{"Data Factory", fmt.Sprintf("%.0f activity runs, %.0f copy hours", a.PipelineRuns, a.MovementHours), "nightly copies from on-premises"},
	}
	if e.g.Location != "" {
		for _, m := range e.used {
			if m.Region != e.g.Location {
				e.r.Assumptions = append(e.r.Assumptions, Assumption{"price region", m.Region,
					fmt.Sprintf("the price table holds %s prices; %s prices differ: run 'enclave prices refresh --region %s'", m.Region, e.g.Location, e.g.Location)})
				break
			}
		}
	}
}

// options prices the alternatives the readers ask about: firewall
// tiers, VPN gateway SKUs and GPU against CPU workstations.
func (e *estimator) options() {
	for _, fw := range all[*model.AzureFirewall](e.rs) {
		cd, cg := firewallMeters(fw.Tier)
		cur, ok1 := e.price(cd, e.a.HoursPerMonth)
		curData, ok2 := e.price(cg, e.a.FirewallGB)
		if !ok1 || !ok2 {
			continue
		}
		for _, tier := range []model.FirewallTier{model.FirewallBasic, model.FirewallStandard, model.FirewallPremium} {
			if tier == fw.Tier {
				continue
			}
			d, g := firewallMeters(tier)
			alt, ok1 := e.price(d, e.a.HoursPerMonth)
			altData, ok2 := e.price(g, e.a.FirewallGB)
			if !ok1 || !ok2 {
				continue
			}
			o := Option{Choice: "firewall tier", Current: string(fw.Tier), Alternative: string(tier), MonthlyDelta: fromCents(alt + altData - cur - curData)}
			switch tier {
			case model.FirewallBasic:
				// https://learn.microsoft.com/azure/firewall/choose-firewall-sku
				o.Note = "Basic has no DNS proxy and alerts on threat intelligence without denying; this policy uses both"
			case model.FirewallPremium:
				o.Note = "Premium adds TLS inspection and IDPS"
			}
			e.r.Options = append(e.r.Options, o)
		}
	}
	for _, gw := range all[*model.VirtualNetworkGateway](e.rs) {
		cur, ok := e.price("vpngw/"+gw.SKU, e.a.HoursPerMonth)
		if !ok {
			continue
		}
		az := strings.HasSuffix(gw.SKU, "AZ")
		for _, m := range e.t.Meters() {
			sku, found := strings.CutPrefix(m.ID, "vpngw/")
			if !found || sku == gw.SKU || strings.HasSuffix(sku, "AZ") != az {
				continue
			}
			alt, _ := e.price(m.ID, e.a.HoursPerMonth)
			e.r.Options = append(e.r.Options, Option{Choice: "VPN gateway SKU", Current: gw.SKU, Alternative: sku, MonthlyDelta: fromCents(alt - cur)})
		}
	}
	e.workstationOptions()
}

// workstationOptions compares each GPU workstation with the most common
// CPU workstation size under the same schedule.
func (e *estimator) workstationOptions() {
	var gpu []*model.VirtualMachine
	cpu := map[string]int{}
	for _, vm := range all[*model.VirtualMachine](e.rs) {
		if vm.Member == "" {
			continue
		}
		if isGPU(vm.Size) {
			gpu = append(gpu, vm)
		} else {
			cpu[vm.Size]++
		}
	}
	best := ""
	for _, s := range sortedKeys(cpu) {
		if best == "" || cpu[s] > cpu[best] {
			best = s
		}
	}
	if best == "" {
		return
	}
	for _, vm := range gpu {
		hours, _ := e.vmHours(model.AddressOf(vm))
		cur, ok1 := e.price(vmMeter(vm.Size, vm.OS), hours)
		alt, ok2 := e.price(vmMeter(best, vm.OS), hours)
		if !ok1 || !ok2 {
			continue
		}
		e.r.Options = append(e.r.Options, Option{Choice: "workstation of " + vm.Member, Current: vm.Size + " (GPU)", Alternative: best + " (CPU)", MonthlyDelta: fromCents(alt - cur),
			Note: fmt.Sprintf("same schedule, %.0f hours", hours)})
	}
}

// isGPU reports whether a VM size is an N-series (GPU) size.
// https://learn.microsoft.com/azure/virtual-machines/sizes/overview
func isGPU(size string) bool { return strings.HasPrefix(size, "Standard_N") }

func cents(usd float64) int64   { return int64(math.Round(usd * 100)) }
func fromCents(c int64) float64 { return float64(c) / 100 }
func round(x float64, places int) float64 {
	p := math.Pow(10, float64(places))
	return math.Round(x*p) / p
}

// all returns the resources of kind T among rs, in their order.
func all[T model.Resource](rs []model.Resource) []T {
	var out []T
	for _, r := range rs {
		if t, ok := r.(T); ok {
			out = append(out, t)
		}
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
