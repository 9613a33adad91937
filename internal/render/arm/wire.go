// Package arm renders a model.Graph as an Azure Resource Manager deployment:
// one subscription-scope template that creates the resource groups and the
// subscription-level resources, then one nested deployment per resource group
// holding that group's resources, plus a parameters file. The per-kind
// converters only map fields; naming, ordering, dependsOn, scopes, secure
// parameters and encoding are handled once, here.
package arm

// Schema URLs of the templates enclave writes.
const (
	SubscriptionSchema  = "https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#"
	ResourceGroupSchema = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"
	ParametersSchema    = "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#"
	deploymentsAPI      = "2025-04-01"
)

// Template is an ARM deployment template.
type Template struct {
	Schema         string                `json:"$schema"`
	ContentVersion string                `json:"contentVersion"`
	Metadata       *Metadata             `json:"metadata,omitempty"`
	Parameters     map[string]Parameter  `json:"parameters,omitempty"`
	Resources      []Resource            `json:"resources"`
	Outputs        map[string]OutputSpec `json:"outputs,omitempty"`
}

// Metadata identifies the generator.
type Metadata struct {
	Generator   string `json:"generator"`
	Environment string `json:"environment"`
}

// Parameter declares a template parameter.
type Parameter struct {
	Type         string    `json:"type"`
	DefaultValue any       `json:"defaultValue,omitempty"`
	Metadata     *ParamDoc `json:"metadata,omitempty"`
}

// ParamDoc documents a parameter.
type ParamDoc struct {
	Description string `json:"description"`
}

// OutputSpec declares a template output.
type OutputSpec struct {
	Type  string `json:"type"`
	Value string `json:"value"`
}

// Resource is one resource as ARM spells it.
type Resource struct {
	Type          string            `json:"type"`
	APIVersion    string            `json:"apiVersion"`
	Name          string            `json:"name"`
	ResourceGroup string            `json:"resourceGroup,omitempty"`
	Scope         string            `json:"scope,omitempty"`
	Location      string            `json:"location,omitempty"`
	Kind          string            `json:"kind,omitempty"`
	Tags          map[string]string `json:"tags,omitempty"`
	Zones         []string          `json:"zones,omitempty"`
	SKU           any               `json:"sku,omitempty"`
	Identity      *Identity         `json:"identity,omitempty"`
	Properties    any               `json:"properties,omitempty"`
	DependsOn     []string          `json:"dependsOn,omitempty"`
}

// deploymentProperties is the body of a nested Microsoft.Resources/deployments.
type deploymentProperties struct {
	Mode                        string                `json:"mode"`
	ExpressionEvaluationOptions evalOptions           `json:"expressionEvaluationOptions"`
	Parameters                  map[string]paramValue `json:"parameters,omitempty"`
	Template                    Template              `json:"template"`
}

type evalOptions struct {
	Scope string `json:"scope"`
}

type paramValue struct {
	Value any `json:"value"`
}

// ParametersFile is azuredeploy.parameters.json.
type ParametersFile struct {
	Schema         string                `json:"$schema"`
	ContentVersion string                `json:"contentVersion"`
	Parameters     map[string]paramValue `json:"parameters"`
}

// Identity is the wire form of a managed identity block.
type Identity struct {
	Type                   string              `json:"type"`
	UserAssignedIdentities map[string]struct{} `json:"userAssignedIdentities,omitempty"`
}

// SKU is the common name/tier SKU block.
type SKU struct {
	Name     string `json:"name"`
	Tier     string `json:"tier,omitempty"`
	Capacity int    `json:"capacity,omitempty"`
	Family   string `json:"family,omitempty"`
}

// SubResource is {"id": ...}.
type SubResource struct {
	ID string `json:"id"`
}
