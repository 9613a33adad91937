package deploy

import (
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// expected is one resource of the template.
type expected struct {
	id         ResourceID
	apiVersion string
	body       map[string]any
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
