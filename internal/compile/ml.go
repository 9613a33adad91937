package compile

import (
	"fmt"

	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/spec"
)

// Azure ML compute defaults.
const (
	defaultCPUSize      = "Standard_DS3_v2"
	defaultGPUSize      = "Standard_NC4as_T4_v3"
	defaultClusterNodes = 4
	defaultInstanceSize = "Standard_DS3_v2"
	// clusterIdle is how long a cluster node idles before it is released;
	// instanceIdle how long a compute instance idles before it shuts down.
	clusterIdle  = "PT15M"
	instanceIdle = "PT60M"
)

// buildML makes the Azure ML workspace with its own storage account, Key
// Vault and Application Insights, the shared container registry, compute
// clusters and instances in the training subnet, and the scoring cluster
// attached for online endpoints.
func buildML(c *ctx) {
	ml := c.doc.Services.MachineLearning
	if !ml.On() {
		return
	}
	clusters := mlClusters(ml)
	var storage model.Ref
	c.mlWorkspace, storage = c.workspace(clusters[0].name)
	for _, cl := range clusters {
		c.computeCluster(cl, storage)
	}
	for _, m := range c.doc.Team.Members {
		if workstationKind(c.doc, m) == spec.WorkstationComputeInstance {
			c.computeInstance(m)
		}
	}
	if c.doc.Services.Kubernetes.On() {
		c.attachScoring()
	}
}

// workspace creates the workspace and its dependencies.
//
// Network isolation: the workspace can run its computes in a
// workspace-managed VNet (isolation modes AllowInternetOutbound or
// AllowOnlyApprovedOutbound) or in the customer's VNet (Disabled). enclave
// already has the hub firewall with Azure ML's documented outbound rules,
// the private DNS zones and a training subnet, and its reachability proofs
// cover those subnets, so computes are injected into snet-training with no
// public IP and the managed VNet stays off (Learn: "Workspace managed
// network isolation" and "Secure an Azure Machine Learning training
// environment with virtual networks").
//
// Identity: a user-assigned identity, so that enclave grants the roles
// Learn lists for it ("Set up authentication between Azure Machine Learning
// and other services", user-assigned managed identity) before the workspace
// is created; with a system-assigned identity Azure ML creates its own role
// assignments, which would clash with enclave's.
//
// Images are built on imageBuild, a compute cluster: ACR Tasks cannot reach
// a registry without public network access.
//
// It returns the workspace and its storage account.
func (c *ctx) workspace(imageBuild string) (ws, storage model.Ref) {
	group := c.rg(RGML)
	cmk := c.doc.Governance.CustomerManagedKeys
	vault := c.keyVault(vaultOptions{Purpose: "ml", Concern: RGML})
	// Blob and file carry the workspace's artifacts and notebooks; queue and
	// table are what parallel (batch) jobs use, so Learn's secure-workspace
	// guidance gives the workspace storage endpoints for all four.
	stOpts := storageOptions{Purpose: "ml", Concern: RGML, Endpoints: []string{"blob", "file", "queue", "table"}}
	if cmk {
		stOpts.CMK = &cmkOptions{Vault: vault}
	}
	storage = c.storageAccount(stOpts)
	insights := c.add(&model.ApplicationInsights{
		Meta:              model.Meta{Name: c.names.Name("appi", "ml"), Group: group},
		Workspace:         c.law,
		LocalAuthDisabled: true,
		// Closing ingestion and query needs an Azure Monitor private link
		// scope; they follow the Log Analytics workspace, which is open.
		PublicIngestion: model.PublicEnabled,
		PublicQuery:     model.PublicEnabled,
	})
	c.diagnostics(insights, noLogs, true)

	id := c.add(&model.UserAssignedIdentity{
		Meta:    model.Meta{Name: c.names.Name("id", "mlw"), Group: group},
		Purpose: "Azure ML workspace: reaches its storage, Key Vault, registry and Application Insights",
	})
	var deps []model.Ref
	for _, g := range []struct {
		scope model.Ref
		role  string
	}{
		{storage, "Contributor"},
		{storage, "Storage Blob Data Contributor"},
		{storage, "Storage File Data Privileged Contributor"},
		{vault, "Contributor"},
		{vault, "Key Vault Administrator"},
		{c.acr, "Contributor"},
		{insights, "Contributor"},
	} {
		deps = append(deps, c.grant(g.scope, g.role, userIdentity(id)))
	}

	w := &model.MLWorkspace{
		Meta:                model.Meta{Name: c.names.Name("mlw"), Group: group, DependsOn: deps},
		FriendlyName:        c.doc.Name + " machine learning",
		Identity:            model.Identity{UserAssigned: []model.Ref{id}},
		PrimaryIdentity:     id,
		Storage:             storage,
		KeyVault:            vault,
		Registry:            c.acr,
		AppInsights:         insights,
		PublicNetworkAccess: model.PublicDisabled,
		HighBusinessImpact:  true,
		Isolation:           model.MLIsolationDisabled,
		// The default datastores use identities, so the storage account
		// keeps shared keys off (Learn: "Disable shared key access for
		// your workspace's storage account", preview).
		IdentityDatastores: true,
		ServerlessSubnet:   c.subnet(SubnetTraining),
		ImageBuildCompute:  imageBuild,
	}
	if cmk {
		key, grant := c.cmkKey(vault, "cmk-"+w.Name, c.keyIdentity())
		w.Identity.UserAssigned = append(w.Identity.UserAssigned, c.keyIdentity())
		w.CMK = &model.CustomerManagedKey{Key: key, Identity: c.keyIdentity()}
		w.DependsOn = append(w.DependsOn, grant)
	}
	ws = c.add(w)
	c.privateEndpoint(ws, "amlworkspace")
	c.diagnostics(ws, allLogs, true)
	return ws, storage
}

// clusterSpec is one compute cluster to create.
type clusterSpec struct {
	name, size string
	maxNodes   int
}

// mlClusters lists the compute clusters, never empty: the spec's CPU and GPU
// clusters, or a default CPU cluster when the spec names neither, with
// defaults filled in. The address plan sizes the training subnet from it.
func mlClusters(ml *spec.MachineLearning) []clusterSpec {
	var out []clusterSpec
	add := func(name, size string, cl *spec.Cluster) {
		s := clusterSpec{name: name, size: cl.Size, maxNodes: cl.MaxNodes}
		if s.size == "" {
			s.size = size
		}
		if s.maxNodes == 0 {
			s.maxNodes = defaultClusterNodes
		}
		out = append(out, s)
	}
	if ml.CPUCluster != nil || ml.GPUCluster == nil {
		cl := ml.CPUCluster
		if cl == nil {
			cl = &spec.Cluster{}
		}
		add("cpu-cluster", defaultCPUSize, cl)
	}
	if ml.GPUCluster != nil {
		add("gpu-cluster", defaultGPUSize, ml.GPUCluster)
	}
	return out
}

// computeCluster creates a cluster in the training subnet that scales to
// zero, has no public IPs or SSH, authenticates with Entra ID only, and
// runs as its own system identity, which pulls images from the registry
// and reads and writes the workspace's default datastore.
func (c *ctx) computeCluster(s clusterSpec, storage model.Ref) {
	ref := c.add(&model.MLCompute{
		Meta:                model.Meta{Name: c.mlWorkspace.Name + "/" + s.name, Group: c.mlWorkspace.Group, Location: c.doc.Location},
		Kind:                model.MLComputeCluster,
		Identity:            model.Identity{SystemAssigned: true},
		LocalAuthDisabled:   true,
		VMSize:              s.size,
		Subnet:              c.subnet(SubnetTraining),
		NoPublicIP:          true,
		MinNodes:            0,
		MaxNodes:            s.maxNodes,
		IdleBeforeScaleDown: clusterIdle,
	})
	c.grant(c.acr, "AcrPull", systemIdentity(ref))
	c.grant(storage, "Storage Blob Data Contributor", systemIdentity(ref))
}

// computeInstance creates a personal compute instance for a member in the
// training subnet, with no public IP or SSH, shutting down when idle. Its
// owner's Entra object ID is a deployment parameter, as the spec names
// members but not their directory objects.
func (c *ctx) computeInstance(m spec.Member) {
	size := defaultInstanceSize
	if d := c.doc.Team.Workstations.Size; d != "" {
		size = d
	}
	if m.Workstation != nil && m.Workstation.Size != "" {
		size = m.Workstation.Size
	}
	owner := m.Name + "ObjectId"
	c.param(model.Parameter{Name: owner, Description: fmt.Sprintf("Entra ID object ID of %s, owner of their compute instance", m.Name)})
	c.add(&model.MLCompute{
		Meta:              model.Meta{Name: c.mlWorkspace.Name + "/" + instanceName(c.doc.Name, m.Name), Group: c.mlWorkspace.Group, Location: c.doc.Location, Origin: m.Pos},
		Kind:              model.MLComputeInstance,
		Identity:          model.Identity{SystemAssigned: true},
		LocalAuthDisabled: true,
		VMSize:            size,
		Subnet:            c.subnet(SubnetTraining),
		NoPublicIP:        true,
		IdleShutdown:      instanceIdle,
		OwnerParameter:    owner,
	})
}

// instanceName names a member's compute instance. Compute instance names
// are unique within a region and at most 24 characters, so they carry the
// environment name and drop the hyphens when too long.
func instanceName(env, member string) string {
	n := "ci-" + env + "-" + member
	if len(n) > 24 {
		n = "ci" + env + member
	}
	return n
}

// attachScoring installs the Azure ML extension on the scoring cluster for
// online inference only, with its router behind an internal load balancer
// and HTTPS required, and attaches the cluster to the workspace as a
// Kubernetes compute (Learn: "Deploy Azure Machine Learning extension on
// AKS or Arc Kubernetes cluster" and "Attach a Kubernetes cluster to Azure
// Machine Learning workspace"; the v1 "AKS" compute type is legacy). The
// router's certificate is a Kubernetes secret the operator creates, named
// by sslSecret, so no key material passes through the deployment.
func (c *ctx) attachScoring() {
	aks, _ := model.Lookup[*model.ManagedCluster](c.g, c.aks)
	ha := aks != nil && len(aks.NodePools) > 0 && aks.NodePools[0].MinCount >= 3
	ext := c.add(&model.ClusterExtension{
		Meta:             model.Meta{Name: "azureml", Group: c.aks.Group, Scope: c.aks},
		ExtensionType:    "Microsoft.AzureML.Kubernetes",
		ReleaseTrain:     "stable",
		ReleaseNamespace: "azureml",
		AutoUpgradeMinor: true,
		Settings: []model.Setting{
			{Name: "allowInsecureConnections", Value: "False"},
			{Name: "enableInference", Value: "True"},
			{Name: "enableTraining", Value: "False"},
			{Name: "inferenceRouterHA", Value: pyBool(ha)},
			{Name: "inferenceRouterServiceType", Value: "loadBalancer"},
			{Name: "internalLoadBalancerProvider", Value: "azure"},
			{Name: "sslCname", Value: "scoring." + c.doc.Name + ".internal"},
			{Name: "sslSecret", Value: "azureml-fe-tls"},
		},
	})
	c.add(&model.MLCompute{
		Meta:      model.Meta{Name: c.mlWorkspace.Name + "/scoring", Group: c.mlWorkspace.Group, Location: c.doc.Location, DependsOn: []model.Ref{ext}},
		Kind:      model.MLComputeKubernetes,
		Identity:  model.Identity{SystemAssigned: true},
		Cluster:   c.aks,
		Namespace: "default",
	})
}

// pyBool spells a boolean the way the Azure ML extension's settings do.
func pyBool(b bool) string {
	if b {
		return "True"
	}
	return "False"
}
