package tomodel

import (
	"strings"

	"github.com/enclave-dev/enclave/internal/importarm"
	"github.com/enclave-dev/enclave/internal/model"
)

// Compute kinds, the reverse of internal/render/arm/compute.go (network
// interfaces are in privatelink.go).
func computeKinds(g *Registry) {
	g.Add(model.TypeVirtualMachine, virtualMachine)
	g.Add(model.TypeVMExtension, vmExtension)
	g.Add(model.TypeAutoShutdown, autoShutdown)
}

// virtualMachine reads a VM with one NIC and a managed OS disk. The Linux
// SSH key and the Windows password are read as the deployment parameters
// they come from, never as values. A member or purpose, documentation
// only, is not in the template.
// https://learn.microsoft.com/en-us/azure/templates/microsoft.compute/virtualmachines
func virtualMachine(x *Ctx, r importarm.Resource) (model.Resource, error) {
	p := x.Props()
	sp, op, sec := p.Get("storageProfile"), p.Get("osProfile"), p.Get("securityProfile")
	img, disk := sp.Get("imageReference"), sp.Get("osDisk")
	vm := &model.VirtualMachine{Meta: x.Meta(),
		Size:             x.Str(p.At("hardwareProfile", "vmSize")),
		OS:               model.OSFamily(x.Str(disk.Get("osType"))),
		Image:            model.ImageReference{Publisher: x.Str(img.Get("publisher")), Offer: x.Str(img.Get("offer")), SKU: x.Str(img.Get("sku")), Version: x.Str(img.Get("version"))},
		ComputerName:     x.Str(op.Get("computerName")),
		AdminUsername:    x.Str(op.Get("adminUsername")),
		OSDisk:           model.OSDisk{Name: x.Str(disk.Get("name")), SizeGB: x.Int(disk.Get("diskSizeGB")), SKU: model.DiskSKU(x.Str(disk.At("managedDisk", "storageAccountType")))},
		Security:         model.SecurityType(x.Str(sec.Get("securityType"))),
		SecureBoot:       x.Bool(sec.At("uefiSettings", "secureBootEnabled")),
		VTPM:             x.Bool(sec.At("uefiSettings", "vTpmEnabled")),
		EncryptionAtHost: x.Bool(sec.Get("encryptionAtHost")),
		Identity:         x.resourceIdentity(),
		BootDiagnostics:  x.Bool(p.At("diagnosticsProfile", "bootDiagnostics", "enabled")),
	}
	nics := x.Items(p.At("networkProfile", "networkInterfaces"))
	if len(nics) > 0 {
		vm.NIC = x.Ref(nics[0].Get("id"))
	}
	if len(nics) > 1 {
		x.ds.Warnf(x.pos(p.At("networkProfile", "networkInterfaces")), "reach reads the first network interface only", "%s: %d network interfaces, only the first is imported", r.Name, len(nics))
	}
	osConfig := op.Get("linuxConfiguration")
	if vm.OS == model.OSWindows {
		osConfig = op.Get("windowsConfiguration")
		if pw := op.Get("adminPassword"); !pw.Null() {
			vm.AdminPassword = model.Secret{Parameter: x.parameterName(pw)}
		}
	} else if keys := x.Items(osConfig.At("ssh", "publicKeys")); len(keys) > 0 {
		vm.SSHPublicKeyParameter = x.parameterName(keys[0].Get("keyData"))
	}
	vm.Patching = model.PatchMode(x.Str(osConfig.At("patchSettings", "patchMode")))
	// Periodic assessment is on when Azure orchestrates it.
	// https://learn.microsoft.com/en-us/azure/update-manager/assessment-options
	vm.PatchAssessment = strings.EqualFold(x.Str(osConfig.At("patchSettings", "assessmentMode")), "AutomaticByPlatform")
	return vm, nil
}

// parameterName returns the deployment parameter v is written as,
// "[parameters('name')]"; a value written any other way is an error, since
// the model keeps credentials as parameters only.
func (x *Ctx) parameterName(v V) string {
	src, _ := v.r.Source(v.path)
	in, ok := strings.CutPrefix(src, "[parameters('")
	name, ok2 := strings.CutSuffix(in, "')]")
	if !ok || !ok2 || name == "" || strings.ContainsAny(name, "'()[]") {
		x.ds.Errorf(x.pos(v), "pass credentials as [parameters('name')]", "%s: %s is not written as a deployment parameter", x.r.Name, x.docPath(v))
		return ""
	}
	return name
}

// resourceIdentity reads the resource's managed identity block.
// https://learn.microsoft.com/en-us/azure/templates/microsoft.compute/virtualmachines#virtualmachineidentity
func (x *Ctx) resourceIdentity() model.Identity {
	v := x.Value(x.r.Identity, "identity")
	var id model.Identity
	if v.Null() {
		return id
	}
	for _, t := range strings.Split(x.Str(v.Get("type")), ",") {
		if strings.EqualFold(strings.TrimSpace(t), "SystemAssigned") {
			id.SystemAssigned = true
		}
	}
	ua := v.Get("userAssignedIdentities")
	if ua.Null() || !x.known(ua) {
		return id
	}
	o := ua.v.Obj()
	if o == nil {
		x.typeError(ua, "an object")
		return id
	}
	for _, k := range o.Keys {
		id.UserAssigned = append(id.UserAssigned, x.Ref(x.Value(importarm.StringValue(k), ua.path)))
	}
	return id
}

// extensionKinds names the extensions enclave installs, by publisher and
// type; their settings are fixed, so publisher and type say everything.
var extensionKinds = map[[2]string]model.ExtensionKind{
	{"microsoft.azure.activedirectory", "aadsshloginforlinux"}:          model.ExtEntraLogin,
	{"microsoft.azure.activedirectory", "aadloginforwindows"}:           model.ExtEntraLogin,
	{"microsoft.azure.monitor", "azuremonitorlinuxagent"}:               model.ExtMonitorAgent,
	{"microsoft.azure.monitor", "azuremonitorwindowsagent"}:             model.ExtMonitorAgent,
	{"microsoft.azure.security.linuxattestation", "guestattestation"}:   model.ExtGuestAttestation,
	{"microsoft.azure.security.windowsattestation", "guestattestation"}: model.ExtGuestAttestation,
}

// vmExtension reads the extensions enclave knows, and the custom script
// that registers a Data Factory self-hosted integration runtime. Any other
// extension stays opaque so its settings are kept.
func vmExtension(x *Ctx, r importarm.Resource) (model.Resource, error) {
	p := x.Props()
	pub, typ := x.Str(p.Get("publisher")), x.Str(p.Get("type"))
	e := &model.VMExtension{Meta: x.Meta(), Publisher: pub, ExtensionType: typ,
		TypeHandlerVersion:      x.Str(p.Get("typeHandlerVersion")),
		AutoUpgradeMinorVersion: x.Bool(p.Get("autoUpgradeMinorVersion")),
		AutomaticUpgrade:        x.Bool(p.Get("enableAutomaticUpgrade")),
	}
	if k, ok := extensionKinds[[2]string{strings.ToLower(pub), strings.ToLower(typ)}]; ok {
		e.Kind = k
		return e, nil
	}
	if strings.EqualFold(pub, "Microsoft.Compute") && strings.EqualFold(typ, "CustomScriptExtension") {
		if script, ir, ok := integrationRuntimeScript(x, p.At("protectedSettings", "commandToExecute")); ok {
			e.Kind, e.Script, e.RegistersIntegrationRuntime = model.ExtIntegrationRuntime, script, ir
			return e, nil
		}
	}
	return opaque(x, r)
}

// The command enclave writes for an integration runtime extension: a
// PowerShell script block run with the runtime's authentication key,
// read with listAuthKeys() at deployment, as its argument.
// https://learn.microsoft.com/en-us/azure/data-factory/create-self-hosted-integration-runtime
const (
	irCommandPrefix = `powershell.exe -NoProfile -ExecutionPolicy Bypass -Command "& { param([string]$key) `
	irCommandSuffix = ` } '`
	irCommandTail   = `.authKey1, '''"')]`
)

// integrationRuntimeScript recovers the script and the integration
// runtime of a command written as enclave writes it:
// [concat('<prefix><script><suffix>', listAuthKeys(<runtime>, ...).authKey1, ”'"')].
// Any other command is not the model's, and ok is false.
func integrationRuntimeScript(x *Ctx, v V) (script string, ir model.Ref, ok bool) {
	u := v.v.Unknown()
	if u == nil || u.Cause != importarm.CauseList || u.Target == "" || !strings.HasPrefix(strings.ToLower(u.Expr), "listauthkeys(") {
		return "", model.Ref{}, false
	}
	src, _ := v.r.Source(v.path)
	rest, found := strings.CutPrefix(src, "[concat('")
	if !found || !strings.HasSuffix(rest, irCommandTail) {
		return "", model.Ref{}, false
	}
	lit, after, found := armLiteral(rest)
	if !found || !strings.HasPrefix(after, ", "+u.Expr) {
		return "", model.Ref{}, false
	}
	body, found := strings.CutPrefix(lit, irCommandPrefix)
	if !found {
		return "", model.Ref{}, false
	}
	script, found = strings.CutSuffix(body, irCommandSuffix)
	if !found {
		return "", model.Ref{}, false
	}
	a, err := ParseID(u.Target)
	if err != nil {
		return "", model.Ref{}, false
	}
	return script, x.canonical(a).Ref(), true
}

// armLiteral reads the body of an ARM single-quoted string whose opening
// quote has been consumed (” stands for '), returning the text after the
// closing quote.
func armLiteral(s string) (lit, rest string, ok bool) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\'' {
			b.WriteByte(s[i])
			continue
		}
		if i+1 < len(s) && s[i+1] == '\'' {
			b.WriteByte('\'')
			i++
			continue
		}
		return b.String(), s[i+1:], true
	}
	return "", "", false
}

// autoShutdown reads a DevTest Labs daily shutdown schedule; a disabled
// one stays opaque, since the model's schedules always run.
// https://learn.microsoft.com/en-us/azure/templates/microsoft.devtestlab/schedules
func autoShutdown(x *Ctx, r importarm.Resource) (model.Resource, error) {
	p := x.Props()
	if s := p.Get("status"); !s.Null() && !strings.EqualFold(x.Str(s), "Enabled") {
		return opaque(x, r)
	}
	return &model.AutoShutdown{Meta: x.Meta(),
		Target:   x.Ref(p.Get("targetResourceId")),
		Time:     x.Str(p.At("dailyRecurrence", "time")),
		TimeZone: x.Str(p.Get("timeZoneId")),
		TaskType: x.Str(p.Get("taskType")),
	}, nil
}
