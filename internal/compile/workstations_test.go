package compile

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/spec"
)

// memberVMs returns the workstations of team members, leaving out the
// integration runtime VM.
func memberVMs(g *model.Graph) []*model.VirtualMachine {
	var out []*model.VirtualMachine
	for _, vm := range model.All[*model.VirtualMachine](g) {
		if vm.Member != "" {
			out = append(out, vm)
		}
	}
	return out
}

func TestExampleWorkstations(t *testing.T) {
	c := platformExample(t, nil)
	g := c.g
	var want, got []string
	for _, m := range c.doc.Team.Members {
		want = append(want, "vm-kodata-"+m.Name)
	}
	for _, vm := range memberVMs(g) {
		got = append(got, vm.Name)
	}
	slices.Sort(want)
	slices.Sort(got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("member VMs (-want +got):\n%s", diff)
	}
	if len(c.workstations) != len(want) {
		t.Errorf("c.workstations has %d refs; want %d", len(c.workstations), len(want))
	}
	for _, vm := range memberVMs(g) {
		wantSize := "Standard_D4s_v5"
		if vm.Member == "ds1" {
			wantSize = "Standard_NC4as_T4_v3"
		}
		got := struct {
			Size, Group               string
			OS                        model.OSFamily
			Security                  model.SecurityType
			SecureBoot, VTPM, EAH, SA bool
			Disk                      model.OSDisk
			SSHParam                  string
			Password                  model.Secret
		}{vm.Size, vm.Group, vm.OS, vm.Security, vm.SecureBoot, vm.VTPM, vm.EncryptionAtHost, vm.Identity.SystemAssigned, vm.OSDisk, vm.SSHPublicKeyParameter, vm.AdminPassword}
		wantVM := got
		wantVM.Size, wantVM.Group, wantVM.OS, wantVM.Security = wantSize, "rg-kodata-ml", model.OSLinux, model.SecurityTrustedLaunch
		wantVM.SecureBoot, wantVM.VTPM, wantVM.EAH, wantVM.SA = true, true, true, true
		wantVM.Disk = model.OSDisk{Name: "osdisk-kodata-" + vm.Member, SizeGB: 128, SKU: model.DiskPremiumSSD}
		wantVM.SSHParam, wantVM.Password = "adminSshPublicKey", model.Secret{}
		if diff := cmp.Diff(wantVM, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", vm.Name, diff)
		}
		nic, ok := model.Lookup[*model.NetworkInterface](g, vm.NIC)
		if !ok {
			t.Errorf("%s: NIC %s not in the graph", vm.Name, vm.NIC)
			continue
		}
		if nic.Subnet != c.subnet(SubnetWorkstations) {
			t.Errorf("%s NIC subnet = %s; want %s", vm.Name, nic.Subnet, SubnetWorkstations)
		}
	}
}

func TestExampleWorkstationExtensionsAndMonitoring(t *testing.T) {
	g := platformExample(t, nil).g
	var exts []string
	for _, e := range model.All[*model.VMExtension](g) {
		if strings.HasPrefix(e.Name, "vm-kodata-ds2/") {
			exts = append(exts, e.Publisher+"/"+e.ExtensionType)
		}
	}
	want := []string{
		"Microsoft.Azure.ActiveDirectory/AADSSHLoginForLinux",
		"Microsoft.Azure.Monitor/AzureMonitorLinuxAgent",
		"Microsoft.Azure.Security.LinuxAttestation/GuestAttestation",
	}
	if diff := cmp.Diff(want, exts); diff != "" {
		t.Errorf("extensions of vm-kodata-ds2 (-want +got):\n%s", diff)
	}
	// Workstations run Linux, the integration runtime VM Windows: one rule
	// per OS, and every VM associated with the rule of its OS.
	rules := map[model.Ref]model.OSFamily{}
	var ruleOSes []model.OSFamily
	for _, r := range model.All[*model.DataCollectionRule](g) {
		if r.Group != "rg-kodata-ops" {
			t.Errorf("data collection rule %s is in %s; want rg-kodata-ops", r.Name, r.Group)
		}
		rules[model.RefOf(r)] = r.OS
		ruleOSes = append(ruleOSes, r.OS)
	}
	slices.Sort(ruleOSes)
	if diff := cmp.Diff([]model.OSFamily{model.OSLinux, model.OSWindows}, ruleOSes); diff != "" {
		t.Errorf("data collection rules by OS (-want +got):\n%s", diff)
	}
	assoc := model.All[*model.DataCollectionRuleAssociation](g)
	if vms := model.All[*model.VirtualMachine](g); len(assoc) != len(vms) {
		t.Errorf("%d data collection rule associations; want one per VM (%d)", len(assoc), len(vms))
	}
	for _, a := range assoc {
		vm, ok := model.Lookup[*model.VirtualMachine](g, a.Scope)
		if !ok || rules[a.Rule] != vm.OS {
			t.Errorf("association %s on %s uses %s; want the rule of the VM's OS", a.Name, a.Scope, a.Rule)
		}
	}
}

func TestExampleAutoShutdown(t *testing.T) {
	g := platformExample(t, nil).g
	ss := model.All[*model.AutoShutdown](g)
	if len(ss) != 7 {
		t.Fatalf("%d schedules; want 7", len(ss))
	}
	for _, s := range ss {
		want := model.AutoShutdown{Target: s.Target, Time: "1900", TimeZone: "AUS Eastern Standard Time", TaskType: "ComputeVmShutdownTask"}
		got := model.AutoShutdown{Target: s.Target, Time: s.Time, TimeZone: s.TimeZone, TaskType: s.TaskType}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", s.Name, diff)
		}
		if s.Name != "shutdown-computevm-"+s.Target.Name || s.Group != s.Target.Group {
			t.Errorf("schedule %s in %s for %s; want shutdown-computevm-<vm> in the VM's group", s.Name, s.Group, s.Target)
		}
	}
}

func TestWorkstationLoginRoles(t *testing.T) {
	got := platformGrants(platformExample(t, nil).g)
	var vmGrants []string
	for _, g := range got {
		if strings.Contains(g, "Virtual Machine") {
			vmGrants = append(vmGrants, g)
		}
	}
	want := []string{
		"rg-kodata-ml: Virtual Machine Administrator Login -> admins",
		"vm-kodata-de1: Virtual Machine User Login -> dataEngineers",
	}
	for _, m := range []string{"ds1", "ds2", "ds3", "ds4", "ds5", "ds6"} {
		want = append(want, "vm-kodata-"+m+": Virtual Machine User Login -> dataScientists")
	}
	if diff := cmp.Diff(want, vmGrants); diff != "" {
		t.Errorf("VM login grants (-want +got):\n%s", diff)
	}
}

// A member's resources are named after the member alone: removing one
// changes no name of the others.
func TestWorkstationNamesStablePerMember(t *testing.T) {
	all := platformExample(t, nil)
	without := platformExample(t, func(d *spec.Document) {
		d.Team.Members = slices.DeleteFunc(d.Team.Members, func(m spec.Member) bool { return m.Name == "ds3" })
	})
	before := map[model.Address]bool{}
	for _, r := range all.g.Resources() {
		before[model.AddressOf(r)] = true
	}
	var removed []string
	after := map[model.Address]bool{}
	for _, r := range without.g.Resources() {
		a := model.AddressOf(r)
		after[a] = true
		if r.Base().Capability == "workstations" && !before[a] {
			t.Errorf("removing ds3 created %s", a)
		}
	}
	for a := range before {
		if !after[a] && (strings.Contains(a.String(), "ds3") || strings.Contains(a.Scope, "ds3")) {
			removed = append(removed, a.Type.Namespace())
		}
	}
	// NIC, VM, 3 extensions, schedule, DCR association, 2 diagnostic
	// settings, login role assignment.
	if len(removed) != 10 {
		t.Errorf("removing ds3 removed %d of its resources; want 10 (%v)", len(removed), removed)
	}
}

func TestWorkstationKinds(t *testing.T) {
	for _, tc := range []struct {
		name  string
		edit  func(d *spec.Document)
		wantN int
	}{
		{"member without a workstation", func(d *spec.Document) {
			d.Team.Members[1].Workstation = &spec.Workstation{Kind: spec.WorkstationNone}
		}, 6},
		{"member with a compute instance", func(d *spec.Document) {
			d.Team.Members[2].Workstation = &spec.Workstation{Kind: spec.WorkstationComputeInstance}
		}, 6},
		{"team on compute instances", func(d *spec.Document) {
			d.Team.Workstations.Kind = spec.WorkstationComputeInstance
		}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := platformExample(t, tc.edit)
			if got := len(memberVMs(c.g)); got != tc.wantN {
				t.Errorf("%d member VMs; want %d", got, tc.wantN)
			}
			if got := len(model.All[*model.AutoShutdown](c.g)); got != tc.wantN {
				t.Errorf("%d schedules; want %d", got, tc.wantN)
			}
			used := map[model.Ref]bool{}
			for _, a := range model.All[*model.DataCollectionRuleAssociation](c.g) {
				used[a.Rule] = true
			}
			for _, r := range model.All[*model.DataCollectionRule](c.g) {
				if !used[model.RefOf(r)] {
					t.Errorf("data collection rule %s has no VM", r.Name)
				}
			}
		})
	}
}

func TestWindowsWorkstations(t *testing.T) {
	c := platformExample(t, func(d *spec.Document) { d.Team.Workstations.OS = "windows" })
	for _, vm := range memberVMs(c.g) {
		if vm.OS != model.OSWindows || vm.Image.Offer != "WindowsServer" {
			t.Errorf("%s OS %s image %+v; want Windows Server", vm.Name, vm.OS, vm.Image)
		}
		if vm.AdminPassword != (model.Secret{Parameter: "workstationAdminPassword"}) || vm.SSHPublicKeyParameter != "" {
			t.Errorf("%s password %+v, SSH key %q; want the secure password parameter only", vm.Name, vm.AdminPassword, vm.SSHPublicKeyParameter)
		}
		if len(vm.ComputerName) > 15 {
			t.Errorf("%s computer name %q is longer than 15 characters", vm.Name, vm.ComputerName)
		}
	}
	var types []string
	for _, e := range model.All[*model.VMExtension](c.g) {
		if strings.HasPrefix(e.Name, "vm-kodata-ds1/") {
			types = append(types, e.ExtensionType)
		}
	}
	if diff := cmp.Diff([]string{"AADLoginForWindows", "AzureMonitorWindowsAgent", "GuestAttestation"}, types); diff != "" {
		t.Errorf("Windows extensions (-want +got):\n%s", diff)
	}
	params := map[string]model.Parameter{}
	for _, p := range c.g.Parameters() {
		params[p.Name] = p
	}
	if p, ok := params["workstationAdminPassword"]; !ok || !p.Secure {
		t.Errorf("workstationAdminPassword = %+v; want a secure parameter", p)
	}
	if _, ok := params["adminSshPublicKey"]; ok {
		t.Error("Windows-only team declares the SSH key parameter")
	}
	dcrs := model.All[*model.DataCollectionRule](c.g)
	if len(dcrs) != 1 || dcrs[0].OS != model.OSWindows || len(dcrs[0].WindowsEvents) == 0 {
		t.Errorf("data collection rules = %+v; want one Windows rule collecting events", dcrs)
	}
}

func TestIntegrationRuntimeVM(t *testing.T) {
	c := platformExample(t, nil)
	ir, ok := model.Lookup[*model.IntegrationRuntime](c.g, c.shir)
	if !ok || ir.SelfHosted == nil {
		t.Fatalf("c.shir = %s; want the factory's self-hosted integration runtime", c.shir)
	}
	vm, ok := model.Lookup[*model.VirtualMachine](c.g, model.Address{Group: "rg-kodata-data", Type: model.TypeVirtualMachine, Name: "vm-kodata-adf-shir"}.Ref())
	if !ok {
		t.Fatal("vm-kodata-adf-shir not built")
	}
	if vm.OS != model.OSWindows || vm.Image.SKU != "2022-datacenter-azure-edition" || vm.Size != "Standard_D4s_v5" {
		t.Errorf("SHIR VM %s %+v %s; want Windows Server 2022 Azure Edition, Standard_D4s_v5", vm.OS, vm.Image, vm.Size)
	}
	if len(vm.ComputerName) > 15 {
		t.Errorf("SHIR computer name %q is longer than 15 characters", vm.ComputerName)
	}
	if vm.AdminPassword.Parameter != "integrationRuntimeAdminPassword" {
		t.Errorf("SHIR VM password = %+v; want its own secure parameter", vm.AdminPassword)
	}
	nic, _ := model.Lookup[*model.NetworkInterface](c.g, vm.NIC)
	if nic == nil || nic.Subnet.Leaf() != SubnetIntegration {
		t.Errorf("SHIR NIC = %+v; want it in %s", nic, SubnetIntegration)
	}
	var install *model.VMExtension
	for _, e := range model.All[*model.VMExtension](c.g) {
		if e.Kind == model.ExtIntegrationRuntime {
			install = e
		}
	}
	if install == nil || install.RegistersIntegrationRuntime != c.shir || install.ExtensionType != "CustomScriptExtension" {
		t.Fatalf("install extension = %+v; want a CustomScriptExtension registering %s", install, c.shir)
	}
	if !strings.Contains(install.Script, "-RegisterNewNode $key") || strings.Contains(install.Script, `"`) {
		t.Errorf("install script %q; want it to register with $key and hold no double quotes", install.Script)
	}
	if slices.Contains(c.workstations, model.RefOf(vm)) {
		t.Error("the SHIR VM is listed among workstations")
	}
	for _, s := range model.All[*model.AutoShutdown](c.g) {
		if s.Target == model.RefOf(vm) {
			t.Error("the SHIR VM shuts down every evening")
		}
	}
}

func TestComputerName(t *testing.T) {
	for _, tc := range []struct {
		env, key string
		os       model.OSFamily
		want     string
	}{
		{"kodata", "ds1", model.OSLinux, "kodata-ds1"},
		{"kodata", "ds1", model.OSWindows, "kodata-ds1"},
		{"kodata", "shir", model.OSWindows, "kodata-shir"},
		{"analytics1", "alexandra", model.OSLinux, "analytics1-alexandra"},
		{"analytics1", "alexandra", model.OSWindows, "analytics-35840"},
	} {
		if got := computerName(tc.env, tc.key, tc.os); got != tc.want {
			t.Errorf("computerName(%q, %q, %s) = %q; want %q", tc.env, tc.key, tc.os, got, tc.want)
		}
	}
	if a, b := computerName("analytics1", "alexandra", model.OSWindows), computerName("analytics1", "alexandrb", model.OSWindows); a == b {
		t.Errorf("computerName gives %q to two members", a)
	}
}
