package check

import (
	"encoding/json"
	"fmt"
	"maps"
	"strings"
)

// inlineChild is a child resource type ARM lets a parent declare inline in
// an array property. Once deployed each element is a resource of its own,
// and Azure Policy evaluates it as such.
type inlineChild struct {
	parent   string // parent type
	property string // array under properties
	segment  string // child type segment
}

var inlineChildren = []inlineChild{
	{"Microsoft.Network/virtualNetworks", "subnets", "subnets"},
	{"Microsoft.Network/virtualNetworks", "virtualNetworkPeerings", "virtualNetworkPeerings"},
	{"Microsoft.Network/networkSecurityGroups", "securityRules", "securityRules"},
	{"Microsoft.Network/routeTables", "routes", "routes"},
}

// expandInline adds the inline children of r as resources, unless the
// input already holds them.
func (in *Input) expandInline(r *resource) error {
	for _, ic := range inlineChildren {
		if !strings.EqualFold(r.typ, ic.parent) {
			continue
		}
		props, _ := getProp(r.doc, "properties")
		pm, _ := props.(map[string]any)
		arr, _ := getProp(pm, ic.property)
		elems, _ := arr.([]any)
		for _, e := range elems {
			em, ok := e.(map[string]any)
			if !ok {
				continue
			}
			name, _ := em["name"].(string)
			if name == "" {
				continue
			}
			addr := r.Address.Child(ic.segment, name)
			id := r.ID + "/" + ic.segment + "/" + name
			if _, exists := in.byID[strings.ToLower(id)]; exists {
				continue
			}
			body := map[string]any{"type": string(addr.Type), "name": addr.Name}
			for k, v := range em {
				if k != "name" {
					body[k] = v
				}
			}
			raw, err := json.Marshal(body)
			if err != nil {
				return fmt.Errorf("%s: inline %s: %w", r.Address, ic.segment, err)
			}
			if err := in.add(Resource{Address: addr, ID: id, Origin: r.Origin, Path: r.Path, Body: raw}); err != nil {
				return err
			}
		}
	}
	return nil
}

// derive adds what Azure shows on resources once the deployment has run
// and the model states only from the other side: each private endpoint
// appears as an approved connection on the resource it connects to (in its
// privateEndpointConnections array and as a child resource), each IP
// configuration placed in a subnet appears in the subnet's
// ipConfigurations, and a web app's siteConfig appears as its config/web
// child. Policies about private link, subnets and App Service settings read
// these.
func (in *Input) derive() error {
	if err := in.deriveSubnetIPConfigs(); err != nil {
		return err
	}
	for _, pe := range append([]*resource(nil), in.resources...) {
		if !strings.EqualFold(pe.typ, "Microsoft.Network/privateEndpoints") {
			continue
		}
		props, _ := getProp(pe.doc, "properties")
		pm, _ := props.(map[string]any)
		for _, key := range []string{"privateLinkServiceConnections", "manualPrivateLinkServiceConnections"} {
			conns, _ := getProp(pm, key)
			list, _ := conns.([]any)
			for _, c := range list {
				cm, _ := c.(map[string]any)
				cp, _ := getProp(cm, "properties")
				cpm, _ := cp.(map[string]any)
				target, _ := getProp(cpm, "privateLinkServiceId")
				tid, _ := target.(string)
				t := in.byID[strings.ToLower(tid)]
				if t == nil {
					continue
				}
				groups, _ := getProp(cpm, "groupIds")
				if err := in.connect(t, pe, groups); err != nil {
					return err
				}
			}
		}
	}
	for _, site := range append([]*resource(nil), in.resources...) {
		if !strings.EqualFold(site.typ, "Microsoft.Web/sites") {
			continue
		}
		props, _ := getProp(site.doc, "properties")
		pm, _ := props.(map[string]any)
		sc, ok := getProp(pm, "siteConfig")
		if !ok {
			continue
		}
		id := site.ID + "/config/web"
		if _, exists := in.byID[strings.ToLower(id)]; exists {
			continue
		}
		cfg, _ := sc.(map[string]any)
		cfg = maps.Clone(cfg)
		if cfg == nil {
			cfg = map[string]any{}
		}
		// App Service reports the identities a site has on its config as
		// numeric IDs; any non-empty value says one is configured.
		if id, ok := getProp(site.doc, "identity"); ok {
			im, _ := id.(map[string]any)
			it, _ := getProp(im, "type")
			its := strings.ToLower(toString(it))
			if strings.Contains(its, "systemassigned") {
				cfg["managedServiceIdentityId"] = 1.0
			}
			if strings.Contains(its, "userassigned") {
				cfg["xManagedServiceIdentityId"] = 1.0
			}
		}
		raw, err := json.Marshal(map[string]any{"type": "Microsoft.Web/sites/config", "name": site.fullName + "/web", "properties": cfg})
		if err != nil {
			return err
		}
		if err := in.add(Resource{Address: site.Address.Child("config", "web"), ID: id, Origin: site.Origin, Path: site.Path, Body: raw}); err != nil {
			return err
		}
	}
	return nil
}

// connect records pe as an approved private endpoint connection of t.
func (in *Input) connect(t, pe *resource, groups any) error {
	id := t.ID + "/privateEndpointConnections/" + pe.name
	conn := map[string]any{
		"privateEndpoint":                   map[string]any{"id": pe.ID},
		"privateLinkServiceConnectionState": map[string]any{"status": "Approved", "description": "Auto-approved", "actionsRequired": "None"},
		"provisioningState":                 "Succeeded",
	}
	if groups != nil {
		conn["groupIds"] = groups
	}
	props, _ := getProp(t.doc, "properties")
	pm, ok := props.(map[string]any)
	if !ok {
		pm = map[string]any{}
		t.doc["properties"] = pm
	}
	existing, _ := getProp(pm, "privateEndpointConnections")
	list, _ := existing.([]any)
	pm["privateEndpointConnections"] = append(list, map[string]any{"id": id, "name": pe.name, "properties": conn})
	if _, exists := in.byID[strings.ToLower(id)]; exists {
		return nil
	}
	raw, err := json.Marshal(map[string]any{"type": t.typ + "/privateEndpointConnections", "name": t.fullName + "/" + pe.name, "properties": conn})
	if err != nil {
		return err
	}
	return in.add(Resource{Address: t.Address.Child("privateEndpointConnections", pe.name), ID: id, Origin: t.Origin, Path: t.Path, Body: raw})
}

// deriveSubnetIPConfigs lists, on each subnet (its resource and its entry in
// the virtual network), the IP configurations of the resources placed in
// it: network interfaces, gateways, firewalls, Bastion, DNS resolver
// endpoints, and private endpoints through their network interface.
func (in *Input) deriveSubnetIPConfigs() error {
	bySubnet := map[string][]any{}
	var order []string
	add := func(subnetID, ipcID string) {
		k := strings.ToLower(subnetID)
		if _, ok := bySubnet[k]; !ok {
			order = append(order, k)
		}
		bySubnet[k] = append(bySubnet[k], map[string]any{"id": ipcID})
	}
	for _, r := range in.resources {
		props, _ := getProp(r.doc, "properties")
		pm, _ := props.(map[string]any)
		if pm == nil {
			continue
		}
		if strings.EqualFold(r.typ, "Microsoft.Network/privateEndpoints") {
			sub, _ := getProp(pm, "subnet")
			sid, _ := getProp(asMap(sub), "id")
			if s, ok := sid.(string); ok {
				nic := r.name + ".nic"
				if n, ok := getProp(pm, "customNetworkInterfaceName"); ok && toString(n) != "" {
					nic = toString(n)
				}
				add(s, "/subscriptions/"+SubscriptionID+"/resourceGroups/"+r.Address.Group+"/providers/Microsoft.Network/networkInterfaces/"+nic+"/ipConfigurations/privateEndpointIpConfig")
			}
			continue
		}
		ipcs, _ := getProp(pm, "ipConfigurations")
		list, _ := ipcs.([]any)
		for i, e := range list {
			em := asMap(e)
			name := toString(em["name"])
			if name == "" {
				name = fmt.Sprintf("ipconfig%d", i+1)
			}
			// The subnet sits under properties or, for DNS resolver
			// endpoints, directly in the entry.
			sub, ok := getProp(asMap(em["properties"]), "subnet")
			if !ok {
				sub = em["subnet"]
			}
			sid, _ := getProp(asMap(sub), "id")
			if s, ok := sid.(string); ok {
				add(s, r.ID+"/ipConfigurations/"+name)
			}
		}
	}
	for _, k := range order {
		subnet := in.byID[k]
		if subnet == nil {
			continue
		}
		appendIPConfigs(subnet.doc, bySubnet[k])
		if vnet := in.byID[strings.ToLower(parentID(subnet.ID))]; vnet != nil {
			props := asMap(vnet.doc["properties"])
			subs, _ := getProp(props, "subnets")
			list, _ := subs.([]any)
			for _, e := range list {
				em := asMap(e)
				if strings.EqualFold(toString(em["name"]), subnet.name) {
					appendIPConfigs(em, bySubnet[k])
				}
			}
		}
	}
	return nil
}

func appendIPConfigs(doc map[string]any, ipcs []any) {
	props := asMap(doc["properties"])
	if props == nil {
		props = map[string]any{}
		doc["properties"] = props
	}
	existing, _ := getProp(props, "ipConfigurations")
	list, _ := existing.([]any)
	props["ipConfigurations"] = append(list, ipcs...)
}

func asMap(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}
