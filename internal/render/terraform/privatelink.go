package terraform

import (
	"fmt"

	"github.com/enclave-dev/enclave/internal/model"
)

// Private endpoints carry their DNS zone group as a nested block:
// https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/private_endpoint
// documents private_dns_zone_group; azurerm has no separate resource for it.
const zoneGroupFold = "azurerm_private_endpoint declares its DNS zone group as the private_dns_zone_group block; azurerm has no separate resource"

func privateLinkKinds() table {
	t := table{}
	t.add(kind(privateEndpoint))
	t.add(kind(func(x *Ctx, r *model.PrivateDNSZoneGroup) error {
		x.Fold(x.Address().Parent().Ref(), zoneGroupFold)
		return nil
	}))
	t.add(kind(func(x *Ctx, r *model.PrivateDNSZone) error {
		// Private DNS zones are global; azurerm takes no location for them.
		b := x.Resource("azurerm_private_dns_zone", x.Address())
		b.Set("name", String(r.Name))
		b.Set("resource_group_name", x.GroupName())
		x.tags(b)
		return nil
	}))
	t.add(kind(func(x *Ctx, r *model.PrivateDNSZoneLink) error {
		b := x.Resource("azurerm_private_dns_zone_virtual_network_link", x.Address())
		b.Set("name", String(leaf(r.Name)))
		b.Set("resource_group_name", x.GroupName())
		b.Set("private_dns_zone_name", x.Name(x.Address().Parent().Ref()))
		b.Set("virtual_network_id", x.ID(r.VirtualNetwork))
		b.Set("registration_enabled", Bool(r.RegistrationEnabled))
		x.tags(b)
		return nil
	}))
	return t
}

func privateEndpoint(x *Ctx, r *model.PrivateEndpoint) error {
	b := x.Top("azurerm_private_endpoint")
	b.Set("subnet_id", x.ID(r.Subnet))
	// The network interface gets a name derived from the endpoint's, as the
	// ARM rendering leaves Azure to do.
	psc := b.Block("private_service_connection")
	psc.Set("name", String(leaf(r.Name)))
	psc.Set("private_connection_resource_id", x.ID(r.Target))
	psc.Set("subresource_names", Strings([]string{r.GroupID}))
	psc.Set("is_manual_connection", Bool(r.ManualApproval))
	if r.ManualApproval {
		psc.Set("request_message", String("enclave: private endpoint "+leaf(r.Name)))
	}
	x.OutputEntry("private_endpoint_ips", "Private address of every private endpoint, by endpoint name",
		r.Name, b.Attr("private_service_connection.0.private_ip_address"))
	for _, zg := range model.All[*model.PrivateDNSZoneGroup](x.Graph()) {
		if model.AddressOf(zg).Parent() != x.Address() {
			continue
		}
		if len(zg.Zones) == 0 {
			return fmt.Errorf("DNS zone group %s has no zones", zg.Name)
		}
		g := b.Block("private_dns_zone_group")
		g.Set("name", String(leaf(zg.Name)))
		g.Set("private_dns_zone_ids", x.IDs(zg.Zones))
	}
	return nil
}
