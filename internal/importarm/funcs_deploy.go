package importarm

import (
	"strings"
)

// deploymentFunctions are the functions that read the template's scope
// and the deployment context.
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-deployment
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-scope
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-resource
func deploymentFunctions() Functions {
	return Functions{
		"parameters": fixed(1, func(c *Call, args []Value) (Value, error) {
			name, err := argString(args, 0)
			if err != nil {
				return Value{}, err
			}
			if c.env.args != nil {
				if v, ok := c.env.args[strings.ToLower(name)]; ok {
					return v, nil
				}
			}
			sl, ok := c.env.sc.params[strings.ToLower(name)]
			if !ok || c.env.args != nil {
				return Value{}, errorf("declare it in the template's parameters section", "parameter %q is not declared", name)
			}
			return sl.get(c.ev, "parameter")
		}),
		"variables": fixed(1, func(c *Call, args []Value) (Value, error) {
			name, err := argString(args, 0)
			if err != nil {
				return Value{}, err
			}
			sl, ok := c.env.sc.vars[strings.ToLower(name)]
			if !ok || c.env.args != nil {
				return Value{}, errorf("declare it in the template's variables section", "variable %q is not declared", name)
			}
			return sl.get(c.ev, "variable")
		}),
		"copyIndex": between(0, 2, copyIndex),
		"resourceGroup": fixed(0, func(c *Call, _ []Value) (Value, error) {
			fn := c.env.sc.fn
			if fn.resourceGroup == "" {
				return Value{}, errorf("resourceGroup() exists only in resource-group deployments; nest a deployment with a resourceGroup property", "resourceGroup() is not available in a subscription deployment")
			}
			return object(
				"id", StringValue(scopePrefix(fn.subscriptionID, fn.resourceGroup)),
				"name", StringValue(fn.resourceGroup),
				"type", StringValue("Microsoft.Resources/resourceGroups"),
				"location", StringValue(fn.location),
				"tags", object(),
				"properties", object("provisioningState", StringValue("Succeeded")),
			), nil
		}),
		"subscription": fixed(0, func(c *Call, _ []Value) (Value, error) {
			fn := c.env.sc.fn
			return object(
				"id", StringValue("/subscriptions/"+fn.subscriptionID),
				"subscriptionId", StringValue(fn.subscriptionID),
				"tenantId", StringValue(c.ev.opts.TenantID),
				"displayName", StringValue(fn.subscriptionID),
			), nil
		}),
		"tenant": fixed(0, func(c *Call, _ []Value) (Value, error) {
			return object(
				"id", StringValue("/tenants/"+c.ev.opts.TenantID),
				"tenantId", StringValue(c.ev.opts.TenantID),
			), nil
		}),
		"managementGroup": fixed(0, func(c *Call, _ []Value) (Value, error) {
			return Value{}, errorf("managementGroup() exists only in management-group deployments", "managementGroup() is not available in a %s deployment", c.env.sc.fn.level)
		}),
		"deployment": fixed(0, func(c *Call, _ []Value) (Value, error) {
			fn := c.env.sc.fn
			d := object(
				"name", StringValue(fn.deploymentName),
				"properties", object(
					"template", object("contentVersion", StringValue("1.0.0.0")),
					"parameters", object(),
					"mode", StringValue("Incremental"),
					"provisioningState", StringValue("Accepted"),
				),
			)
			if fn.level == LevelSubscription {
				d.obj.set("location", StringValue(fn.location))
			}
			return d, nil
		}),
		"environment": fixed(0, func(*Call, []Value) (Value, error) { return azureCloud(), nil }),
		"resourceId": between(2, -1, func(c *Call, args []Value) (Value, error) {
			ss, err := argStrings(args)
			if err != nil {
				return Value{}, err
			}
			fn := c.env.sc.fn
			typeAt := typeArg(ss)
			if typeAt < 0 || typeAt > 2 {
				return Value{}, errorf("resourceId([subscriptionId], [resourceGroupName], resourceType, name...)", "no resource type (namespace/type) among the first three arguments")
			}
			sub, rg := fn.subscriptionID, fn.resourceGroup
			switch typeAt {
			case 1:
				rg = ss[0]
			case 2:
				sub, rg = ss[0], ss[1]
			}
			p, err := idPath(ss[typeAt], ss[typeAt+1:])
			if err != nil {
				return Value{}, err
			}
			return StringValue(scopePrefix(sub, rg) + p), nil
		}),
		"subscriptionResourceId": between(2, -1, func(c *Call, args []Value) (Value, error) {
			ss, err := argStrings(args)
			if err != nil {
				return Value{}, err
			}
			sub := c.env.sc.fn.subscriptionID
			typeAt := typeArg(ss)
			switch typeAt {
			case 0:
			case 1:
				sub = ss[0]
			default:
				return Value{}, errorf("subscriptionResourceId([subscriptionId], resourceType, name...)", "no resource type (namespace/type) among the first two arguments")
			}
			p, err := idPath(ss[typeAt], ss[typeAt+1:])
			if err != nil {
				return Value{}, err
			}
			return StringValue("/subscriptions/" + sub + p), nil
		}),
		"tenantResourceId": between(2, -1, func(c *Call, args []Value) (Value, error) {
			ss, err := argStrings(args)
			if err != nil {
				return Value{}, err
			}
			p, err := idPath(ss[0], ss[1:])
			if err != nil {
				return Value{}, err
			}
			return StringValue(p), nil
		}),
		"managementGroupResourceId": between(2, -1, func(c *Call, args []Value) (Value, error) {
			ss, err := argStrings(args)
			if err != nil {
				return Value{}, err
			}
			if typeArg(ss) != 1 {
				return Value{}, errorf("outside a management-group deployment, give the management group: managementGroupResourceId(managementGroupId, resourceType, name...)", "managementGroupResourceId needs the management group name first")
			}
			p, err := idPath(ss[1], ss[2:])
			if err != nil {
				return Value{}, err
			}
			return StringValue("/providers/Microsoft.Management/managementGroups/" + ss[0] + p), nil
		}),
		"extensionResourceId": between(3, -1, func(c *Call, args []Value) (Value, error) {
			ss, err := argStrings(args)
			if err != nil {
				return Value{}, err
			}
			p, err := idPath(ss[1], ss[2:])
			if err != nil {
				return Value{}, err
			}
			return StringValue(strings.TrimSuffix(ss[0], "/") + p), nil
		}),
		"reference": {Min: 1, Max: 3, KeepsUnknown: true, Call: func(c *Call, args []Value) (Value, error) {
			u := UnknownValue{Cause: CauseReference, Expr: c.Text, Pos: c.Pos}
			if a := args[0]; a.Kind() == String && strings.HasPrefix(a.Str(), "/") {
				u.Target = a.Str()
			}
			return unknownValue(u), nil
		}},
		"newGuid": fixed(0, func(c *Call, _ []Value) (Value, error) {
			return unknownValue(UnknownValue{Cause: CauseNewGuid, Expr: c.Text, Pos: c.Pos}), nil
		}),
		"utcNow": between(0, 1, func(c *Call, args []Value) (Value, error) {
			format := "yyyyMMddTHHmmssZ"
			if len(args) == 1 {
				f, err := argString(args, 0)
				if err != nil {
					return Value{}, err
				}
				format = f
			}
			s, err := formatTime(c.ev.opts.Now, format)
			if err != nil {
				return Value{}, err
			}
			return StringValue(s), nil
		}),
	}
}

// copyIndex([loopName], [offset]) is the current iteration of a copy loop.
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-numeric#copyindex
func copyIndex(c *Call, args []Value) (Value, error) {
	name := ""
	var offset int64
	switch len(args) {
	case 1:
		switch args[0].kind {
		case String:
			name = args[0].s
		case Int:
			offset = args[0].i
		default:
			return Value{}, typeError(0, args[0], "string (loop name) or int (offset)")
		}
	case 2:
		var err error
		if name, err = argString(args, 0); err != nil {
			return Value{}, err
		}
		if offset, err = argInt(args, 1); err != nil {
			return Value{}, err
		}
	}
	loops := c.env.loops
	for i := len(loops) - 1; i >= 0; i-- {
		if (name == "" && loops[i].resource) || (name != "" && strings.EqualFold(loops[i].name, name)) {
			return IntValue(int64(loops[i].index) + offset), nil
		}
	}
	if name != "" {
		return Value{}, errorf("copyIndex('name') must be inside the copy loop called name", "copyIndex: no enclosing copy loop named %q", name)
	}
	return Value{}, errorf("use copyIndex() inside a resource with a copy element; name the loop in property and variable copies", "copyIndex used outside a copy loop")
}

// typeArg is the index of the first argument that looks like a resource
// type: namespace/type, the namespace containing a dot.
func typeArg(ss []string) int {
	for i, s := range ss {
		ns, _, ok := strings.Cut(s, "/")
		if ok && strings.Contains(ns, ".") {
			return i
		}
	}
	return -1
}

// idPath is /providers/ns/t1/n1/t2/n2. A name argument may itself hold
// several segments ("vnet/subnet").
func idPath(typ string, names []string) (string, error) {
	var segs []string
	for _, n := range names {
		segs = append(segs, strings.Split(n, "/")...)
	}
	p, err := providerPath(typ, strings.Join(segs, "/"))
	if err != nil {
		return "", errorf("give one name per type segment after the namespace", "%v", err)
	}
	return p, nil
}

// object builds an object value from key, value pairs.
func object(kv ...any) Value {
	o := &Obj{}
	for i := 0; i+1 < len(kv); i += 2 {
		o.set(kv[i].(string), kv[i+1].(Value))
	}
	return ObjectValue(o)
}

// azureCloud is environment() in Azure's public cloud.
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-deployment#environment
func azureCloud() Value {
	return object(
		"name", StringValue("AzureCloud"),
		"gallery", StringValue("https://gallery.azure.com/"),
		"graph", StringValue("https://graph.windows.net/"),
		"portal", StringValue("https://portal.azure.com"),
		"graphAudience", StringValue("https://graph.windows.net/"),
		"activeDirectoryDataLake", StringValue("https://datalake.azure.net/"),
		"batch", StringValue("https://batch.core.windows.net/"),
		"media", StringValue("https://rest.media.azure.net"),
		"sqlManagement", StringValue("https://management.core.windows.net:8443/"),
		"vmImageAliasDoc", StringValue("https://raw.githubusercontent.com/Azure/azure-rest-api-specs/master/arm-compute/quickstart-templates/aliases.json"),
		"resourceManager", StringValue("https://management.azure.com/"),
		"authentication", object(
			"loginEndpoint", StringValue("https://login.microsoftonline.com/"),
			"audiences", ArrayValue([]Value{StringValue("https://management.core.windows.net/"), StringValue("https://management.azure.com/")}),
			"tenant", StringValue("common"),
			"identityProvider", StringValue("AAD"),
		),
		"suffixes", object(
			"acrLoginServer", StringValue(".azurecr.io"),
			"azureDatalakeAnalyticsCatalogAndJob", StringValue("azuredatalakeanalytics.net"),
			"azureDatalakeStoreFileSystem", StringValue("azuredatalakestore.net"),
			"azureFrontDoorEndpointSuffix", StringValue("azurefd.net"),
			"keyvaultDns", StringValue(".vault.azure.net"),
			"sqlServerHostname", StringValue(".database.windows.net"),
			"storage", StringValue("core.windows.net"),
		),
	)
}
