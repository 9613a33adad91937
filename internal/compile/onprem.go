package compile

import (
	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/spec"
)

// Default gateway SKUs: zone-redundant, second-generation VPN, and the
// smallest zone-redundant ExpressRoute gateway.
const (
	defaultVPNSKU = "VpnGw2AZ"
	defaultERSKU  = "ErGw1AZ"
)

// azureASN is the ASN Azure VPN gateways use unless told otherwise.
const azureASN = 65515

// ipsecPolicy is the IKEv2 policy enclave asks for instead of Azure's
// default proposal list: AES-256 and SHA-256 for IKE, AES-GCM-256 for
// IPsec, DH group 14 and PFS 2048, with Azure's default lifetimes.
var ipsecPolicy = model.IPsecPolicy{
	SALifetimeSeconds:   27000,
	SADataSizeKilobytes: 102400000,
	IPsecEncryption:     "GCMAES256",
	IPsecIntegrity:      "GCMAES256",
	IKEEncryption:       "AES256",
	IKEIntegrity:        "SHA256",
	DHGroup:             "DHGroup14",
	PFSGroup:            "PFS2048",
}

// buildOnPrem connects the hub to on-premises when network.onPremises is
// set: a VPN gateway (active-active, two public IPs) with a local network
// gateway and an IPsec IKEv2 connection, or an ExpressRoute gateway with a
// connection to the circuit.
func buildOnPrem(c *ctx) {
	op := c.doc.Network.OnPremises
	if op == nil {
		return
	}
	switch op.Connection.Type {
	case spec.ConnectionVPN:
		c.vpn(op)
	case spec.ConnectionExpressRoute:
		c.expressRoute(op)
	default:
		c.diags.Errorf(c.doc.Pos("network.onPremises.connection.type"), "use vpn or expressroute", "unknown connection type %q", op.Connection.Type)
	}
}

// gatewayOf adds the virtual network gateway and sets c.gateway.
func (c *ctx) gatewayOf(gw *model.VirtualNetworkGateway) {
	a := c.gatewayRef().Address
	gw.Meta = model.Meta{Name: a.Name, Group: a.Group}
	gw.Subnet = c.subnet(SubnetGateway)
	c.gateway = c.add(gw)
	c.diagnostics(c.gateway, allLogs, true)
}

// vpn adds a route-based VPN gateway and its site-to-site connection.
func (c *ctx) vpn(op *spec.OnPremises) {
	conn := op.Connection
	if !conn.PeerAddress.IsValid() {
		c.diags.Errorf(c.doc.Pos("network.onPremises.connection"), "set peerAddress to the public IP of the on-premises VPN device", "a vpn connection needs peerAddress")
		return
	}
	sku := conn.GatewaySKU
	if sku == "" {
		sku = defaultVPNSKU
	}
	bgp := conn.BGPASN != 0
	gw := &model.VirtualNetworkGateway{
		GatewayType:  model.GatewayVPN,
		SKU:          sku,
		Generation:   "Generation2",
		RouteBased:   true,
		ActiveActive: true,
		PublicIPs:    []model.Ref{c.publicIP("vgw-1", "VPN gateway, first instance"), c.publicIP("vgw-2", "VPN gateway, second instance")},
		EnableBGP:    bgp,
	}
	if bgp {
		gw.ASN = azureASN
	}
	c.gatewayOf(gw)

	lgw := &model.LocalNetworkGateway{
		Meta:           model.Meta{Name: c.names.Name("lgw", "onprem"), Group: c.rg(RGNetwork)},
		GatewayAddress: conn.PeerAddress,
		AddressSpaces:  op.AddressSpaces,
	}
	if bgp {
		// The spec names no separate BGP peer address: the device peers
		// from its public address.
		lgw.BGPASN = conn.BGPASN
		lgw.BGPPeerAddress = conn.PeerAddress
	}
	local := c.add(lgw)

	policy := ipsecPolicy
	ref := c.add(&model.Connection{
		Meta:           model.Meta{Name: c.names.Name("cn", "onprem"), Group: c.rg(RGNetwork)},
		ConnectionType: model.ConnectionIPsec,
		Gateway:        c.gateway,
		LocalGateway:   local,
		SharedKey:      c.secret(conn.SharedKey, "vpnSharedKey", "pre-shared key of the site-to-site VPN connection"),
		IKEv2:          true,
		IPsecPolicy:    &policy,
		EnableBGP:      bgp,
	})
	c.diagnostics(ref, noLogs, true)
}

// expressRoute adds an ExpressRoute gateway connected to the circuit.
func (c *ctx) expressRoute(op *spec.OnPremises) {
	conn := op.Connection
	if conn.CircuitID == "" {
		c.diags.Errorf(c.doc.Pos("network.onPremises.connection"), "set circuitId to the resource ID of the ExpressRoute circuit", "an expressroute connection needs circuitId")
		return
	}
	sku := conn.GatewaySKU
	if sku == "" {
		sku = defaultERSKU
	}
	c.gatewayOf(&model.VirtualNetworkGateway{
		GatewayType: model.GatewayExpressRoute,
		SKU:         sku,
		PublicIPs:   []model.Ref{c.publicIP("vgw-1", "ExpressRoute gateway")},
	})
	ref := c.add(&model.Connection{
		Meta:           model.Meta{Name: c.names.Name("cn", "onprem"), Group: c.rg(RGNetwork)},
		ConnectionType: model.ConnectionExpressRoute,
		Gateway:        c.gateway,
		CircuitID:      conn.CircuitID,
	})
	c.diagnostics(ref, noLogs, true)
}
