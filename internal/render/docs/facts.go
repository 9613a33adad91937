package docs

import (
	"fmt"
	"net/netip"
	"sort"
	"strings"

	"github.com/enclave-dev/enclave/internal/model"
)

// The facts the renderers share, read once from the graph.

// view is a graph with its resources listed once, in address order, so
// that the renderers' many by-kind queries do not sort the graph again.
type view struct {
	*model.Graph
	rs []model.Resource
}

func newView(g *model.Graph) *view { return &view{Graph: g, rs: g.Resources()} }

// all returns the resources of kind T in address order.
func all[T model.Resource](v *view) []T {
	var out []T
	for _, r := range v.rs {
		if t, ok := r.(T); ok {
			out = append(out, t)
		}
	}
	return out
}

// placed is a resource drawn inside a subnet.
type placed struct {
	addr  model.Address
	label string
}

// index says which resources sit in which subnet and which PaaS resources
// the private endpoints reach.
type index struct {
	g        *view
	vnets    []*model.VirtualNetwork
	inSubnet map[model.Address][]placed
	// endpoints groups the private endpoints by target.
	endpoints map[model.Address][]*model.PrivateEndpoint
	targets   []model.Address
}

func newIndex(g *view) *index {
	ix := &index{g: g, vnets: all[*model.VirtualNetwork](g), inSubnet: map[model.Address][]placed{}, endpoints: map[model.Address][]*model.PrivateEndpoint{}}
	put := func(subnet model.Ref, r model.Resource, label string) {
		if subnet.IsZero() {
			return
		}
		ix.inSubnet[subnet.Address] = append(ix.inSubnet[subnet.Address], placed{model.AddressOf(r), label})
	}
	for _, r := range g.rs {
		switch r := r.(type) {
		case *model.VirtualMachine:
			if nic, ok := model.Lookup[*model.NetworkInterface](g.Graph, r.NIC); ok {
				put(nic.Subnet, r, r.Name+"\n"+r.Size)
			}
		case *model.AzureFirewall:
			put(r.Subnet, r, r.Name+"\nAzure Firewall "+string(r.Tier)+"\n"+r.PrivateIP.String())
		case *model.VirtualNetworkGateway:
			put(r.Subnet, r, r.Name+"\n"+string(r.GatewayType)+" gateway "+r.SKU)
		case *model.BastionHost:
			put(r.Subnet, r, r.Name+"\nBastion "+r.SKU)
		case *model.DNSResolverInboundEndpoint:
			put(r.Subnet, r, r.Name+"\nDNS resolver inbound\n"+r.PrivateIP.String())
		case *model.MLCompute:
			if r.Kind == model.MLComputeCluster || r.Kind == model.MLComputeInstance {
				put(r.Subnet, r, fmt.Sprintf("%s\nML %s %s\n%d-%d nodes", r.Name, kindWord(r.Kind), r.VMSize, r.MinNodes, r.MaxNodes))
			}
		case *model.ManagedCluster:
			seen := map[model.Address]bool{}
			for _, p := range r.NodePools {
				if !seen[p.Subnet.Address] {
					seen[p.Subnet.Address] = true
					put(p.Subnet, r, fmt.Sprintf("%s\nprivate AKS, %s x%d-%d", r.Name, p.VMSize, p.MinCount, p.MaxCount))
				}
			}
		case *model.DatabricksWorkspace:
			put(r.HostSubnet, r, r.Name+"\nDatabricks host")
			put(r.ContainerSubnet, r, r.Name+"\nDatabricks container")
		case *model.WebApp:
			put(r.Subnet, r, r.Name+"\nweb app VNet integration")
		case *model.PrivateEndpoint:
			t := r.Target.Address
			if len(ix.endpoints[t]) == 0 {
				ix.targets = append(ix.targets, t)
			}
			ix.endpoints[t] = append(ix.endpoints[t], r)
		}
	}
	sort.Slice(ix.targets, func(i, j int) bool { return ix.targets[i].Less(ix.targets[j]) })
	return ix
}

func kindWord(k model.MLComputeKind) string {
	if k == model.MLComputeInstance {
		return "compute instance"
	}
	return "cluster"
}

// subnetAddr is the address of a subnet of v.
func subnetAddr(v *model.VirtualNetwork, s model.Subnet) model.Address {
	return model.SubnetRef(model.RefOf(v), s.Name).Address
}

// kindLabel names a resource's kind for people.
func kindLabel(r model.Resource) string {
	switch r := r.(type) {
	case *model.StorageAccount:
		if r.HierarchicalNamespace {
			return "Data Lake Storage Gen2"
		}
		return "Storage account"
	case *model.KeyVault:
		return "Key Vault"
	case *model.ContainerRegistry:
		return "Container Registry " + r.SKU
	case *model.MLWorkspace:
		return "Azure ML workspace"
	case *model.DataFactory:
		return "Data Factory"
	case *model.DatabricksWorkspace:
		return "Databricks workspace"
	case *model.SynapseWorkspace:
		return "Synapse workspace"
	case *model.EventHubNamespace:
		return "Event Hubs namespace"
	case *model.WebApp:
		return "Web app"
	case *model.ManagedCluster:
		return "AKS cluster"
	case *model.AppServicePlan:
		return "App Service plan " + r.SKU
	case *model.StreamAnalyticsCluster:
		return fmt.Sprintf("Stream Analytics cluster, %d SU", r.StreamingUnits)
	}
	return string(r.Type())
}

// publicAccess returns a PaaS resource's public network access setting,
// or "" for kinds without one.
func publicAccess(r model.Resource) model.PublicAccess {
	switch r := r.(type) {
	case *model.StorageAccount:
		return r.PublicNetworkAccess
	case *model.KeyVault:
		return r.PublicNetworkAccess
	case *model.ContainerRegistry:
		return r.PublicNetworkAccess
	case *model.MLWorkspace:
		return r.PublicNetworkAccess
	case *model.DataFactory:
		return r.PublicNetworkAccess
	case *model.DatabricksWorkspace:
		return r.PublicNetworkAccess
	case *model.SynapseWorkspace:
		return r.PublicNetworkAccess
	case *model.EventHubNamespace:
		return r.PublicNetworkAccess
	case *model.WebApp:
		return r.PublicNetworkAccess
	}
	return ""
}

// egressHosts returns the host names and FQDN tags the firewall's
// application rules allow, sorted and without duplicates.
func egressHosts(g *view) []string {
	seen := map[string]bool{}
	for _, rcg := range all[*model.FirewallPolicyRuleCollectionGroup](g) {
		for _, c := range rcg.Collections {
			if c.Action != model.Allow {
				continue
			}
			for _, r := range c.ApplicationRules {
				for _, f := range r.TargetFQDNs {
					seen[f] = true
				}
				for _, f := range r.FQDNTags {
					seen["tag:"+f] = true
				}
			}
		}
	}
	return sortedSet(seen)
}

func sortedSet(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func joinSpecs(specs []model.AddressSpec) string {
	var parts []string
	for _, s := range specs {
		parts = append(parts, s.String())
	}
	if len(parts) == 0 {
		return "-"
	}
	return strings.Join(parts, ", ")
}

func joinPorts(ports []model.PortRange) string {
	var parts []string
	for _, p := range ports {
		parts = append(parts, p.String())
	}
	if len(parts) == 0 {
		return "-"
	}
	return strings.Join(parts, ", ")
}

func joinPrefixes(ps []netip.Prefix) string {
	var parts []string
	for _, p := range ps {
		parts = append(parts, p.String())
	}
	return strings.Join(parts, ", ")
}

// subnetOwners maps the prefix of every subnet to "vnet/subnet", for
// naming rule sources.
func subnetNames(g *view) map[netip.Prefix]string {
	out := map[netip.Prefix]string{}
	for _, v := range all[*model.VirtualNetwork](g) {
		for _, s := range v.Subnets {
			out[s.Prefix] = s.Name
		}
	}
	return out
}
