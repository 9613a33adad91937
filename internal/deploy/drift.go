package deploy

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// FindingKind is how a live resource differs from the spec.
type FindingKind string

const (
	// Changed: a security-relevant property has another value live.
	Changed FindingKind = "changed"
	// Missing: the spec has it, Azure does not.
	Missing FindingKind = "missing"
	// Extra: Azure has it, the spec does not.
	Extra FindingKind = "extra"
)

// Finding is one difference, with what decided it: the property, the
// value the spec (through the rendered template) asks for, the live value,
// and why the property matters.
type Finding struct {
	Resource ResourceID  `json:"resource"`
	Kind     FindingKind `json:"kind"`
	Property string      `json:"property,omitempty"`
	Want     string      `json:"want,omitempty"`
	Live     string      `json:"live,omitempty"`
	Why      string      `json:"why"`
}

// DriftReport is the result of comparing the live environment with the
// template.
type DriftReport struct {
	Groups   []string  `json:"resourceGroups"`
	Checked  int       `json:"resourcesChecked"`
	Findings []Finding `json:"findings"`
}

// Drifted reports whether anything differs.
func (r *DriftReport) Drifted() bool { return len(r.Findings) > 0 }

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

// expected is one resource of the template.
type expected struct {
	id         ResourceID
	apiVersion string
	body       map[string]any
}

// Drift reads the live resources of the template's resource groups and
// compares their security-relevant properties with the template (the
// rendered spec), reporting changed properties, resources missing live and
// resources present live but not in the spec.
func Drift(ctx context.Context, c *Clients, t Template) (*DriftReport, error) {
	want, groups, err := expectedResources(c.Subscription, t.Body)
	if err != nil {
		return nil, err
	}
	rep := &DriftReport{Groups: groups}
	known := map[string]bool{}
	for _, e := range want {
		known[strings.ToLower(e.id.ID)] = true
	}
	for _, e := range want {
		rules, ok := security[strings.ToLower(e.id.Type)]
		if !ok {
			continue
		}
		got, err := c.Resources.GetByID(ctx, e.id.ID, e.apiVersion, nil)
		if isNotFound(err) {
			rep.Findings = append(rep.Findings, Finding{Resource: e.id, Kind: Missing, Why: "in the spec but not in Azure: deleted or never deployed"})
			continue
		}
		if err != nil {
			return nil, failure("reading "+e.id.Display(), err)
		}
		rep.Checked++
		live := map[string]any{"properties": got.Properties}
		for _, p := range rules.props {
			w, ok := lookup(e.body, p.path)
			if !ok || isExpression(w) {
				continue
			}
			l, _ := lookup(live, p.path)
			if !same(w, l) {
				rep.Findings = append(rep.Findings, Finding{Resource: e.id, Kind: Changed, Property: p.path, Want: text(w), Live: text(l), Why: p.why})
			}
		}
		for _, kl := range rules.lists {
			rep.Findings = append(rep.Findings, compareList(e.id, kl, e.body, live)...)
		}
	}
	for _, g := range groups {
		pager := c.Resources.NewListByResourceGroupPager(g, nil)
		for pager.More() {
			page, err := pager.NextPage(ctx)
			if err != nil {
				return nil, failure("listing resource group "+g, err)
			}
			for _, r := range page.Value {
				if r == nil || r.ID == nil || known[strings.ToLower(*r.ID)] {
					continue
				}
				id := ParseResourceID(*r.ID)
				if madeByAzure(id) {
					continue
				}
				rep.Findings = append(rep.Findings, Finding{Resource: id, Kind: Extra, Why: "in Azure but not in the spec"})
			}
		}
	}
	sort.SliceStable(rep.Findings, func(i, j int) bool {
		a, b := rep.Findings[i], rep.Findings[j]
		if a.Resource != b.Resource {
			return a.Resource.Less(b.Resource)
		}
		return a.Property < b.Property
	})
	return rep, nil
}

func madeByAzure(id ResourceID) bool {
	key := strings.ToLower(id.Type + "/" + id.Name)
	for _, a := range azureMade {
		if a.pattern.MatchString(key) {
			return true
		}
	}
	return false
}

// compareList compares a keyed list (NSG rules, routes, firewall rules).
func compareList(id ResourceID, kl keyedList, want, live map[string]any) []Finding {
	w := items(want, kl)
	l := items(live, kl)
	var out []Finding
	names := make([]string, 0, len(w)+len(l))
	for n := range w {
		names = append(names, n)
	}
	for n := range l {
		if _, ok := w[n]; !ok {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		wi, inSpec := w[n]
		li, isLive := l[n]
		label := kl.path + "[" + n + "]"
		switch {
		case !isLive:
			out = append(out, Finding{Resource: id, Kind: Missing, Property: label, Why: kl.why + " in the spec is missing live"})
		case !inSpec:
			out = append(out, Finding{Resource: id, Kind: Extra, Property: label, Live: summary(li, kl.fields), Why: kl.why + " present live but not in the spec"})
		default:
			for _, f := range kl.fields {
				wv, ok := lookup(wi, f)
				if !ok || isExpression(wv) {
					continue
				}
				lv, _ := lookup(li, f)
				if !same(wv, lv) {
					out = append(out, Finding{Resource: id, Kind: Changed, Property: label + "." + f, Want: text(wv), Live: text(lv), Why: kl.why})
				}
			}
		}
	}
	return out
}

// items indexes a keyed list by name ("collection/rule" when nested).
func items(body map[string]any, kl keyedList) map[string]map[string]any {
	out := map[string]map[string]any{}
	v, _ := lookup(body, kl.path)
	list, _ := v.([]any)
	for _, x := range list {
		m, _ := x.(map[string]any)
		name, _ := m["name"].(string)
		if kl.nested == "" {
			out[strings.ToLower(name)] = m
			continue
		}
		inner, _ := m[kl.nested].([]any)
		for _, y := range inner {
			r, _ := y.(map[string]any)
			rn, _ := r["name"].(string)
			out[strings.ToLower(name+"/"+rn)] = r
		}
	}
	return out
}

// summary shows an item's compared fields ("access=Allow direction=Inbound ...").
func summary(m map[string]any, fields []string) string {
	var parts []string
	for _, f := range fields {
		if v, ok := lookup(m, f); ok {
			parts = append(parts, f[strings.LastIndexByte(f, '.')+1:]+"="+text(v))
		}
	}
	return strings.Join(parts, " ")
}

func lookup(v any, path string) (any, bool) {
	for _, k := range strings.Split(path, ".") {
		m, ok := v.(map[string]any)
		if !ok {
			return nil, false
		}
		if v, ok = m[k]; !ok {
			return nil, false
		}
	}
	return v, true
}

func isExpression(v any) bool {
	s, ok := v.(string)
	return ok && strings.HasPrefix(s, "[") && !strings.HasPrefix(s, "[[")
}

// same compares JSON values, strings case-insensitively (ARM echoes enum
// values in its own casing) and lists as unordered sets.
func same(a, b any) bool {
	switch x := a.(type) {
	case string:
		y, ok := b.(string)
		return ok && strings.EqualFold(x, y)
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		xs, ys := make([]string, len(x)), make([]string, len(y))
		for i := range x {
			xs[i], ys[i] = strings.ToLower(text(x[i])), strings.ToLower(text(y[i]))
		}
		sort.Strings(xs)
		sort.Strings(ys)
		return strings.Join(xs, "\x00") == strings.Join(ys, "\x00")
	}
	return text(a) == text(b)
}

func text(v any) string {
	if v == nil {
		return "(not set)"
	}
	if s, ok := v.(string); ok {
		return s
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// templateResource is the part of a template resource drift reads.
type templateResource struct {
	Type          string         `json:"type"`
	APIVersion    string         `json:"apiVersion"`
	Name          string         `json:"name"`
	ResourceGroup string         `json:"resourceGroup"`
	Scope         string         `json:"scope"`
	Properties    map[string]any `json:"properties"`
	raw           map[string]any
}

// resourceIDCall matches the scope expressions enclave's templates use:
// [resourceId('Type', 'name', ...)].
var resourceIDCall = regexp.MustCompile(`^\[resourceId\(((?:'[^']*'(?:, )?)+)\)\]$`)

// expectedResources lists the template's resources with literal names and
// the resource groups it deploys into.
func expectedResources(subscription string, body json.RawMessage) ([]expected, []string, error) {
	var top struct {
		Resources []json.RawMessage `json:"resources"`
	}
	if err := json.Unmarshal(body, &top); err != nil {
		return nil, nil, fmt.Errorf("reading the template: %w", err)
	}
	var out []expected
	groupSet := map[string]bool{}
	var walk func(rs []json.RawMessage, group string) error
	walk = func(rs []json.RawMessage, group string) error {
		for _, raw := range rs {
			var r templateResource
			if err := json.Unmarshal(raw, &r); err != nil {
				return fmt.Errorf("reading the template: %w", err)
			}
			if err := json.Unmarshal(raw, &r.raw); err != nil {
				return err
			}
			if strings.EqualFold(r.Type, "Microsoft.Resources/resourceGroups") {
				groupSet[r.Name] = true
				continue
			}
			if strings.EqualFold(r.Type, "Microsoft.Resources/deployments") {
				var inner struct {
					Properties struct {
						Template struct {
							Resources []json.RawMessage `json:"resources"`
						} `json:"template"`
					} `json:"properties"`
				}
				if err := json.Unmarshal(raw, &inner); err != nil {
					return fmt.Errorf("reading nested deployment %s: %w", r.Name, err)
				}
				if err := walk(inner.Properties.Template.Resources, r.ResourceGroup); err != nil {
					return err
				}
				continue
			}
			if isExpression(r.Name) {
				continue
			}
			id, ok := resourceID(subscription, group, r)
			if !ok {
				continue
			}
			out = append(out, expected{id: ParseResourceID(id), apiVersion: r.APIVersion, body: r.raw})
		}
		return nil
	}
	if err := walk(top.Resources, ""); err != nil {
		return nil, nil, err
	}
	groups := make([]string, 0, len(groupSet))
	for g := range groupSet {
		groups = append(groups, g)
	}
	sort.Strings(groups)
	return out, groups, nil
}

// resourceID spells the ARM ID of a template resource; extension
// resources need a scope enclave's templates write as resourceId(...).
func resourceID(subscription, group string, r templateResource) (string, bool) {
	scope := "/subscriptions/" + subscription
	if group != "" {
		scope += "/resourceGroups/" + group
	}
	if r.Scope != "" {
		m := resourceIDCall.FindStringSubmatch(r.Scope)
		if m == nil {
			return "", false
		}
		var args []string
		for _, a := range strings.Split(m[1], ", ") {
			args = append(args, strings.Trim(a, "'"))
		}
		if len(args) < 2 {
			return "", false
		}
		typ, names := args[0], args[1:]
		segs := strings.Split(typ, "/")
		if len(segs)-1 != len(names) {
			return "", false
		}
		scope += "/providers/" + segs[0]
		for i, n := range names {
			scope += "/" + segs[i+1] + "/" + n
		}
	}
	segs := strings.Split(r.Type, "/")
	names := strings.Split(r.Name, "/")
	if len(segs)-1 != len(names) {
		return "", false
	}
	id := scope + "/providers/" + segs[0]
	for i, n := range names {
		id += "/" + segs[i+1] + "/" + n
	}
	return id, true
}
