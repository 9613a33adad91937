package model

import "net/netip"

// Compute: virtual machines, their network interfaces and extensions, and
// the DevTest Labs schedules that shut them down every evening.
const (
	TypeNetworkInterface Type = "Microsoft.Network/networkInterfaces"
	TypeVirtualMachine   Type = "Microsoft.Compute/virtualMachines"
	TypeVMExtension      Type = "Microsoft.Compute/virtualMachines/extensions"
	TypeAutoShutdown     Type = "Microsoft.DevTestLab/schedules"
)

// NetworkInterface is a NIC with a single private IP configuration in
// Subnet. The model has no field for a public IP: enclave never gives a
// virtual machine one.
type NetworkInterface struct {
	Meta
	Subnet Ref
	// PrivateIP is a static address; the zero Addr lets Azure assign one.
	PrivateIP netip.Addr
	// AcceleratedNetworking enables SR-IOV; only some sizes support it.
	AcceleratedNetworking bool
}

func (*NetworkInterface) Type() Type { return TypeNetworkInterface }

// OSFamily is a virtual machine's operating system family.
type OSFamily string

const (
	OSLinux   OSFamily = "Linux"
	OSWindows OSFamily = "Windows"
)

// DiskSKU is a managed disk's storage type.
type DiskSKU string

const (
	DiskPremiumSSD  DiskSKU = "Premium_LRS"
	DiskStandardSSD DiskSKU = "StandardSSD_LRS"
)

// SecurityType is a virtual machine's security profile.
type SecurityType string

const (
	SecurityTrustedLaunch SecurityType = "TrustedLaunch"
	SecurityStandard      SecurityType = "Standard"
)

// PatchMode is how the guest OS receives updates.
type PatchMode string

const (
	// PatchImageDefault keeps the image's own mechanism (unattended-upgrades
	// on Ubuntu).
	PatchImageDefault PatchMode = "ImageDefault"
	// PatchAutomaticByOS lets Windows Update install updates.
	PatchAutomaticByOS PatchMode = "AutomaticByOS"
	// PatchAutomaticByPlatform lets Azure orchestrate updates.
	PatchAutomaticByPlatform PatchMode = "AutomaticByPlatform"
)

// ImageReference names a marketplace image.
type ImageReference struct {
	Publisher, Offer, SKU, Version string
}

// OSDisk is a virtual machine's managed OS disk.
type OSDisk struct {
	Name   string
	SizeGB int
	SKU    DiskSKU
}

// VirtualMachine is a VM with one NIC and a managed OS disk. Linux VMs
// authenticate the local administrator with an SSH key only; Windows VMs
// with a password from a secure parameter. People sign in with Entra ID.
type VirtualMachine struct {
	Meta
	Size  string
	OS    OSFamily
	Image ImageReference
	// ComputerName is the host name; Windows limits it to 15 characters.
	ComputerName  string
	AdminUsername string
	// SSHPublicKeyParameter names the (non-secret) deployment parameter
	// holding the Linux administrator's SSH public key. Password
	// authentication is always disabled on Linux.
	SSHPublicKeyParameter string
	// AdminPassword is the Windows administrator password.
	AdminPassword Secret
	NIC           Ref
	OSDisk        OSDisk
	Security      SecurityType
	// SecureBoot and VTPM are the trusted launch UEFI settings.
	SecureBoot, VTPM bool
	// EncryptionAtHost encrypts temp disks and disk caches on the host.
	EncryptionAtHost bool
	Identity         Identity
	// BootDiagnostics keeps serial console and screenshots in
	// platform-managed storage.
	BootDiagnostics bool
	Patching        PatchMode
	// PatchAssessment has Azure check for missing updates periodically.
	PatchAssessment bool
	// Member is the team member the VM belongs to ("" for shared VMs);
	// Purpose says what it is for. Both are for documentation.
	Member  string
	Purpose string
}

func (*VirtualMachine) Type() Type { return TypeVirtualMachine }

// ExtensionKind is what a VM extension does.
type ExtensionKind string

const (
	// ExtEntraLogin lets Entra ID users sign in (AADSSHLoginForLinux,
	// AADLoginForWindows).
	ExtEntraLogin ExtensionKind = "EntraLogin"
	// ExtMonitorAgent is the Azure Monitor Agent, configured by data
	// collection rules.
	ExtMonitorAgent ExtensionKind = "MonitorAgent"
	// ExtGuestAttestation reports trusted launch boot integrity to
	// Defender for Cloud.
	ExtGuestAttestation ExtensionKind = "GuestAttestation"
	// ExtIntegrationRuntime installs the Data Factory self-hosted
	// integration runtime and registers it.
	ExtIntegrationRuntime ExtensionKind = "IntegrationRuntime"
)

// VMExtension is a child of a virtual machine: Name is "<vm>/<extension>".
type VMExtension struct {
	Meta
	Kind               ExtensionKind
	Publisher          string
	ExtensionType      string
	TypeHandlerVersion string
	// AutoUpgradeMinorVersion picks up minor versions at deployment;
	// AutomaticUpgrade lets the platform roll out new versions.
	AutoUpgradeMinorVersion bool
	AutomaticUpgrade        bool
	// Script is the PowerShell an ExtIntegrationRuntime extension runs. It
	// receives the integration runtime's authentication key as $key; the
	// key is read at deployment time and travels only in protected
	// settings.
	Script string
	// RegistersIntegrationRuntime is the Microsoft.DataFactory
	// integration runtime whose key Script receives.
	RegistersIntegrationRuntime Ref
}

func (*VMExtension) Type() Type { return TypeVMExtension }

// AutoShutdown is a DevTest Labs schedule that stops (deallocates) a VM
// every day. Azure requires the name "shutdown-computevm-<vm>", in the VM's
// resource group; use AutoShutdownName.
type AutoShutdown struct {
	Meta
	Target Ref
	// Time is the local time of day, "1900".
	Time string
	// TimeZone is a Windows time-zone ID ("AUS Eastern Standard Time").
	TimeZone string
	// TaskType is always ComputeVmShutdownTask.
	TaskType string
}

func (*AutoShutdown) Type() Type { return TypeAutoShutdown }

// AutoShutdownTask is the task type of VM shutdown schedules.
const AutoShutdownTask = "ComputeVmShutdownTask"

// AutoShutdownName is the schedule name Azure expects for a VM.
func AutoShutdownName(vm string) string { return "shutdown-computevm-" + vm }
