package terraform

import (
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	ctyjson "github.com/zclconf/go-cty/cty/json"

	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/render/arm"
)

// Security parity of the service kinds (compute, storage, Key Vault, ML,
// containers, web, data platform, governance): each pair prints the
// security-relevant settings in one line from both renderings.

// on is an ARM "Enabled"/"Disabled" (or "enabled") word as a bool.
func on(v any) bool { return strings.EqualFold(str(v), "Enabled") }

// first is the first nested block called name, or a zero tfBody.
func (t tfBody) first(name string) tfBody {
	if bs := t.Blocks(name); len(bs) > 0 {
		return bs[0]
	}
	return tfBody{}
}

// path reads a value inside an object or tuple expression of attribute
// name (a jsonencode(...) argument or an azapi body): object keys and
// tuple indexes; literals as Go values, anything else as "ref".
func (t tfBody) path(name string, segs ...string) any {
	if t.b == nil {
		return nil
	}
	a, ok := t.b.Attributes[name]
	if !ok {
		return nil
	}
	e := a.Expr
	if call, ok := e.(*hclsyntax.FunctionCallExpr); ok && call.Name == "jsonencode" && len(call.Args) == 1 {
		e = call.Args[0]
	}
	for _, seg := range segs {
		switch x := e.(type) {
		case *hclsyntax.ObjectConsExpr:
			var next hclsyntax.Expression
			for _, it := range x.Items {
				if k, diags := it.KeyExpr.Value(nil); !diags.HasErrors() && k.AsString() == seg {
					next = it.ValueExpr
				}
			}
			if next == nil {
				return nil
			}
			e = next
		case *hclsyntax.TupleConsExpr:
			i, err := strconv.Atoi(seg)
			if err != nil || i >= len(x.Exprs) {
				return nil
			}
			e = x.Exprs[i]
		default:
			return nil
		}
	}
	if len(e.Variables()) > 0 {
		return "ref"
	}
	v, diags := e.Value(nil)
	if diags.HasErrors() {
		return "ref"
	}
	data, err := ctyjson.Marshal(v, v.Type())
	if err != nil {
		return "ref"
	}
	var out any
	_ = json.Unmarshal(data, &out)
	return out
}

// armRef normalises an ARM value: expressions ("[...]") are "ref".
func armRef(v any) any {
	if s, ok := v.(string); ok && strings.HasPrefix(s, "[") && !strings.HasPrefix(s, "[[") {
		return "ref"
	}
	return v
}

// armDefinitionID matches a policy definition or initiative in an ARM
// resource ID or subscriptionResourceId expression.
var armDefinitionID = regexp.MustCompile(`Microsoft\.Authorization/(policyDefinitions|policySetDefinitions)(?:', '|/)([^'/\]]+)`)

// armDefinition spells an ARM policy definition reference as
// "policyDefinitions/<name>" or "policySetDefinitions/<name>".
func armDefinition(v any) string {
	m := armDefinitionID.FindStringSubmatch(str(v))
	if m == nil {
		return "unrecognised:" + str(v)
	}
	return m[1] + "/" + m[2]
}

// definition spells a Terraform policy_definition_id the same way: a
// literal built-in ID, or a reference followed to the definition's name.
func (bs tfBlocks) definition(v any) string {
	typ, b := bs.Follow(v)
	switch typ {
	case "azurerm_policy_definition":
		return "policyDefinitions/" + str(b.Attr("name"))
	case "azurerm_policy_set_definition":
		return "policySetDefinitions/" + str(b.Attr("name"))
	}
	return armDefinition(v)
}

func servicesSecurity() []securityPair {
	return []securityPair{
		{
			Kind: model.TypeStorageAccount, Setting: "public access, shared keys, TLS, firewall, encryption",
			ARM: func(r armJSON) any {
				return fmt.Sprintf("public=%v sharedkey=%v tls=%v blobpublic=%v https=%v acl=%v/%v xtenant=%v copy=%s infra=%v cmk=%v oauth=%v",
					on(r.Get("properties.publicNetworkAccess")), r.Get("properties.allowSharedKeyAccess"), r.Get("properties.minimumTlsVersion"),
					r.Get("properties.allowBlobPublicAccess"), r.Get("properties.supportsHttpsTrafficOnly"),
					r.Get("properties.networkAcls.defaultAction"), r.Get("properties.networkAcls.bypass"), r.Get("properties.allowCrossTenantReplication"),
					str(r.Get("properties.allowedCopyScope")), r.Get("properties.encryption.requireInfrastructureEncryption"),
					r.Get("properties.encryption.keySource") == "Microsoft.Keyvault", r.Get("properties.defaultToOAuthAuthentication"))
			},
			TF: func(bs tfBlocks) any {
				s := bs.One("azurerm_storage_account")
				n := s.first("network_rules")
				return fmt.Sprintf("public=%v sharedkey=%v tls=%v blobpublic=%v https=%v acl=%v/%v xtenant=%v copy=%s infra=%v cmk=%v oauth=%v",
					s.Attr("public_network_access_enabled"), s.Attr("shared_access_key_enabled"), s.Attr("min_tls_version"),
					s.Attr("allow_nested_items_to_be_public"), s.Attr("https_traffic_only_enabled"),
					n.Attr("default_action"), str(n.Attr("bypass")), s.Attr("cross_tenant_replication_enabled"),
					str(s.Attr("allowed_copy_scope")), s.Attr("infrastructure_encryption_enabled"),
					len(s.Blocks("customer_managed_key")) == 1, s.Attr("default_to_oauth_authentication"))
			},
		},
		{
			Kind: model.TypeBlobContainer, Setting: "anonymous access",
			ARM: func(r armJSON) any { return str(r.Get("properties.publicAccess")) },
			TF: func(bs tfBlocks) any {
				if bs.One("azurerm_storage_container").Attr("container_access_type") == "private" {
					return "None"
				}
				return "public"
			},
		},
		{
			Kind: model.TypeKeyVault, Setting: "public access, purge protection, RBAC, firewall, retention",
			ARM: func(r armJSON) any {
				return fmt.Sprintf("public=%v purge=%v rbac=%v acl=%v/%v retention=%v deploy=%v/%v/%v",
					on(r.Get("properties.publicNetworkAccess")), r.Get("properties.enablePurgeProtection") == true, r.Get("properties.enableRbacAuthorization"),
					r.Get("properties.networkAcls.defaultAction"), r.Get("properties.networkAcls.bypass"), r.Get("properties.softDeleteRetentionInDays"),
					r.Get("properties.enabledForDeployment"), r.Get("properties.enabledForDiskEncryption"), r.Get("properties.enabledForTemplateDeployment"))
			},
			TF: func(bs tfBlocks) any {
				v := bs.One("azurerm_key_vault")
				n := v.first("network_acls")
				return fmt.Sprintf("public=%v purge=%v rbac=%v acl=%v/%v retention=%v deploy=%v/%v/%v",
					v.Attr("public_network_access_enabled"), v.Attr("purge_protection_enabled"), v.Attr("rbac_authorization_enabled"),
					n.Attr("default_action"), n.Attr("bypass"), v.Attr("soft_delete_retention_days"),
					v.Attr("enabled_for_deployment"), v.Attr("enabled_for_disk_encryption"), v.Attr("enabled_for_template_deployment"))
			},
		},
		{
			Kind: model.TypeKeyVaultKey, Setting: "key type, size, operations, rotation",
			ARM: func(r armJSON) any {
				return fmt.Sprintf("kty=%v size=%v ops=%s expiry=%v rotate=%v", r.Get("properties.kty"), r.Get("properties.keySize"), str(r.Get("properties.keyOps")),
					r.Get("properties.rotationPolicy.attributes.expiryTime"), r.List("properties.rotationPolicy.lifetimeActions")[0].Get("trigger.timeBeforeExpiry"))
			},
			TF: func(bs tfBlocks) any {
				k := bs.One("azurerm_key_vault_key")
				p := k.first("rotation_policy")
				return fmt.Sprintf("kty=%v size=%v ops=%s expiry=%v rotate=%v", k.Attr("key_type"), k.Attr("key_size"), str(k.Attr("key_opts")),
					p.Attr("expire_after"), p.first("automatic").Attr("time_before_expiry"))
			},
		},
		{
			Kind: model.TypeContainerRegistry, Setting: "admin user, anonymous pull, public access, firewall, export",
			ARM: func(r armJSON) any {
				return fmt.Sprintf("sku=%v admin=%v anon=%v public=%v acl=%v bypass=%v export=%v", r.Get("sku.name"), r.Get("properties.adminUserEnabled"),
					r.Get("properties.anonymousPullEnabled"), on(r.Get("properties.publicNetworkAccess")), r.Get("properties.networkRuleSet.defaultAction"),
					r.Get("properties.networkRuleBypassOptions"), on(r.Get("properties.policies.exportPolicy.status")))
			},
			TF: func(bs tfBlocks) any {
				c := bs.One("azurerm_container_registry")
				var acl any
				if rs, ok := c.Attr("network_rule_set").([]any); ok && len(rs) == 1 {
					acl = rs[0].(map[string]any)["default_action"]
				}
				return fmt.Sprintf("sku=%v admin=%v anon=%v public=%v acl=%v bypass=%v export=%v", c.Attr("sku"), c.Attr("admin_enabled"),
					c.Attr("anonymous_pull_enabled"), c.Attr("public_network_access_enabled"), acl,
					c.Attr("network_rule_bypass_option"), c.Attr("export_policy_enabled"))
			},
		},
		{
			Kind: model.TypeManagedCluster, Setting: "private cluster, local accounts, Entra RBAC, network, node public IPs",
			ARM: func(r armJSON) any {
				out := []string{fmt.Sprintf("private=%v fqdn=%v local-off=%v runcmd-off=%v rbac=%v azrbac=%v admins=%s plugin=%v policy=%v outbound=%v defender=%v azpolicy=%v",
					r.Get("properties.apiServerAccessProfile.enablePrivateCluster"), r.Get("properties.apiServerAccessProfile.enablePrivateClusterPublicFQDN"),
					r.Get("properties.disableLocalAccounts"), r.Get("properties.apiServerAccessProfile.disableRunCommand"), r.Get("properties.enableRBAC"),
					r.Get("properties.aadProfile.enableAzureRBAC"), str(r.Get("properties.aadProfile.adminGroupObjectIDs")),
					r.Get("properties.networkProfile.networkPlugin"), r.Get("properties.networkProfile.networkPolicy"), r.Get("properties.networkProfile.outboundType"),
					r.Get("properties.securityProfile.defender") != nil, r.Get("properties.addonProfiles.azurepolicy.enabled"))}
				for _, p := range r.List("properties.agentPoolProfiles") {
					out = append(out, fmt.Sprintf("pool %v publicip=%v hostenc=%v", p["name"], p["enableNodePublicIP"], p["enableEncryptionAtHost"]))
				}
				return sorted(out)
			},
			TF: func(bs tfBlocks) any {
				c := bs.One("azurerm_kubernetes_cluster")
				aad := c.first("azure_active_directory_role_based_access_control")
				n := c.first("network_profile")
				out := []string{fmt.Sprintf("private=%v fqdn=%v local-off=%v runcmd-off=%v rbac=%v azrbac=%v admins=%s plugin=%v policy=%v outbound=%v defender=%v azpolicy=%v",
					c.Attr("private_cluster_enabled"), c.Attr("private_cluster_public_fqdn_enabled"),
					c.Attr("local_account_disabled"), c.Attr("run_command_enabled") == false, c.Attr("role_based_access_control_enabled"),
					aad.Attr("azure_rbac_enabled"), str(aad.Attr("admin_group_object_ids")),
					n.Attr("network_plugin"), n.Attr("network_policy"), n.Attr("outbound_type"),
					len(c.Blocks("microsoft_defender")) == 1, c.Attr("azure_policy_enabled"))}
				pools := append(c.Blocks("default_node_pool"), bs.OfType("azurerm_kubernetes_cluster_node_pool")...)
				for _, p := range pools {
					out = append(out, fmt.Sprintf("pool %v publicip=%v hostenc=%v", p.Attr("name"), p.Attr("node_public_ip_enabled"), p.Attr("host_encryption_enabled")))
				}
				return sorted(out)
			},
		},
		{
			Kind: model.TypeMLWorkspace, Setting: "public access, isolation, identity datastores, serverless public IP, CMK",
			ARM: func(r armJSON) any {
				nopip := r.Get("properties.serverlessComputeSettings.serverlessComputeNoPublicIP")
				return fmt.Sprintf("public=%v hbi=%v isolation=%v identity-stores=%v serverless-nopip=%v cmk=%v", on(r.Get("properties.publicNetworkAccess")),
					r.Get("properties.hbiWorkspace"), r.Get("properties.managedNetwork.isolationMode"), r.Get("properties.systemDatastoresAuthMode") == "Identity",
					nopip, r.Get("properties.encryption") != nil)
			},
			TF: func(bs tfBlocks) any {
				w := bs.One("azurerm_machine_learning_workspace")
				var nopip any
				if s := w.Blocks("serverless_compute"); len(s) == 1 {
					nopip = s[0].Attr("public_ip_enabled") == false
				}
				return fmt.Sprintf("public=%v hbi=%v isolation=%v identity-stores=%v serverless-nopip=%v cmk=%v", w.Attr("public_network_access_enabled"),
					w.Attr("high_business_impact"), w.first("managed_network").Attr("isolation_mode"), w.Attr("storage_account_access_type") == "Identity",
					nopip, len(w.Blocks("encryption")) == 1)
			},
		},
		{
			Kind: model.TypeMLCompute, Setting: "node public IPs, local auth, SSH",
			ARM: func(r armJSON) any {
				ssh := on(r.Get("properties.properties.remoteLoginPortPublicAccess")) || on(r.Get("properties.properties.sshSettings.sshPublicAccess"))
				return fmt.Sprintf("type=%v publicip=%v localauth-off=%v ssh=%v", r.Get("properties.computeType"), r.Get("properties.properties.enableNodePublicIp"),
					r.Get("properties.disableLocalAuth") == true, ssh)
			},
			TF: func(bs tfBlocks) any {
				if c := bs.One("azurerm_machine_learning_compute_cluster"); c.b != nil {
					return fmt.Sprintf("type=AmlCompute publicip=%v localauth-off=%v ssh=%v", c.Attr("node_public_ip_enabled"), c.Attr("local_auth_enabled") == false, c.Attr("ssh_public_access_enabled"))
				}
				if c := bs.One("azurerm_machine_learning_compute_instance"); c.b != nil {
					return fmt.Sprintf("type=ComputeInstance publicip=%v localauth-off=%v ssh=%v", c.Attr("node_public_ip_enabled"), c.Attr("local_auth_enabled") == false, len(c.Blocks("ssh")) > 0)
				}
				a := bs.One("azapi_resource")
				return fmt.Sprintf("type=%v publicip=%v localauth-off=%v ssh=%v", a.path("body", "properties", "computeType"), a.path("body", "properties", "properties", "enableNodePublicIp"),
					a.path("body", "properties", "disableLocalAuth") == true, on(a.path("body", "properties", "properties", "sshSettings", "sshPublicAccess")))
			},
		},
		{
			Kind: model.TypeApplicationInsights, Setting: "local auth, public ingestion and query",
			ARM: func(r armJSON) any {
				return fmt.Sprintf("localauth-off=%v ingest=%v query=%v", r.Get("properties.DisableLocalAuth"), on(r.Get("properties.publicNetworkAccessForIngestion")), on(r.Get("properties.publicNetworkAccessForQuery")))
			},
			TF: func(bs tfBlocks) any {
				a := bs.One("azurerm_application_insights")
				return fmt.Sprintf("localauth-off=%v ingest=%v query=%v", a.Attr("local_authentication_enabled") == false, a.Attr("internet_ingestion_enabled"), a.Attr("internet_query_enabled"))
			},
		},
		{
			Kind: model.TypeWebApp, Setting: "HTTPS, public access, TLS, FTPS, remote debugging, VNet routing, registry identity",
			ARM: func(r armJSON) any {
				return fmt.Sprintf("https=%v public=%v tls=%v scmtls=%v ftps=%v debug=%v routeall=%v imagepull=%v acrmi=%v", r.Get("properties.httpsOnly"),
					on(r.Get("properties.publicNetworkAccess")), r.Get("properties.siteConfig.minTlsVersion"), r.Get("properties.siteConfig.scmMinTlsVersion"),
					r.Get("properties.siteConfig.ftpsState"), r.Get("properties.siteConfig.remoteDebuggingEnabled"),
					r.Get("properties.outboundVnetRouting.applicationTraffic"), r.Get("properties.outboundVnetRouting.imagePullTraffic"),
					r.Get("properties.siteConfig.acrUseManagedIdentityCreds"))
			},
			TF: func(bs tfBlocks) any {
				w := bs.One("azurerm_linux_web_app")
				sc := w.first("site_config")
				return fmt.Sprintf("https=%v public=%v tls=%v scmtls=%v ftps=%v debug=%v routeall=%v imagepull=%v acrmi=%v", w.Attr("https_only"),
					w.Attr("public_network_access_enabled"), sc.Attr("minimum_tls_version"), sc.Attr("scm_minimum_tls_version"),
					sc.Attr("ftps_state"), sc.Attr("remote_debugging_enabled"), sc.Attr("vnet_route_all_enabled"), w.Attr("vnet_image_pull_enabled"),
					sc.Attr("container_registry_use_managed_identity"))
			},
		},
		{
			Kind: model.TypeDataFactory, Setting: "public access, CMK",
			ARM: func(r armJSON) any {
				return fmt.Sprintf("public=%v cmk=%v", on(r.Get("properties.publicNetworkAccess")), r.Get("properties.encryption") != nil)
			},
			TF: func(bs tfBlocks) any {
				f := bs.One("azurerm_data_factory")
				return fmt.Sprintf("public=%v cmk=%v", f.Attr("public_network_enabled"), f.Attr("customer_managed_key_id") != nil)
			},
		},
		{
			Kind: model.TypeDatabricksWorkspace, Setting: "public access, no public IP, NSG rules, infrastructure encryption",
			ARM: func(r armJSON) any {
				return fmt.Sprintf("public=%v nopip=%v nsgrules=%v infra=%v", on(r.Get("properties.publicNetworkAccess")), r.Get("properties.parameters.enableNoPublicIp.value"),
					r.Get("properties.requiredNsgRules"), r.Get("properties.parameters.requireInfrastructureEncryption.value"))
			},
			TF: func(bs tfBlocks) any {
				w := bs.One("azurerm_databricks_workspace")
				return fmt.Sprintf("public=%v nopip=%v nsgrules=%v infra=%v", w.Attr("public_network_access_enabled"), w.first("custom_parameters").Attr("no_public_ip"),
					w.Attr("network_security_group_rules_required"), w.Attr("infrastructure_encryption_enabled"))
			},
		},
		{
			Kind: model.TypeSynapseWorkspace, Setting: "public access, Entra-only auth, managed network, exfiltration protection, CMK",
			ARM: func(r armJSON) any {
				return fmt.Sprintf("public=%v entra-only=%v mvnet=%v exfil=%v tenants=%s cmk=%v", on(r.Get("properties.publicNetworkAccess")),
					r.Get("properties.azureADOnlyAuthentication"), r.Get("properties.managedVirtualNetwork") == "default",
					r.Get("properties.managedVirtualNetworkSettings.preventDataExfiltration"), str(r.Get("properties.managedVirtualNetworkSettings.allowedAadTenantIdsForLinking")),
					r.Get("properties.encryption") != nil)
			},
			TF: func(bs tfBlocks) any {
				w := bs.One("azurerm_synapse_workspace")
				return fmt.Sprintf("public=%v entra-only=%v mvnet=%v exfil=%v tenants=%s cmk=%v", w.Attr("public_network_access_enabled"),
					w.Attr("azuread_authentication_only"), w.Attr("managed_virtual_network_enabled"),
					w.Attr("data_exfiltration_protection_enabled"), str(w.Attr("linking_allowed_for_aad_tenant_ids")), len(w.Blocks("customer_managed_key")) == 1)
			},
		},
		{
			Kind: model.TypeSynapseAuditing, Setting: "SQL auditing to Azure Monitor",
			ARM: func(r armJSON) any {
				return fmt.Sprintf("on=%v monitor=%v", r.Get("properties.state") == "Enabled", r.Get("properties.isAzureMonitorTargetEnabled"))
			},
			TF: func(bs tfBlocks) any {
				a := bs.One("azurerm_synapse_workspace_extended_auditing_policy")
				return fmt.Sprintf("on=%v monitor=%v", a.b != nil, a.Attr("log_monitoring_enabled"))
			},
		},
		{
			Kind: model.TypeSynapseAlerts, Setting: "Defender for SQL threat detection",
			ARM: func(r armJSON) any {
				return fmt.Sprintf("state=%v admins=%v", r.Get("properties.state"), r.Get("properties.emailAccountAdmins"))
			},
			TF: func(bs tfBlocks) any {
				a := bs.One("azurerm_synapse_workspace_security_alert_policy")
				return fmt.Sprintf("state=%v admins=%v", a.Attr("policy_state"), a.Attr("email_account_admins_enabled"))
			},
		},
		{
			Kind: model.TypeEventHubNamespace, Setting: "local auth, TLS, public access",
			ARM: func(r armJSON) any {
				return fmt.Sprintf("localauth-off=%v tls=%v public=%v", r.Get("properties.disableLocalAuth"), r.Get("properties.minimumTlsVersion"), on(r.Get("properties.publicNetworkAccess")))
			},
			TF: func(bs tfBlocks) any {
				n := bs.One("azurerm_eventhub_namespace")
				return fmt.Sprintf("localauth-off=%v tls=%v public=%v", n.Attr("local_authentication_enabled") == false, n.Attr("minimum_tls_version"), n.Attr("public_network_access_enabled"))
			},
		},
		{
			Kind: model.TypeVirtualMachine, Setting: "encryption at host, trusted launch, password authentication",
			ARM: func(r armJSON) any {
				return fmt.Sprintf("hostenc=%v secureboot=%v vtpm=%v nopassword=%v", r.Get("properties.securityProfile.encryptionAtHost"),
					r.Get("properties.securityProfile.uefiSettings.secureBootEnabled"), r.Get("properties.securityProfile.uefiSettings.vTpmEnabled"),
					r.Get("properties.osProfile.linuxConfiguration.disablePasswordAuthentication"))
			},
			TF: func(bs tfBlocks) any {
				v := bs.One("azurerm_linux_virtual_machine")
				if v.b == nil {
					v = bs.One("azurerm_windows_virtual_machine")
				}
				return fmt.Sprintf("hostenc=%v secureboot=%v vtpm=%v nopassword=%v", v.Attr("encryption_at_host_enabled"),
					v.Attr("secure_boot_enabled"), v.Attr("vtpm_enabled"), v.Attr("disable_password_authentication"))
			},
		},
		{
			Kind: model.TypeNetworkInterface, Setting: "public IP, IP forwarding",
			ARM: func(r armJSON) any {
				var pips []string
				for _, c := range r.List("properties.ipConfigurations") {
					pips = append(pips, fmt.Sprint(c.Get("properties.publicIPAddress") != nil))
				}
				return fmt.Sprintf("publicip=%s forwarding=%v", strings.Join(pips, ","), r.Get("properties.enableIPForwarding"))
			},
			TF: func(bs tfBlocks) any {
				n := bs.One("azurerm_network_interface")
				var pips []string
				for _, c := range n.Blocks("ip_configuration") {
					pips = append(pips, fmt.Sprint(c.Attr("public_ip_address_id") != nil))
				}
				return fmt.Sprintf("publicip=%s forwarding=%v", strings.Join(pips, ","), n.Attr("ip_forwarding_enabled"))
			},
		},
		{
			Kind: model.TypePolicyAssignment, Setting: "definition, enforcement, parameters, remediation identity",
			ARM: func(r armJSON) any {
				var params []string
				if m, ok := r.Get("properties.parameters").(map[string]any); ok {
					for k, v := range m {
						params = append(params, fmt.Sprintf("%s=%v", k, armRef(v.(map[string]any)["value"])))
					}
				}
				sort.Strings(params)
				return fmt.Sprintf("def=%v enforce=%v identity=%s params=%s", armDefinition(r.Get("properties.policyDefinitionId")), r.Get("properties.enforcementMode") == "Default",
					str(r.Get("identity.type")), strings.Join(params, ";"))
			},
			TF: func(bs tfBlocks) any {
				p := bs.One("azurerm_subscription_policy_assignment")
				if p.b == nil {
					p = bs.One("azurerm_resource_group_policy_assignment")
				}
				var params []string
				if a, ok := p.b.Attributes["parameters"]; ok {
					if call, ok := a.Expr.(*hclsyntax.FunctionCallExpr); ok && len(call.Args) == 1 {
						if obj, ok := call.Args[0].(*hclsyntax.ObjectConsExpr); ok {
							for _, it := range obj.Items {
								k, _ := it.KeyExpr.Value(nil)
								params = append(params, fmt.Sprintf("%s=%v", k.AsString(), p.path("parameters", k.AsString(), "value")))
							}
						}
					}
				}
				sort.Strings(params)
				return fmt.Sprintf("def=%v enforce=%v identity=%s params=%s", bs.definition(p.Attr("policy_definition_id")), p.Attr("enforce"),
					str(p.first("identity").Attr("type")), strings.Join(params, ";"))
			},
		},
		{
			Kind: model.TypeDefenderPlan, Setting: "tier, sub-plan, extensions",
			ARM: func(r armJSON) any {
				var ext []string
				for _, e := range r.List("properties.extensions") {
					if e["isEnabled"] == "True" {
						ext = append(ext, str(e["name"]))
					}
				}
				return fmt.Sprintf("tier=%v subplan=%s ext=%s", r.Get("properties.pricingTier"), str(r.Get("properties.subPlan")), strings.Join(sorted(ext), ","))
			},
			TF: func(bs tfBlocks) any {
				p := bs.One("azurerm_security_center_subscription_pricing")
				var ext []string
				for _, e := range p.Blocks("extension") {
					ext = append(ext, str(e.Attr("name")))
				}
				return fmt.Sprintf("tier=%v subplan=%s ext=%s", p.Attr("tier"), str(p.Attr("subplan")), strings.Join(sorted(ext), ","))
			},
		},
		{
			Kind: model.TypeSecurityContact, Setting: "recipients, roles, minimal severity",
			ARM: func(r armJSON) any {
				return fmt.Sprintf("emails=%v roles=%s severity=%v", r.Get("properties.emails"), str(r.Get("properties.notificationsByRole.roles")),
					r.List("properties.notificationsSources")[0]["minimalSeverity"])
			},
			TF: func(bs tfBlocks) any {
				a := bs.One("azapi_resource")
				return fmt.Sprintf("emails=%v roles=%s severity=%v", a.path("body", "properties", "emails"), str(a.path("body", "properties", "notificationsByRole", "roles")),
					a.path("body", "properties", "notificationsSources", "0", "minimalSeverity"))
			},
		},
	}
}

// TestServicesSecurityParityVariants compares the service pairs on the spec
// variations whose service kinds differ from the example's: compute
// instances (azapi), Windows workstations, no customer-managed keys, and
// the SQL Server and PostgreSQL sources.
func TestServicesSecurityParityVariants(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the variations in -short mode")
	}
	for _, name := range []string{"compute-instances", "windows-workstations", "no-cmk", "sqlserver", "postgresql"} {
		t.Run(name, func(t *testing.T) {
			out, g := renderVariant(t, name)
			armOut, err := arm.Render(g)
			if err != nil {
				t.Fatalf("arm.Render = %v", err)
			}
			if n := compareSecurity(t, out, armOut.Template, servicesSecurity()); n == 0 {
				t.Fatal("no setting compared")
			}
		})
	}
}

// compareSecurity compares pairs on every resource of their kinds and
// returns how many settings it compared.
func compareSecurity(t *testing.T, out Output, tpl []byte, pairs []securityPair) int {
	t.Helper()
	armRes := armResources(t, tpl)
	tfRes := tfResources(t, out)
	n := 0
	for _, p := range pairs {
		for _, m := range out.Index {
			if m.Model.Type != p.Kind {
				continue
			}
			r, ok := armRes[armKey(m.Model)]
			if !ok {
				t.Errorf("%s: not in the ARM rendering", m.Model)
				continue
			}
			bs := tfBlocks{src: tfRes.src, all: tfRes.blocks}
			for _, addr := range m.Blocks {
				bs.blocks = append(bs.blocks, tfRes.blocks[addr])
			}
			if diff := cmp.Diff(p.ARM(r), p.TF(bs)); diff != "" {
				t.Errorf("%s %s: ARM and Terraform differ (-arm +terraform):\n%s", m.Model, p.Setting, diff)
			}
			n++
		}
	}
	return n
}
