package terraform

import (
	"fmt"
	"strings"

	"github.com/enclave-dev/enclave/internal/model"
)

// Compute: NICs, virtual machines, their extensions and auto-shutdown
// schedules. azurerm splits the VM by operating system
// (azurerm_linux_virtual_machine, azurerm_windows_virtual_machine); each
// spells the ARM osProfile, storageProfile and securityProfile as flat
// attributes and the os_disk / source_image_reference blocks.
func computeKinds() table {
	t := table{}
	t.add(kind(networkInterface))
	t.add(kind(virtualMachine))
	t.add(kind(vmExtension))
	t.add(kind(autoShutdown))
	return t
}

// networkInterface writes the NIC's single IP configuration. Like the
// model, it never has a public IP.
func networkInterface(x *Ctx, r *model.NetworkInterface) error {
	b := x.Top("azurerm_network_interface")
	b.Set("accelerated_networking_enabled", Bool(r.AcceleratedNetworking))
	b.Set("ip_forwarding_enabled", Bool(false))
	ip := b.Block("ip_configuration")
	ip.Set("name", String("ipconfig1"))
	ip.Set("primary", Bool(true))
	ip.Set("subnet_id", x.ID(r.Subnet))
	ip.Set("private_ip_address_version", String("IPv4"))
	if r.PrivateIP.IsValid() {
		ip.Set("private_ip_address_allocation", String("Static"))
		ip.Set("private_ip_address", String(r.PrivateIP.String()))
	} else {
		ip.Set("private_ip_address_allocation", String("Dynamic"))
	}
	return nil
}

// virtualMachine writes a Linux or Windows VM. Linux administrators
// authenticate with an SSH key only (disable_password_authentication);
// the Windows password is a sensitive variable. Trusted launch is implied
// in azurerm by secure_boot_enabled / vtpm_enabled, which is how the ARM
// securityProfile.uefiSettings is spelled here.
func virtualMachine(x *Ctx, r *model.VirtualMachine) error {
	var b *Body
	switch r.OS {
	case model.OSLinux:
		if r.SSHPublicKeyParameter == "" {
			return fmt.Errorf("linux VM without an SSH public key parameter")
		}
		b = x.Top("azurerm_linux_virtual_machine")
	case model.OSWindows:
		b = x.Top("azurerm_windows_virtual_machine")
	default:
		return fmt.Errorf("unknown OS %q", r.OS)
	}
	b.Set("size", String(r.Size))
	b.Set("computer_name", String(r.ComputerName))
	b.Set("admin_username", String(r.AdminUsername))
	switch r.OS {
	case model.OSLinux:
		b.Set("disable_password_authentication", Bool(true))
	case model.OSWindows:
		pw, err := x.Secret(r.AdminPassword)
		if err != nil {
			return err
		}
		b.Set("admin_password", pw)
		b.Set("automatic_updates_enabled", Bool(r.Patching == model.PatchAutomaticByOS || r.Patching == model.PatchAutomaticByPlatform))
	}
	b.Set("network_interface_ids", List(x.ID(r.NIC)))
	b.Set("provision_vm_agent", Bool(true))
	b.Set("allow_extension_operations", Bool(true))
	if r.Patching != "" {
		b.Set("patch_mode", String(string(r.Patching)))
	}
	assessment := "ImageDefault"
	if r.PatchAssessment {
		assessment = "AutomaticByPlatform"
	}
	b.Set("patch_assessment_mode", String(assessment))
	b.Set("encryption_at_host_enabled", Bool(r.EncryptionAtHost))
	if r.Security == model.SecurityTrustedLaunch {
		b.Set("secure_boot_enabled", Bool(r.SecureBoot))
		b.Set("vtpm_enabled", Bool(r.VTPM))
	}
	if r.OS == model.OSLinux {
		k := b.Block("admin_ssh_key")
		k.Set("username", String(r.AdminUsername))
		k.Set("public_key", x.Param(r.SSHPublicKeyParameter))
	}
	d := b.Block("os_disk")
	if r.OSDisk.Name != "" {
		d.Set("name", String(r.OSDisk.Name))
	}
	d.Set("caching", String("ReadWrite"))
	d.Set("storage_account_type", String(string(r.OSDisk.SKU)))
	if r.OSDisk.SizeGB > 0 {
		d.Set("disk_size_gb", Number(int64(r.OSDisk.SizeGB)))
	}
	img := b.Block("source_image_reference")
	img.Set("publisher", String(r.Image.Publisher))
	img.Set("offer", String(r.Image.Offer))
	img.Set("sku", String(r.Image.SKU))
	img.Set("version", String(r.Image.Version))
	if r.BootDiagnostics {
		// An empty boot_diagnostics block (no storage_account_uri) is
		// platform-managed storage, as the ARM bootDiagnostics without a
		// storageUri.
		b.Block("boot_diagnostics")
	}
	x.Identity(b, r.Identity)
	return nil
}

// vmExtension writes an azurerm_virtual_machine_extension. Settings are
// JSON strings in azurerm; an extension without settings sets none.
func vmExtension(x *Ctx, r *model.VMExtension) error {
	b := x.Resource("azurerm_virtual_machine_extension", x.Address())
	b.Set("name", String(leaf(r.Name)))
	b.Set("virtual_machine_id", x.ID(x.Address().Parent().Ref()))
	b.Set("publisher", String(r.Publisher))
	b.Set("type", String(r.ExtensionType))
	b.Set("type_handler_version", String(r.TypeHandlerVersion))
	b.Set("auto_upgrade_minor_version", Bool(r.AutoUpgradeMinorVersion))
	b.Set("automatic_upgrade_enabled", Bool(r.AutomaticUpgrade))
	switch r.Kind {
	case model.ExtGuestAttestation:
		// The shared Microsoft Azure Attestation tenant, reporting to
		// Defender for Cloud: the same settings as the ARM rendering.
		b.Set("settings", Call("jsonencode", Object(Field{"AttestationConfig", Object(
			Field{"MaaSettings", Object(Field{"maaEndpoint", String("")}, Field{"maaTenantName", String("GuestAttestation")})},
			Field{"AscSettings", Object(Field{"ascReportingEndpoint", String("")}, Field{"ascReportingFrequency", String("")})},
			Field{"useCustomToken", String("false")},
			Field{"disableAlerts", String("false")},
		)})))
	case model.ExtIntegrationRuntime:
		cmd, err := integrationRuntimeCommand(x, r)
		if err != nil {
			return err
		}
		b.Set("protected_settings", Call("jsonencode", Object(Field{"commandToExecute", cmd})))
	}
	x.tags(b)
	return nil
}

// integrationRuntimeCommand runs the extension's script with the
// self-hosted integration runtime's primary authentication key, which
// azurerm exports as primary_authorization_key (ARM reads it with
// listAuthKeys). The key is only ever in protected_settings, a sensitive
// attribute Azure encrypts and never returns; it is never an output.
func integrationRuntimeCommand(x *Ctx, r *model.VMExtension) (Expr, error) {
	if r.RegistersIntegrationRuntime.IsZero() || r.Script == "" {
		return nil, fmt.Errorf("integration runtime extension needs a script and an integration runtime")
	}
	if strings.Contains(r.Script, `"`) {
		return nil, fmt.Errorf("integration runtime script must not contain double quotes")
	}
	prefix := `powershell.exe -NoProfile -ExecutionPolicy Bypass -Command "& { param([string]$key) ` + r.Script + ` } '`
	return Interp(String(prefix), x.Ref(r.RegistersIntegrationRuntime, "primary_authorization_key"), String(`'"`)), nil
}

// autoShutdown writes the DevTest Labs global VM shutdown schedule; azurerm
// names it shutdown-computevm-<vm> itself, as Azure requires.
func autoShutdown(x *Ctx, r *model.AutoShutdown) error {
	if r.TaskType != "" && r.TaskType != model.AutoShutdownTask {
		return fmt.Errorf("schedule task %q is not a VM shutdown", r.TaskType)
	}
	b := x.Resource("azurerm_dev_test_global_vm_shutdown_schedule", x.Address())
	b.Set("virtual_machine_id", x.ID(r.Target))
	b.Set("location", x.Location())
	b.Set("enabled", Bool(true))
	b.Set("daily_recurrence_time", String(r.Time))
	b.Set("timezone", String(r.TimeZone))
	n := b.Block("notification_settings")
	n.Set("enabled", Bool(false))
	n.Set("time_in_minutes", Number(30))
	x.tags(b)
	return nil
}
