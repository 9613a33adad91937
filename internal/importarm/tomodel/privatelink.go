package tomodel

import (
	"strings"

	"github.com/enclave-dev/enclave/internal/importarm"
	"github.com/enclave-dev/enclave/internal/model"
)

// Private link and network interfaces, the reverse of
// internal/render/arm/privatelink.go and compute.go's NIC.
func privateLinkKinds(g *Registry) {
	g.Add(model.TypePrivateEndpoint, func(x *Ctx, r importarm.Resource) (model.Resource, error) {
		p := x.Props()
		pe := &model.PrivateEndpoint{Meta: x.Meta(), Subnet: x.SubRef(p.Get("subnet"))}
		conns := x.Items(p.Get("privateLinkServiceConnections"))
		if manual := x.Items(p.Get("manualPrivateLinkServiceConnections")); len(manual) > 0 {
			conns, pe.ManualApproval = manual, true
		}
		if len(conns) > 0 {
			c := conns[0].Get("properties")
			pe.Target = x.Ref(c.Get("privateLinkServiceId"))
			if ids := x.Strs(c.Get("groupIds")); len(ids) > 0 {
				pe.GroupID = ids[0]
			}
			// Automatic connections are approved; a manual one only once its
			// state says so.
			// https://learn.microsoft.com/en-us/azure/private-link/private-endpoint-overview#access-to-a-private-link-resource-using-approval-workflow
			pe.Approved = !pe.ManualApproval || strings.EqualFold(x.Str(c.At("privateLinkServiceConnectionState", "status")), "Approved")
		}
		return pe, nil
	})
	g.Add(model.TypePrivateDNSZoneGroup, func(x *Ctx, r importarm.Resource) (model.Resource, error) {
		zg := &model.PrivateDNSZoneGroup{Meta: x.Meta()}
		for _, c := range x.Items(x.Props().Get("privateDnsZoneConfigs")) {
			zg.Zones = append(zg.Zones, x.Ref(c.At("properties", "privateDnsZoneId")))
		}
		return zg, nil
	})
	g.Add(model.TypePrivateDNSZone, func(x *Ctx, r importarm.Resource) (model.Resource, error) {
		return &model.PrivateDNSZone{Meta: x.Meta()}, nil
	})
	g.Add(model.TypePrivateDNSZoneLink, func(x *Ctx, r importarm.Resource) (model.Resource, error) {
		p := x.Props()
		return &model.PrivateDNSZoneLink{Meta: x.Meta(), VirtualNetwork: x.SubRef(p.Get("virtualNetwork")), RegistrationEnabled: x.Bool(p.Get("registrationEnabled"))}, nil
	})
	g.Add(model.TypeNetworkInterface, func(x *Ctx, r importarm.Resource) (model.Resource, error) {
		p := x.Props()
		nic := &model.NetworkInterface{Meta: x.Meta(), AcceleratedNetworking: x.Bool(p.Get("enableAcceleratedNetworking"))}
		ipcs := x.Items(p.Get("ipConfigurations"))
		for i, ipc := range ipcs {
			ip := ipc.Get("properties")
			if pip := ip.Get("publicIPAddress"); !pip.Null() {
				// The model has no public IP on a NIC (enclave never gives a
				// VM one), so reach cannot see this exposure: say so.
				x.ds.Warnf(x.pos(pip), "reach does not model public IPs on network interfaces; judge this exposure by hand",
					"%s: ip configuration %d has a public IP address that reach does not analyse", r.Name, i)
			}
			if i > 0 {
				continue
			}
			nic.Subnet = x.SubRef(ip.Get("subnet"))
			if strings.EqualFold(x.Str(ip.Get("privateIPAllocationMethod")), "Static") {
				nic.PrivateIP = x.Addr(ip.Get("privateIPAddress"))
			}
		}
		if len(ipcs) > 1 {
			x.ds.Warnf(x.pos(p.Get("ipConfigurations")), "reach reads the first IP configuration only", "%s: %d IP configurations, only the first is imported", r.Name, len(ipcs))
		}
		return nic, nil
	})
}
