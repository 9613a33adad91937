package model

// Private link: endpoints, their DNS zone groups, and private DNS zones
// linked to virtual networks.
const (
	TypePrivateEndpoint     Type = "Microsoft.Network/privateEndpoints"
	TypePrivateDNSZoneGroup Type = "Microsoft.Network/privateEndpoints/privateDnsZoneGroups"
	TypePrivateDNSZone      Type = "Microsoft.Network/privateDnsZones"
	TypePrivateDNSZoneLink  Type = "Microsoft.Network/privateDnsZones/virtualNetworkLinks"
)

// PrivateEndpoint connects one sub-resource (GroupID) of a PaaS resource to a
// subnet. Connections are auto-approved unless ManualApproval is set.
type PrivateEndpoint struct {
	Meta
	Subnet         Ref
	Target         Ref
	GroupID        string
	ManualApproval bool
	// Approved is false only for a manual connection still pending; reach
	// treats a pending endpoint as carrying no traffic.
	Approved bool
}

func (*PrivateEndpoint) Type() Type { return TypePrivateEndpoint }

// PrivateDNSZoneGroup registers a private endpoint's addresses in zones.
// Its name is "<endpoint>/default".
type PrivateDNSZoneGroup struct {
	Meta
	Zones []Ref
}

func (*PrivateDNSZoneGroup) Type() Type { return TypePrivateDNSZoneGroup }

// PrivateDNSZone is a private DNS zone, e.g. privatelink.blob.core.windows.net.
// Location is always "global".
type PrivateDNSZone struct {
	Meta
}

func (*PrivateDNSZone) Type() Type { return TypePrivateDNSZone }

// PrivateDNSZoneLink links a zone to a virtual network. Its name is
// "<zone>/<link>"; Location is "global".
type PrivateDNSZoneLink struct {
	Meta
	VirtualNetwork      Ref
	RegistrationEnabled bool
}

func (*PrivateDNSZoneLink) Type() Type { return TypePrivateDNSZoneLink }
