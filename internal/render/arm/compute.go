package arm

import (
	"fmt"
	"strings"

	"github.com/enclave-dev/enclave/internal/model"
)

// API versions of the compute kinds: the newest non-preview versions in
// the published schemas.
const (
	computeAPI     = "2025-11-01"
	networkNICAPI  = "2025-07-01"
	devTestLabsAPI = "2018-09-15"
)

func computeKinds() table {
	t := table{}
	t.add(kind(networkNICAPI, nicBody))
	t.add(kind(computeAPI, vmBody))
	t.add(kind(computeAPI, extensionBody))
	t.add(kind(devTestLabsAPI, func(x *Ctx, r *model.AutoShutdown) (Body, error) {
		return Body{Properties: scheduleProps{
			Status:               "Enabled",
			TaskType:             r.TaskType,
			DailyRecurrence:      &dailyRecurrence{Time: r.Time},
			TimeZoneID:           r.TimeZone,
			TargetResourceID:     x.ID(r.Target),
			NotificationSettings: &scheduleNotification{Status: "Disabled", TimeInMinutes: 30},
		}}, nil
	}))
	return t
}

type nicProps struct {
	IPConfigurations            []nicIPConfig `json:"ipConfigurations"`
	EnableAcceleratedNetworking bool          `json:"enableAcceleratedNetworking"`
	EnableIPForwarding          bool          `json:"enableIPForwarding"`
}

type nicIPConfig struct {
	Name       string            `json:"name"`
	Properties nicIPConfigValues `json:"properties"`
}

type nicIPConfigValues struct {
	Primary                   bool         `json:"primary"`
	PrivateIPAllocationMethod string       `json:"privateIPAllocationMethod"`
	PrivateIPAddress          string       `json:"privateIPAddress,omitempty"`
	PrivateIPAddressVersion   string       `json:"privateIPAddressVersion"`
	Subnet                    *SubResource `json:"subnet"`
}

func nicBody(x *Ctx, r *model.NetworkInterface) (Body, error) {
	ip := nicIPConfigValues{
		Primary:                   true,
		PrivateIPAllocationMethod: "Dynamic",
		PrivateIPAddressVersion:   "IPv4",
		Subnet:                    x.Sub(r.Subnet),
	}
	if r.PrivateIP.IsValid() {
		ip.PrivateIPAllocationMethod = "Static"
		ip.PrivateIPAddress = r.PrivateIP.String()
	}
	return Body{Properties: nicProps{
		IPConfigurations:            []nicIPConfig{{Name: "ipconfig1", Properties: ip}},
		EnableAcceleratedNetworking: r.AcceleratedNetworking,
	}}, nil
}

type vmProps struct {
	HardwareProfile    vmHardware    `json:"hardwareProfile"`
	StorageProfile     vmStorage     `json:"storageProfile"`
	OSProfile          vmOSProfile   `json:"osProfile"`
	NetworkProfile     vmNetwork     `json:"networkProfile"`
	SecurityProfile    *vmSecurity   `json:"securityProfile,omitempty"`
	DiagnosticsProfile vmDiagnostics `json:"diagnosticsProfile"`
}

type vmHardware struct {
	VMSize string `json:"vmSize"`
}

type vmStorage struct {
	ImageReference vmImage  `json:"imageReference"`
	OSDisk         vmOSDisk `json:"osDisk"`
}

type vmImage struct {
	Publisher string `json:"publisher"`
	Offer     string `json:"offer"`
	SKU       string `json:"sku"`
	Version   string `json:"version"`
}

type vmOSDisk struct {
	Name         string        `json:"name"`
	OSFamily     string        `json:"osType"`
	CreateOption string        `json:"createOption"`
	Caching      string        `json:"caching"`
	DiskSizeGB   int           `json:"diskSizeGB,omitempty"`
	ManagedDisk  vmManagedDisk `json:"managedDisk"`
}

type vmManagedDisk struct {
	StorageAccountType string `json:"storageAccountType"`
}

type vmOSProfile struct {
	ComputerName             string           `json:"computerName"`
	AdminUsername            string           `json:"adminUsername"`
	AdminPassword            string           `json:"adminPassword,omitempty"`
	AllowExtensionOperations bool             `json:"allowExtensionOperations"`
	LinuxConfiguration       *vmLinuxConfig   `json:"linuxConfiguration,omitempty"`
	WindowsConfiguration     *vmWindowsConfig `json:"windowsConfiguration,omitempty"`
}

type vmLinuxConfig struct {
	DisablePasswordAuthentication bool            `json:"disablePasswordAuthentication"`
	SSH                           vmSSH           `json:"ssh"`
	ProvisionVMAgent              bool            `json:"provisionVMAgent"`
	PatchSettings                 vmPatchSettings `json:"patchSettings"`
}

type vmSSH struct {
	PublicKeys []vmSSHKey `json:"publicKeys"`
}

type vmSSHKey struct {
	Path    string `json:"path"`
	KeyData string `json:"keyData"`
}

type vmWindowsConfig struct {
	ProvisionVMAgent       bool            `json:"provisionVMAgent"`
	EnableAutomaticUpdates bool            `json:"enableAutomaticUpdates"`
	PatchSettings          vmPatchSettings `json:"patchSettings"`
}

type vmPatchSettings struct {
	PatchMode      string `json:"patchMode"`
	AssessmentMode string `json:"assessmentMode"`
}

type vmNetwork struct {
	NetworkInterfaces []vmNIC `json:"networkInterfaces"`
}

type vmNIC struct {
	ID         string        `json:"id"`
	Properties vmNICSettings `json:"properties"`
}

type vmNICSettings struct {
	Primary bool `json:"primary"`
}

type vmSecurity struct {
	SecurityType     string  `json:"securityType"`
	EncryptionAtHost bool    `json:"encryptionAtHost"`
	UEFISettings     *vmUEFI `json:"uefiSettings,omitempty"`
}

type vmUEFI struct {
	SecureBootEnabled bool `json:"secureBootEnabled"`
	VTPMEnabled       bool `json:"vTpmEnabled"`
}

type vmDiagnostics struct {
	BootDiagnostics vmBootDiagnostics `json:"bootDiagnostics"`
}

// vmBootDiagnostics without storageUri uses platform-managed storage.
type vmBootDiagnostics struct {
	Enabled bool `json:"enabled"`
}

func vmBody(x *Ctx, r *model.VirtualMachine) (Body, error) {
	os := vmOSProfile{
		ComputerName:             r.ComputerName,
		AdminUsername:            r.AdminUsername,
		AllowExtensionOperations: true,
	}
	assessment := "ImageDefault"
	if r.PatchAssessment {
		assessment = "AutomaticByPlatform"
	}
	patch := vmPatchSettings{PatchMode: string(r.Patching), AssessmentMode: assessment}
	switch r.OS {
	case model.OSLinux:
		if r.SSHPublicKeyParameter == "" {
			return Body{}, fmt.Errorf("linux VM without an SSH public key parameter")
		}
		os.LinuxConfiguration = &vmLinuxConfig{
			DisablePasswordAuthentication: true,
			SSH: vmSSH{PublicKeys: []vmSSHKey{{
				Path:    "/home/" + r.AdminUsername + "/.ssh/authorized_keys",
				KeyData: x.Param(r.SSHPublicKeyParameter),
			}}},
			ProvisionVMAgent: true,
			PatchSettings:    patch,
		}
	case model.OSWindows:
		pw, err := x.Secret(r.AdminPassword)
		if err != nil {
			return Body{}, err
		}
		os.AdminPassword = pw
		os.WindowsConfiguration = &vmWindowsConfig{
			ProvisionVMAgent:       true,
			EnableAutomaticUpdates: r.Patching == model.PatchAutomaticByOS || r.Patching == model.PatchAutomaticByPlatform,
			PatchSettings:          patch,
		}
	default:
		return Body{}, fmt.Errorf("unknown OS %q", r.OS)
	}
	p := vmProps{
		HardwareProfile: vmHardware{VMSize: r.Size},
		StorageProfile: vmStorage{
			ImageReference: vmImage(r.Image),
			OSDisk: vmOSDisk{
				Name:         r.OSDisk.Name,
				OSFamily:     string(r.OS),
				CreateOption: "FromImage",
				Caching:      "ReadWrite",
				DiskSizeGB:   r.OSDisk.SizeGB,
				ManagedDisk:  vmManagedDisk{StorageAccountType: string(r.OSDisk.SKU)},
			},
		},
		OSProfile:          os,
		NetworkProfile:     vmNetwork{NetworkInterfaces: []vmNIC{{ID: x.ID(r.NIC), Properties: vmNICSettings{Primary: true}}}},
		DiagnosticsProfile: vmDiagnostics{BootDiagnostics: vmBootDiagnostics{Enabled: r.BootDiagnostics}},
	}
	if r.Security != "" || r.EncryptionAtHost {
		p.SecurityProfile = &vmSecurity{SecurityType: string(r.Security), EncryptionAtHost: r.EncryptionAtHost}
		if r.Security == model.SecurityTrustedLaunch {
			p.SecurityProfile.UEFISettings = &vmUEFI{SecureBootEnabled: r.SecureBoot, VTPMEnabled: r.VTPM}
		}
	}
	return Body{Properties: p, Identity: x.Identity(r.Identity)}, nil
}

type extensionProps struct {
	Publisher               string            `json:"publisher"`
	Type                    string            `json:"type"`
	TypeHandlerVersion      string            `json:"typeHandlerVersion"`
	AutoUpgradeMinorVersion bool              `json:"autoUpgradeMinorVersion"`
	EnableAutomaticUpgrade  bool              `json:"enableAutomaticUpgrade"`
	Settings                any               `json:"settings"`
	ProtectedSettings       *commandToExecute `json:"protectedSettings,omitempty"`
}

// noSettings is an extension without settings; the schema requires the key.
type noSettings struct{}

// attestationSettings configure the guest attestation extension to use
// the shared Microsoft Azure Attestation tenant and report to Defender.
type attestationSettings struct {
	AttestationConfig attestationConfig `json:"AttestationConfig"`
}

type attestationConfig struct {
	MaaSettings    maaSettings `json:"MaaSettings"`
	AscSettings    ascSettings `json:"AscSettings"`
	UseCustomToken string      `json:"useCustomToken"`
	DisableAlerts  string      `json:"disableAlerts"`
}

type maaSettings struct {
	MaaEndpoint   string `json:"maaEndpoint"`
	MaaTenantName string `json:"maaTenantName"`
}

type ascSettings struct {
	AscReportingEndpoint  string `json:"ascReportingEndpoint"`
	AscReportingFrequency string `json:"ascReportingFrequency"`
}

type commandToExecute struct {
	CommandToExecute string `json:"commandToExecute"`
}

func extensionBody(x *Ctx, r *model.VMExtension) (Body, error) {
	p := extensionProps{
		Publisher:               r.Publisher,
		Type:                    r.ExtensionType,
		TypeHandlerVersion:      r.TypeHandlerVersion,
		AutoUpgradeMinorVersion: r.AutoUpgradeMinorVersion,
		EnableAutomaticUpgrade:  r.AutomaticUpgrade,
		Settings:                noSettings{},
	}
	switch r.Kind {
	case model.ExtGuestAttestation:
		p.Settings = attestationSettings{AttestationConfig: attestationConfig{
			MaaSettings:    maaSettings{MaaTenantName: "GuestAttestation"},
			UseCustomToken: "false",
			DisableAlerts:  "false",
		}}
	case model.ExtIntegrationRuntime:
		cmd, err := integrationRuntimeCommand(x, r)
		if err != nil {
			return Body{}, err
		}
		p.ProtectedSettings = &commandToExecute{CommandToExecute: cmd}
	}
	return Body{Properties: p}, nil
}

// integrationRuntimeCommand runs the extension's script with the
// integration runtime's first authentication key, read with listAuthKeys
// when the deployment runs. The command (and so the key) is only ever in
// protectedSettings, which Azure encrypts and never returns.
func integrationRuntimeCommand(x *Ctx, r *model.VMExtension) (string, error) {
	if r.RegistersIntegrationRuntime.IsZero() || r.Script == "" {
		return "", fmt.Errorf("integration runtime extension needs a script and an integration runtime")
	}
	if strings.Contains(r.Script, `"`) {
		return "", fmt.Errorf("integration runtime script must not contain double quotes")
	}
	prefix := `powershell.exe -NoProfile -ExecutionPolicy Bypass -Command "& { param([string]$key) ` + r.Script + ` } '`
	// listAuthKeys is called with the integration runtime's own apiVersion.
	key := fmt.Sprintf("listAuthKeys(%s, '%s').authKey1", x.IDExpr(r.RegistersIntegrationRuntime), x.kinds[r.RegistersIntegrationRuntime.Type].apiVersion)
	return fmt.Sprintf("[concat(%s, %s, %s)]", quote(prefix), key, quote(`'"`)), nil
}

type scheduleProps struct {
	Status               string                `json:"status"`
	TaskType             string                `json:"taskType"`
	DailyRecurrence      *dailyRecurrence      `json:"dailyRecurrence"`
	TimeZoneID           string                `json:"timeZoneId"`
	TargetResourceID     string                `json:"targetResourceId"`
	NotificationSettings *scheduleNotification `json:"notificationSettings"`
}

type dailyRecurrence struct {
	Time string `json:"time"`
}

type scheduleNotification struct {
	Status        string `json:"status"`
	TimeInMinutes int    `json:"timeInMinutes"`
}
