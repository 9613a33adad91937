package deploy

import "regexp"

// property is one security-relevant property compared by value.
type property struct {
	path string // dotted, under the resource body ("properties.publicNetworkAccess")
	why  string
}

// keyedList is a list property whose items are compared by name: NSG
// rules, routes, firewall rules. Fields are compared per item; an item
// present live but not in the spec is an extra rule.
type keyedList struct {
	path   string   // the list ("properties.securityRules")
	nested string   // a list inside each item ("rules" of a rule collection), "" for none
	fields []string // item fields compared, dotted under the item
	why    string
}

// security lists, per resource type (lower case), what drift compares.
// These are the settings enclave's defaults harden: public network access,
// network rules, TLS, local and shared-key authentication, NSG rules,
// routes and firewall rules. Values the template computes at deployment
// ("[...]" expressions) are skipped.
var security = map[string]struct {
	props []property
	lists []keyedList
}{
	"microsoft.storage/storageaccounts": {props: []property{
		{"properties.publicNetworkAccess", "public endpoint"},
		{"properties.networkAcls.defaultAction", "network rules"},
		{"properties.allowSharedKeyAccess", "shared-key (local) authentication"},
		{"properties.allowBlobPublicAccess", "anonymous blob access"},
		{"properties.minimumTlsVersion", "minimum TLS version"},
		{"properties.supportsHttpsTrafficOnly", "HTTPS only"},
	}},
	"microsoft.keyvault/vaults": {props: []property{
		{"properties.publicNetworkAccess", "public endpoint"},
		{"properties.networkAcls.defaultAction", "network rules"},
		{"properties.enableRbacAuthorization", "RBAC instead of access policies"},
		{"properties.enablePurgeProtection", "purge protection"},
	}},
	"microsoft.containerregistry/registries": {props: []property{
		{"properties.publicNetworkAccess", "public endpoint"},
		{"properties.networkRuleSet.defaultAction", "network rules"},
		{"properties.adminUserEnabled", "admin user (local authentication)"},
		{"properties.anonymousPullEnabled", "anonymous pull"},
	}},
	"microsoft.machinelearningservices/workspaces": {props: []property{{"properties.publicNetworkAccess", "public endpoint"}}},
	"microsoft.synapse/workspaces":                 {props: []property{{"properties.publicNetworkAccess", "public endpoint"}}},
	"microsoft.databricks/workspaces":              {props: []property{{"properties.publicNetworkAccess", "public endpoint"}}},
	"microsoft.datafactory/factories":              {props: []property{{"properties.publicNetworkAccess", "public endpoint"}}},
	"microsoft.eventhub/namespaces": {props: []property{
		{"properties.publicNetworkAccess", "public endpoint"},
		{"properties.disableLocalAuth", "local (SAS) authentication"},
		{"properties.minimumTlsVersion", "minimum TLS version"},
	}},
	"microsoft.web/sites": {props: []property{
		{"properties.publicNetworkAccess", "public endpoint"},
		{"properties.httpsOnly", "HTTPS only"},
		{"properties.siteConfig.minTlsVersion", "minimum TLS version"},
	}},
	"microsoft.operationalinsights/workspaces": {props: []property{
		{"properties.publicNetworkAccessForIngestion", "public ingestion"},
		{"properties.publicNetworkAccessForQuery", "public query"},
		{"properties.features.disableLocalAuth", "local (shared key) authentication"},
	}},
	"microsoft.containerservice/managedclusters": {props: []property{
		{"properties.apiServerAccessProfile.enablePrivateCluster", "private API server"},
		{"properties.disableLocalAccounts", "local accounts"},
	}},
	"microsoft.network/networksecuritygroups": {lists: []keyedList{{
		path:   "properties.securityRules",
		fields: []string{"properties.access", "properties.direction", "properties.priority", "properties.protocol", "properties.sourceAddressPrefix", "properties.sourceAddressPrefixes", "properties.destinationAddressPrefix", "properties.destinationAddressPrefixes", "properties.destinationPortRange", "properties.destinationPortRanges"},
		why:    "NSG rule",
	}}},
	"microsoft.network/routetables": {
		props: []property{{"properties.disableBgpRoutePropagation", "BGP route propagation"}},
		lists: []keyedList{{path: "properties.routes", fields: []string{"properties.addressPrefix", "properties.nextHopType", "properties.nextHopIpAddress"}, why: "route"}},
	},
	"microsoft.network/firewallpolicies/rulecollectiongroups": {lists: []keyedList{{
		path: "properties.ruleCollections", nested: "rules",
		fields: []string{"ipProtocols", "sourceAddresses", "destinationAddresses", "destinationFqdns", "destinationPorts", "targetFqdns", "fqdnTags"},
		why:    "firewall rule",
	}}},
	"microsoft.authorization/locks": {props: []property{{"properties.level", "management lock protecting data"}}},
	"microsoft.authorization/roleassignments": {props: []property{
		{"properties.roleDefinitionId", "role granted"},
		{"properties.principalId", "who holds the role"},
	}},
}

// azureMade are resources Azure creates beside enclave's, which are not
// drift: a pattern on "type/name" (lower case) and the reason.
var azureMade = []struct {
	pattern *regexp.Regexp
	why     string
}{
	{regexp.MustCompile(`^microsoft\.network/networkinterfaces/.+\.nic\.[0-9a-f-]+$`), "the network interface Azure creates for each private endpoint"},
	{regexp.MustCompile(`^microsoft\.alertsmanagement/smartdetectoralertrules/failure anomalies - `), "the smart detection rule Application Insights creates"},
}
