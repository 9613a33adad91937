package compile

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"strings"

	"github.com/enclave-dev/enclave/internal/diag"
	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/spec"
)

// Workstation defaults, used where team.workstations leaves a value out.
const (
	defaultWorkstationSize = "Standard_D4s_v5"
	defaultShutdown        = "19:00"
	defaultTimeZone        = "UTC"
	defaultOSDiskGB        = 128
	defaultIRSize          = "Standard_D4s_v5"

	// vmAdminUsername is the break-glass local administrator; people sign
	// in with Entra ID.
	vmAdminUsername = "enclaveadmin"
	// sshKeyParam holds the Linux administrator's SSH public key.
	sshKeyParam = "adminSshPublicKey"
	// windowsPasswordParam and irPasswordParam hold Windows administrator
	// passwords.
	windowsPasswordParam = "workstationAdminPassword"
	irPasswordParam      = "integrationRuntimeAdminPassword"

	// irKey names the integration runtime VM's resources; member names
	// have no hyphen, so it never clashes with a workstation.
	irKey = "adf-shir"
)

// osImages are the images VMs boot from: Ubuntu 24.04 LTS (Gen2) and
// Windows Server 2022 Datacenter: Azure Edition (Gen2). Both support
// trusted launch.
var osImages = map[model.OSFamily]model.ImageReference{
	model.OSLinux:   {Publisher: "Canonical", Offer: "ubuntu-24_04-lts", SKU: "server", Version: "latest"},
	model.OSWindows: {Publisher: "MicrosoftWindowsServer", Offer: "WindowsServer", SKU: "2022-datacenter-azure-edition", Version: "latest"},
}

// extensionImage is the publisher, type and handler version of an extension.
type extensionImage struct {
	publisher, typ, version string
	// autoUpgrade means the platform upgrades the extension itself.
	autoUpgrade bool
}

type extensionKey struct {
	kind model.ExtensionKind
	os   model.OSFamily
}

// extensionImages maps what an extension does, per OS, to the extension
// Azure publishes for it.
var extensionImages = map[extensionKey]extensionImage{
	{model.ExtEntraLogin, model.OSLinux}:           {"Microsoft.Azure.ActiveDirectory", "AADSSHLoginForLinux", "1.0", false},
	{model.ExtEntraLogin, model.OSWindows}:         {"Microsoft.Azure.ActiveDirectory", "AADLoginForWindows", "1.0", false},
	{model.ExtMonitorAgent, model.OSLinux}:         {"Microsoft.Azure.Monitor", "AzureMonitorLinuxAgent", "1.0", true},
	{model.ExtMonitorAgent, model.OSWindows}:       {"Microsoft.Azure.Monitor", "AzureMonitorWindowsAgent", "1.0", true},
	{model.ExtGuestAttestation, model.OSLinux}:     {"Microsoft.Azure.Security.LinuxAttestation", "GuestAttestation", "1.0", true},
	{model.ExtGuestAttestation, model.OSWindows}:   {"Microsoft.Azure.Security.WindowsAttestation", "GuestAttestation", "1.0", true},
	{model.ExtIntegrationRuntime, model.OSWindows}: {"Microsoft.Compute", "CustomScriptExtension", "1.10", false},
}

// irInstallScript installs the latest self-hosted integration runtime from
// Microsoft's download link (skipped when it is already installed) and
// registers this machine as a node with the key in $key.
var irInstallScript = strings.Join([]string{
	"$ErrorActionPreference = 'Stop'",
	"[Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12",
	"if (-not (Get-Service -Name DIAHostService -ErrorAction SilentlyContinue)) {" +
		" $msi = Join-Path $env:TEMP 'IntegrationRuntime.msi';" +
		" Invoke-WebRequest -UseBasicParsing -Uri 'https://go.microsoft.com/fwlink/?linkid=839822' -OutFile $msi;" +
		" Start-Process -FilePath msiexec.exe -Wait -ArgumentList '/i', $msi, '/quiet', '/norestart' }",
	"$dmg = Get-ChildItem -Path 'C:\\Program Files\\Microsoft Integration Runtime\\*\\Shared\\dmgcmd.exe' | Select-Object -First 1",
	"& $dmg.FullName -RegisterNewNode $key $env:COMPUTERNAME",
}, "; ")

// vmSpec is what differs between the VMs enclave builds.
type vmSpec struct {
	key     string // naming key: the member's name, or "shir"
	member  string
	purpose string
	size    string
	os      model.OSFamily
	subnet  string
	// concern is the resource group the VM lives in (RGML when empty).
	concern string
	diskGB  int
	origin  diag.Pos
	// passwordParam names the secure parameter of a Windows VM's
	// administrator password; passwordFor says whose it is.
	passwordParam, passwordFor string
}

// fleet builds VMs and shares what they have in common: one data
// collection rule per OS.
type fleet struct {
	c    *ctx
	dcrs map[model.OSFamily]model.Ref
}

func buildWorkstations(c *ctx) {
	f := &fleet{c: c, dcrs: map[model.OSFamily]model.Ref{}}
	byGroup := map[string][]model.Ref{}
	var groups []string
	for _, m := range c.doc.Team.Members {
		if workstationKind(c.doc, m) != spec.WorkstationVM {
			continue
		}
		vm := f.workstation(m)
		g := spec.GroupForRole(m.Role)
		if _, seen := byGroup[g]; !seen {
			groups = append(groups, g)
		}
		byGroup[g] = append(byGroup[g], vm)
	}
	grantWorkstationLogins(c, groups, byGroup)
	if !c.shir.IsZero() {
		f.integrationRuntimeVM()
	}
}

// workstation builds member m's VM with its daily shutdown and lists it in
// c.workstations.
func (f *fleet) workstation(m spec.Member) model.Ref {
	c := f.c
	vm := f.vm(vmSpec{
		key:     m.Name,
		member:  m.Name,
		purpose: fmt.Sprintf("workstation of %s (%s)", m.Name, m.Role),
		size:    workstationSize(c.doc, m),
		os:      workstationOS(c.doc),
		subnet:  SubnetWorkstations,
		diskGB:  workstationDiskGB(c.doc),
		origin:  m.Pos,

		passwordParam: windowsPasswordParam,
		passwordFor:   "Windows workstations",
	})
	f.autoShutdown(vm, m.Pos)
	c.workstations = append(c.workstations, vm)
	return vm
}

// grantWorkstationLogins lets each group sign in to its members'
// workstations, and admins to every VM of the ML resource group.
func grantWorkstationLogins(c *ctx, groups []string, byGroup map[string][]model.Ref) {
	for _, g := range groups {
		if p := c.groupPrincipal(g); p.ObjectID != "" {
			for _, vm := range byGroup[g] {
				c.grant(vm, "Virtual Machine User Login", p)
			}
		}
	}
	if len(c.workstations) > 0 {
		if p := c.groupPrincipal("admins"); p.ObjectID != "" {
			c.grant(c.rgRef(RGML), "Virtual Machine Administrator Login", p)
		}
	}
}

// integrationRuntimeVM builds the Windows VM that hosts the Data Factory
// self-hosted integration runtime in the integration subnet and registers
// it with c.shir.
func (f *fleet) integrationRuntimeVM() {
	c := f.c
	if !c.hasSubnet(SubnetIntegration) {
		c.fail("self-hosted integration runtime without the %s subnet", SubnetIntegration)
		return
	}
	size := defaultIRSize
	if df := c.doc.Services.DataFactory; df != nil && df.IntegrationRuntimeSize != "" {
		size = df.IntegrationRuntimeSize
	}
	vm := f.vm(vmSpec{
		key:     irKey,
		purpose: "Data Factory self-hosted integration runtime",
		size:    size,
		os:      model.OSWindows,
		subnet:  SubnetIntegration,
		concern: RGData, // beside its factory
		diskGB:  defaultOSDiskGB,
		origin:  c.doc.Pos("services.dataFactory"),

		passwordParam: irPasswordParam,
		passwordFor:   "the integration runtime VM",
	})
	f.extension(vm, model.OSWindows, model.ExtIntegrationRuntime, "InstallIntegrationRuntime", func(e *model.VMExtension) {
		e.Script = irInstallScript
		e.RegistersIntegrationRuntime = c.shir
	})
}

// vm builds a hardened VM: a NIC without public IP, trusted launch,
// encryption at host, Premium SSD, system identity, boot diagnostics in
// managed storage, Entra ID login, the Azure Monitor Agent with its data
// collection rule, guest attestation, and metrics to Log Analytics.
func (f *fleet) vm(s vmSpec) model.Ref {
	c := f.c
	group := c.rg(RGML)
	if s.concern != "" {
		group = c.rg(s.concern)
	}
	nic := c.add(&model.NetworkInterface{
		Meta:   model.Meta{Name: c.names.Name("nic", s.key), Group: group, Origin: s.origin},
		Subnet: c.subnet(s.subnet),
	})
	vm := &model.VirtualMachine{
		Meta:             model.Meta{Name: c.names.Name("vm", s.key), Group: group, Origin: s.origin},
		Size:             s.size,
		OS:               s.os,
		Image:            osImages[s.os],
		ComputerName:     computerName(c.doc.Name, s.key, s.os),
		AdminUsername:    vmAdminUsername,
		NIC:              nic,
		OSDisk:           model.OSDisk{Name: c.names.Name("osdisk", s.key), SizeGB: s.diskGB, SKU: model.DiskPremiumSSD},
		Security:         model.SecurityTrustedLaunch,
		SecureBoot:       true,
		VTPM:             true,
		EncryptionAtHost: true,
		Identity:         model.Identity{SystemAssigned: true},
		BootDiagnostics:  true,
		PatchAssessment:  true,
		Member:           s.member,
		Purpose:          s.purpose,
	}
	if s.member != "" {
		// The baseline's auto-shutdown definition audits VMs with this tag
		// (enclave-vm-auto-shutdown); shared VMs such as the integration
		// runtime must stay up and do not carry it.
		vm.Tags = maps.Clone(c.tags)
		vm.Tags[WorkloadTag] = WorkloadWorkstation
	}
	switch s.os {
	case model.OSLinux:
		c.param(model.Parameter{Name: sshKeyParam, Description: "SSH public key of the break-glass administrator of Linux VMs (people sign in with Entra ID)"})
		vm.SSHPublicKeyParameter = sshKeyParam
		vm.Patching = model.PatchImageDefault
	case model.OSWindows:
		vm.AdminPassword = c.secret(nil, s.passwordParam, "Password of the break-glass administrator of "+s.passwordFor)
		vm.Patching = model.PatchAutomaticByOS
	}
	ref := c.add(vm)
	for _, k := range []model.ExtensionKind{model.ExtEntraLogin, model.ExtMonitorAgent, model.ExtGuestAttestation} {
		f.extension(ref, s.os, k, "", nil)
	}
	c.add(&model.DataCollectionRuleAssociation{
		Meta:        model.Meta{Name: c.names.Name("dcra", strings.ToLower(string(s.os))), Group: group, Scope: ref, Origin: s.origin},
		Rule:        f.dcr(s.os),
		Description: "Sends this VM's logs and performance counters to Log Analytics",
	})
	c.diagnostics(ref, noLogs, true)
	c.diagnostics(nic, noLogs, true)
	return ref
}

// extension adds a VM extension named after its type unless name is set;
// set, when not nil, fills kind-specific fields.
func (f *fleet) extension(vm model.Ref, os model.OSFamily, kind model.ExtensionKind, name string, set func(*model.VMExtension)) {
	img, ok := extensionImages[extensionKey{kind, os}]
	if !ok {
		f.c.fail("no %s extension for %s", kind, os)
		return
	}
	if name == "" {
		name = img.typ
	}
	e := &model.VMExtension{
		Meta:                    model.Meta{Name: vm.Name + "/" + name, Group: vm.Group, Location: f.c.doc.Location},
		Kind:                    kind,
		Publisher:               img.publisher,
		ExtensionType:           img.typ,
		TypeHandlerVersion:      img.version,
		AutoUpgradeMinorVersion: true,
		AutomaticUpgrade:        img.autoUpgrade,
	}
	if set != nil {
		set(e)
	}
	f.c.add(e)
}

// autoShutdown stops vm every day at team.workstations.autoShutdown.
func (f *fleet) autoShutdown(vm model.Ref, origin diag.Pos) {
	c := f.c
	ws := c.doc.Team.Workstations
	at := ws.AutoShutdown
	if at == "" {
		at = defaultShutdown
	}
	tz := ws.TimeZone
	if tz == "" {
		tz = defaultTimeZone
	}
	c.add(&model.AutoShutdown{
		Meta:     model.Meta{Name: model.AutoShutdownName(vm.Name), Group: vm.Group, Origin: origin},
		Target:   vm,
		Time:     strings.ReplaceAll(at, ":", ""),
		TimeZone: tz,
		TaskType: model.AutoShutdownTask,
	})
}

// dcr returns the data collection rule for an OS, creating it in the ops
// resource group on first use.
func (f *fleet) dcr(os model.OSFamily) model.Ref {
	if ref, ok := f.dcrs[os]; ok {
		return ref
	}
	c := f.c
	r := &model.DataCollectionRule{
		Meta:      model.Meta{Name: c.names.Name("dcr", strings.ToLower(string(os))), Group: c.rg(RGOps)},
		OS:        os,
		Workspace: c.law,
	}
	switch os {
	case model.OSLinux:
		r.Description = "Syslog (security at Info and above, system at Warning and above) and core performance counters of Linux VMs"
		r.Syslog = []model.SyslogSource{
			{Name: "security", Facilities: []string{"auth", "authpriv"}, Levels: levelsFrom("Info")},
			{Name: "system", Facilities: []string{"cron", "daemon", "kern", "syslog", "user"}, Levels: levelsFrom("Warning")},
		}
		r.Performance = []model.PerfSource{{Name: "core", SampleSeconds: 60, Counters: []string{
			`Processor(*)\% Processor Time`,
			`Memory(*)\% Used Memory`,
			`Logical Disk(*)\% Used Space`,
			`Logical Disk(*)\Free Megabytes`,
			`Network(*)\Total Bytes`,
		}}}
	case model.OSWindows:
		r.Description = "Application and System errors and warnings, sign-in events and core performance counters of Windows VMs"
		r.WindowsEvents = []model.WindowsEventSource{{Name: "events", XPath: []string{
			"Application!*[System[(Level=1 or Level=2 or Level=3)]]",
			"System!*[System[(Level=1 or Level=2 or Level=3)]]",
			"Security!*[System[(EventID=4624 or EventID=4625 or EventID=4740)]]",
		}}}
		r.Performance = []model.PerfSource{{Name: "core", SampleSeconds: 60, Counters: []string{
			`\Processor Information(_Total)\% Processor Time`,
			`\Memory\% Committed Bytes In Use`,
			`\LogicalDisk(_Total)\% Free Space`,
			`\Network Interface(*)\Bytes Total/sec`,
		}}}
	}
	ref := c.add(r)
	f.dcrs[os] = ref
	return ref
}

// syslogLevels are syslog severities from least to most severe.
var syslogLevels = []string{"Debug", "Info", "Notice", "Warning", "Error", "Critical", "Alert", "Emergency"}

// levelsFrom returns min and every more severe syslog level.
func levelsFrom(min string) []string {
	for i, l := range syslogLevels {
		if l == min {
			return syslogLevels[i:]
		}
	}
	return nil
}

// workstationOS is the OS of member workstations.
func workstationOS(d *spec.Document) model.OSFamily {
	if strings.EqualFold(d.Team.Workstations.OS, "windows") {
		return model.OSWindows
	}
	return model.OSLinux
}

// workstationSize is a member's VM size: their own, the team's, or the default.
func workstationSize(d *spec.Document, m spec.Member) string {
	if m.Workstation != nil && m.Workstation.Size != "" {
		return m.Workstation.Size
	}
	if d.Team.Workstations.Size != "" {
		return d.Team.Workstations.Size
	}
	return defaultWorkstationSize
}

// workstationDiskGB is the OS disk size of workstations.
func workstationDiskGB(d *spec.Document) int {
	if n := d.Team.Workstations.DiskSizeGB; n > 0 {
		return n
	}
	return defaultOSDiskGB
}

// computerName is a VM's host name, "<env>-<key>". Windows allows 15
// characters; longer names keep a prefix and a hash of the whole, so the
// name stays unique and stable per member.
func computerName(env, key string, os model.OSFamily) string {
	name := env + "-" + key
	if os != model.OSWindows || len(name) <= 15 {
		return name
	}
	sum := sha256.Sum256([]byte(name))
	return name[:9] + "-" + hex.EncodeToString(sum[:])[:5]
}
