package arm

import (
	"strings"

	"github.com/enclave-dev/enclave/internal/model"
)

type privateEndpointProps struct {
	Subnet                              *SubResource            `json:"subnet"`
	CustomNetworkInterfaceName          string                  `json:"customNetworkInterfaceName,omitempty"`
	PrivateLinkServiceConnections       []privateLinkConnection `json:"privateLinkServiceConnections,omitempty"`
	ManualPrivateLinkServiceConnections []privateLinkConnection `json:"manualPrivateLinkServiceConnections,omitempty"`
}

type privateLinkConnection struct {
	Name       string                     `json:"name"`
	Properties privateLinkConnectionProps `json:"properties"`
}

type privateLinkConnectionProps struct {
	PrivateLinkServiceID string   `json:"privateLinkServiceId"`
	GroupIDs             []string `json:"groupIds"`
	RequestMessage       string   `json:"requestMessage,omitempty"`
}

type zoneGroupProps struct {
	PrivateDNSZoneConfigs []zoneConfig `json:"privateDnsZoneConfigs"`
}

type zoneConfig struct {
	Name       string          `json:"name"`
	Properties zoneConfigProps `json:"properties"`
}

type zoneConfigProps struct {
	PrivateDNSZoneID string `json:"privateDnsZoneId"`
}

type zoneLinkProps struct {
	VirtualNetwork      *SubResource `json:"virtualNetwork"`
	RegistrationEnabled bool         `json:"registrationEnabled"`
}

func privateLinkKinds() table {
	t := table{}
	t.add(kind("2025-07-01", func(x *Ctx, r *model.PrivateEndpoint) (Body, error) {
		conn := privateLinkConnection{
			Name: r.Name,
			Properties: privateLinkConnectionProps{
				PrivateLinkServiceID: x.ID(r.Target),
				GroupIDs:             []string{r.GroupID},
			},
		}
		p := privateEndpointProps{Subnet: x.Sub(r.Subnet), CustomNetworkInterfaceName: r.Name + "-nic"}
		if r.ManualApproval {
			conn.Properties.RequestMessage = "requested by enclave"
			p.ManualPrivateLinkServiceConnections = []privateLinkConnection{conn}
		} else {
			p.PrivateLinkServiceConnections = []privateLinkConnection{conn}
		}
		return Body{Properties: p}, nil
	}))
	t.add(kind("2025-07-01", func(x *Ctx, r *model.PrivateDNSZoneGroup) (Body, error) {
		p := zoneGroupProps{}
		for _, z := range r.Zones {
			p.PrivateDNSZoneConfigs = append(p.PrivateDNSZoneConfigs, zoneConfig{
				Name:       strings.ReplaceAll(z.Leaf(), ".", "-"),
				Properties: zoneConfigProps{PrivateDNSZoneID: x.ID(z)},
			})
		}
		return Body{Properties: p, NoLocation: true, NoTags: true}, nil
	}))
	t.add(kind("2024-06-01", func(x *Ctx, r *model.PrivateDNSZone) (Body, error) {
		// The schema requires a properties object, even an empty one.
		return Body{Properties: struct{}{}}, nil
	}))
	t.add(kind("2024-06-01", func(x *Ctx, r *model.PrivateDNSZoneLink) (Body, error) {
		return Body{Properties: zoneLinkProps{VirtualNetwork: x.Sub(r.VirtualNetwork), RegistrationEnabled: r.RegistrationEnabled}}, nil
	}))
	return t
}
