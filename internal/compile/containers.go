package compile

import (
	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/spec"
)

// Scoring cluster defaults when the spec leaves them out.
const (
	defaultNodeSize  = "Standard_D4s_v5"
	defaultNodeCount = 3
	defaultMaxPods   = 30
	// registryRetentionDays keeps untagged manifests for a week.
	registryRetentionDays = 7
)

// buildContainers makes the container registry every container workload
// pulls from (Azure ML environments, the scoring cluster, the web app) and,
// when services.kubernetes is on, the private AKS scoring cluster.
func buildContainers(c *ctx) {
	s := c.doc.Services
	if !s.MachineLearning.On() && !s.Kubernetes.On() && !s.AppService.On() {
		return
	}
	c.acr = c.registry()
	if s.Kubernetes.On() {
		c.aks = c.cluster(s.Kubernetes)
	}
}

// registry creates a Premium registry reachable only through its private
// endpoint: no admin user, no anonymous pull, public network access
// disabled with trusted Azure services allowed through, zone redundant
// where the region has zones, untagged manifests purged after a week, and
// export disabled so images cannot leave for other registries.
func (c *ctx) registry() model.Ref {
	ref := c.add(&model.ContainerRegistry{
		Meta:                  model.Meta{Name: c.names.Global("cr", "", false, 50), Group: c.rg(RGML)},
		SKU:                   "Premium",
		PublicNetworkAccess:   model.PublicDisabled,
		NetworkACL:            model.NetworkACL{DefaultAction: model.Deny, Bypass: model.BypassAzureServices},
		ZoneRedundant:         len(regionZones(c.doc.Location)) > 0,
		UntaggedRetentionDays: registryRetentionDays,
		ExportDisabled:        true,
		// Only registry-audience tokens: a leaked ARM token cannot pull
		// or push (https://learn.microsoft.com/azure/container-registry/container-registry-disable-authentication-as-arm).
		ARMAudienceTokensDisabled: true,
	})
	c.privateEndpoint(ref, "registry")
	c.diagnostics(ref, allLogs, true)
	return ref
}

// cluster creates the private AKS cluster for model scoring.
//
// The API server has no public endpoint; its record lives in a private DNS
// zone enclave creates and links to both VNets, so the control-plane
// identity is user-assigned and holds "Private DNS Zone Contributor" on the
// zone and "Network Contributor" on the scoring subnet before the cluster
// is created (Learn: "Create a private Azure Kubernetes Service cluster",
// bring-your-own private DNS zone). Nodes use Azure CNI in snet-scoring and
// send egress through the hub firewall (outbound type userDefinedRouting),
// so they never get public IPs. Kubernetes authorisation is Entra ID with
// Azure RBAC, and the kubelet identity pulls images with AcrPull.
func (c *ctx) cluster(k *spec.Kubernetes) model.Ref {
	group := c.rg(RGML)
	controlPlane := c.add(&model.UserAssignedIdentity{
		Meta:    model.Meta{Name: c.names.Name("id", "aks"), Group: group},
		Purpose: "AKS control plane: manages the cluster's private DNS record and load balancers in the scoring subnet",
	})
	kubelet := c.add(&model.UserAssignedIdentity{
		Meta:    model.Meta{Name: c.names.Name("id", "aks", "kubelet"), Group: group},
		Purpose: "AKS kubelet: pulls images from the container registry",
	})
	zone := c.zone(ZoneFor("management", c.doc.Location)[0])
	subnet := c.subnet(SubnetScoring)
	deps := []model.Ref{
		c.grant(zone, "Private DNS Zone Contributor", userIdentity(controlPlane)),
		c.grant(subnet, "Network Contributor", userIdentity(controlPlane)),
		c.grant(kubelet, "Managed Identity Operator", userIdentity(controlPlane)),
	}
	c.grant(c.acr, "AcrPull", userIdentity(kubelet))

	name := c.names.Name("aks", "scoring")
	ref := c.add(&model.ManagedCluster{
		Meta:               model.Meta{Name: name, Group: group, DependsOn: deps},
		Tier:               "Standard",
		Identity:           model.Identity{UserAssigned: []model.Ref{controlPlane}},
		KubeletIdentity:    kubelet,
		FQDNSubdomain:      name,
		PrivateCluster:     true,
		PrivateDNSZone:     zone,
		RunCommandDisabled: true,
		EntraAdminGroups:   []string{c.doc.Team.Groups.Admins},
		AzureRBAC:          true,
		// Learn ("Deploy Azure Machine Learning extension on AKS or Arc
		// Kubernetes cluster", Limitations): Azure ML does not support
		// AKS clusters with local accounts disabled, so they stay on only
		// while the cluster is attached to the workspace.
		LocalAccountsDisabled: !c.doc.Services.MachineLearning.On(),
		// Kubernetes network policies are enforced by Calico, one of the
		// engines AKS manages for Azure CNI with node-subnet addressing
		// (Learn: "Secure traffic between pods by using network policies
		// in AKS").
		Network: model.ClusterNetwork{
			Plugin:       "azure",
			Policy:       "calico",
			ServiceCIDR:  c.plan.AKSServiceCIDR,
			DNSServiceIP: c.plan.AKSDNSServiceIP,
			Outbound:     model.OutboundUserDefinedRouting,
		},
		NodePools:            []model.NodePool{c.nodePool(k, subnet)},
		Workspace:            c.law,
		Defender:             true,
		AzurePolicy:          true,
		WorkloadIdentity:     true,
		ImageCleanerHours:    168,
		UpgradeChannel:       "stable",
		NodeOSUpgradeChannel: "NodeImage",
	})
	// kube-audit-admin leaves out read-only get/list calls, which make up
	// most of kube-audit's volume; guard records Entra ID authorisation.
	c.diagnosticCategories(ref, []string{"kube-audit-admin", "guard", "cluster-autoscaler", "kube-controller-manager"}, true)
	return ref
}

// poolSize resolves the system pool's size from the spec: nodeCount to
// maxNodes nodes of nodeSize with maxPods pods each, defaults filled in. The
// address plan sizes the scoring subnet from it.
func poolSize(k *spec.Kubernetes) (vmSize string, minNodes, maxNodes, maxPods int) {
	vmSize, minNodes, maxNodes, maxPods = k.NodeSize, k.NodeCount, k.MaxNodes, k.MaxPods
	if vmSize == "" {
		vmSize = defaultNodeSize
	}
	if minNodes == 0 {
		minNodes = defaultNodeCount
	}
	if maxNodes < minNodes {
		maxNodes = max(minNodes, defaultNodeCount)
	}
	if maxPods == 0 {
		maxPods = defaultMaxPods
	}
	return vmSize, minNodes, maxNodes, maxPods
}

// nodePool sizes the system pool from the spec: it autoscales between
// nodeCount and maxNodes nodes, spread over the region's zones, with
// encryption at host.
func (c *ctx) nodePool(k *spec.Kubernetes, subnet model.Ref) model.NodePool {
	size, minNodes, maxNodes, maxPods := poolSize(k)
	return model.NodePool{
		Name:             "system",
		Mode:             "System",
		VMSize:           size,
		OSSKU:            "AzureLinux",
		Subnet:           subnet,
		MinCount:         minNodes,
		MaxCount:         maxNodes,
		MaxPods:          maxPods,
		Zones:            regionZones(c.doc.Location),
		EncryptionAtHost: true,
		// No SSH into nodes: kubectl debug reaches them through the API
		// server (https://learn.microsoft.com/azure/aks/manage-ssh-node-access).
		SSHDisabled: true,
	}
}

// zonalRegions are the regions with availability zones (Learn: "Azure
// regions with availability zone support"), limited to those enclave has
// checked. Zone-redundant settings are used only there.
var zonalRegions = map[string]bool{
	"australiaeast": true, "brazilsouth": true, "canadacentral": true, "centralindia": true,
	"centralus": true, "eastasia": true, "eastus": true, "eastus2": true, "francecentral": true,
	"germanywestcentral": true, "israelcentral": true, "italynorth": true, "japaneast": true,
	"koreacentral": true, "mexicocentral": true, "newzealandnorth": true, "northeurope": true,
	"norwayeast": true, "polandcentral": true, "qatarcentral": true, "southafricanorth": true,
	"southcentralus": true, "southeastasia": true, "spaincentral": true, "swedencentral": true,
	"switzerlandnorth": true, "uaenorth": true, "uksouth": true, "westeurope": true,
	"westus2": true, "westus3": true,
}

// regionZones returns the zones of location, or nil where it has none.
func regionZones(location string) []string {
	if zonalRegions[location] {
		return []string{"1", "2", "3"}
	}
	return nil
}
