package terraform

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	ctyjson "github.com/zclconf/go-cty/cty/json"

	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/render/arm"
)

// Security parity: for each model resource of a listed kind, a setting
// read from the ARM rendering must equal the same setting read from the
// Terraform rendering. Each namespace contributes its pairs; add yours as
// a function in security_<namespace>_test.go and one line here.
func securityPairs() []securityPair {
	var all []securityPair
	for _, part := range [][]securityPair{
		networkSecurity(),
		monitoringSecurity(),
		policySecurity(),
		servicesSecurity(),
	} {
		all = append(all, part...)
	}
	return all
}

// securityPair reads one security-relevant setting of one kind from both
// renderings, normalised to comparable Go values (strings, bools, sorted
// string lists).
type securityPair struct {
	Kind    model.Type
	Setting string
	// ARM reads the setting from the resource's ARM JSON.
	ARM func(r armJSON) any
	// TF reads it from the blocks the resource's converter wrote.
	TF func(bs tfBlocks) any
}

// armJSON is one resource of the ARM template, decoded.
type armJSON map[string]any

// Get follows a dot path ("properties.securityRules"); missing is nil.
func (r armJSON) Get(path string) any {
	var v any = map[string]any(r)
	for _, seg := range strings.Split(path, ".") {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[seg]
	}
	return v
}

// List is Get as a list of objects.
func (r armJSON) List(path string) []armJSON {
	var out []armJSON
	items, _ := r.Get(path).([]any)
	for _, it := range items {
		if m, ok := it.(map[string]any); ok {
			out = append(out, armJSON(m))
		}
	}
	return out
}

// tfBlocks are the resource blocks written for one model resource, with
// the source they were parsed from.
type tfBlocks struct {
	blocks []*hclsyntax.Block
	src    map[string][]byte // file name -> source
	// all holds every resource block of the rendering, by address, for
	// following references (see Follow).
	all map[string]*hclsyntax.Block
}

// Follow returns the block a reference value ("expr:TYPE.LABEL.id", as Attr
// reports it) points to, and its type; a zero tfBody when v is no reference
// to a resource block.
func (bs tfBlocks) Follow(v any) (string, tfBody) {
	s, ok := v.(string)
	if !ok {
		return "", tfBody{}
	}
	ref, ok := strings.CutPrefix(s, "expr:")
	if !ok {
		return "", tfBody{}
	}
	parts := strings.Split(ref, ".")
	if len(parts) < 2 {
		return "", tfBody{}
	}
	b, ok := bs.all[parts[0]+"."+parts[1]]
	if !ok {
		return "", tfBody{}
	}
	return parts[0], tfBody{b.Body, bs.src[b.Body.SrcRange.Filename]}
}

// OfType returns the bodies of the blocks of a Terraform type.
func (bs tfBlocks) OfType(tfType string) []tfBody {
	var out []tfBody
	for _, b := range bs.blocks {
		if b.Labels[0] == tfType {
			out = append(out, tfBody{b.Body, bs.src[b.Body.SrcRange.Filename]})
		}
	}
	return out
}

// One returns the single block of tfType, or a zero tfBody.
func (bs tfBlocks) One(tfType string) tfBody {
	if all := bs.OfType(tfType); len(all) == 1 {
		return all[0]
	}
	return tfBody{}
}

type tfBody struct {
	b   *hclsyntax.Body
	src []byte
}

// Attr is a literal attribute as a Go value (via JSON), a non-literal one
// as "expr:<source>", a missing one as nil.
func (t tfBody) Attr(name string) any {
	if t.b == nil {
		return nil
	}
	a, ok := t.b.Attributes[name]
	if !ok {
		return nil
	}
	if len(a.Expr.Variables()) == 0 {
		if v, diags := a.Expr.Value(nil); !diags.HasErrors() {
			data, err := ctyjson.Marshal(v, v.Type())
			if err == nil {
				var out any
				if json.Unmarshal(data, &out) == nil {
					return out
				}
			}
		}
	}
	r := a.Expr.Range()
	return "expr:" + string(r.SliceBytes(t.src))
}

// Blocks returns the nested blocks called name.
func (t tfBody) Blocks(name string) []tfBody {
	if t.b == nil {
		return nil
	}
	var out []tfBody
	for _, nb := range t.b.Blocks {
		if nb.Type == name {
			out = append(out, tfBody{nb.Body, t.src})
		}
	}
	return out
}

// TestSecurityParity renders the example both ways and compares every
// listed setting of every resource of the listed kinds.
func TestSecurityParity(t *testing.T) {
	out, g := renderExample(t)
	armOut, err := arm.Render(g)
	if err != nil {
		t.Fatalf("arm.Render = %v", err)
	}
	armRes := armResources(t, armOut.Template)
	tfRes := tfResources(t, out)

	compared := 0
	for _, p := range securityPairs() {
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
			want, got := p.ARM(r), p.TF(bs)
			if want == nil {
				t.Errorf("%s %s: ARM rendering has no value; the pair reads nothing", m.Model, p.Setting)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s %s: ARM and Terraform differ (-arm +terraform):\n%s", m.Model, p.Setting, diff)
			}
			compared++
		}
	}
	if compared == 0 {
		t.Fatal("no setting compared")
	}
	t.Logf("%d security settings compared between ARM and Terraform", compared)
}

func armKey(a model.Address) string { return string(a.Type) + "|" + a.Name }

// armResources indexes the template's resources, nested deployments
// included, by type and name; extension resources only where no other
// extension of their type shares their name.
func armResources(t *testing.T, tpl []byte) map[string]armJSON {
	t.Helper()
	var doc struct {
		Resources []armJSON `json:"resources"`
	}
	if err := json.Unmarshal(tpl, &doc); err != nil {
		t.Fatal(err)
	}
	out := map[string]armJSON{}
	ext := map[string][]armJSON{}
	var walk func([]armJSON)
	walk = func(rs []armJSON) {
		for _, r := range rs {
			typ, _ := r["type"].(string)
			name, _ := r["name"].(string)
			if typ == "Microsoft.Resources/deployments" {
				walk(r.List("properties.template.resources"))
				continue
			}
			if _, scoped := r["scope"]; scoped {
				ext[typ+"|"+name] = append(ext[typ+"|"+name], r)
				continue
			}
			out[typ+"|"+name] = r
		}
	}
	walk(doc.Resources)
	// Extension resources are indexed only where their name is unique.
	for k, rs := range ext {
		if len(rs) == 1 {
			out[k] = rs[0]
		}
	}
	return out
}

type tfIndex struct {
	blocks map[string]*hclsyntax.Block
	src    map[string][]byte
}

func tfResources(t testing.TB, o Output) tfIndex {
	t.Helper()
	idx := tfIndex{blocks: map[string]*hclsyntax.Block{}, src: map[string][]byte{}}
	files := parsed(t, o)
	for _, f := range o.Files {
		idx.src[f.Name] = f.Data
		for _, b := range files[f.Name].Blocks {
			if b.Type == "resource" {
				idx.blocks[b.Labels[0]+"."+b.Labels[1]] = b
			}
		}
	}
	return idx
}

// Normalisation helpers shared by the pairs.

func str(v any) string {
	if v == nil {
		return ""
	}
	if l, ok := v.([]any); ok {
		s := make([]string, len(l))
		for i, e := range l {
			s[i] = fmt.Sprint(e)
		}
		sort.Strings(s)
		return strings.Join(s, ",")
	}
	return fmt.Sprint(v)
}

// either is the singular value, else the sorted plural list.
func either(one, many any) string {
	if s := str(one); s != "" {
		return s
	}
	return str(many)
}

func sorted(s []string) []string { sort.Strings(s); return s }

func networkSecurity() []securityPair {
	return []securityPair{
		{
			Kind: model.TypeNetworkSecurityGroup, Setting: "NSG rules",
			ARM: func(r armJSON) any {
				var out []string
				for _, rule := range r.List("properties.securityRules") {
					p := armJSON(rule["properties"].(map[string]any))
					out = append(out, fmt.Sprintf("%s %v %s %s %s src=%s:%s dst=%s:%s", rule["name"], p["priority"], p["direction"], p["access"], p["protocol"],
						either(p["sourceAddressPrefix"], p["sourceAddressPrefixes"]), either(p["sourcePortRange"], p["sourcePortRanges"]),
						either(p["destinationAddressPrefix"], p["destinationAddressPrefixes"]), either(p["destinationPortRange"], p["destinationPortRanges"])))
				}
				return sorted(out)
			},
			TF: func(bs tfBlocks) any {
				var out []string
				for _, b := range bs.OfType("azurerm_network_security_rule") {
					out = append(out, fmt.Sprintf("%s %v %s %s %s src=%s:%s dst=%s:%s", b.Attr("name"), b.Attr("priority"), b.Attr("direction"), b.Attr("access"), b.Attr("protocol"),
						either(b.Attr("source_address_prefix"), b.Attr("source_address_prefixes")), either(b.Attr("source_port_range"), b.Attr("source_port_ranges")),
						either(b.Attr("destination_address_prefix"), b.Attr("destination_address_prefixes")), either(b.Attr("destination_port_range"), b.Attr("destination_port_ranges"))))
				}
				return sorted(out)
			},
		},
		{
			Kind: model.TypeRouteTable, Setting: "routes and BGP propagation",
			ARM: func(r armJSON) any {
				out := []string{fmt.Sprintf("bgp-propagation=%v", r.Get("properties.disableBgpRoutePropagation") != true)}
				for _, rt := range r.List("properties.routes") {
					p := armJSON(rt["properties"].(map[string]any))
					out = append(out, fmt.Sprintf("%s %s %s %s", rt["name"], p["addressPrefix"], p["nextHopType"], str(p["nextHopIpAddress"])))
				}
				return sorted(out)
			},
			TF: func(bs tfBlocks) any {
				out := []string{fmt.Sprintf("bgp-propagation=%v", bs.One("azurerm_route_table").Attr("bgp_route_propagation_enabled"))}
				for _, b := range bs.OfType("azurerm_route") {
					out = append(out, fmt.Sprintf("%s %s %s %s", b.Attr("name"), b.Attr("address_prefix"), b.Attr("next_hop_type"), str(b.Attr("next_hop_in_ip_address"))))
				}
				return sorted(out)
			},
		},
		{
			Kind: model.TypeVirtualNetwork, Setting: "subnet NSGs, route tables and default outbound access",
			ARM: func(r armJSON) any {
				var out []string
				for _, s := range r.List("properties.subnets") {
					p := armJSON(s["properties"].(map[string]any))
					out = append(out, fmt.Sprintf("%s nsg=%v routes=%v outbound=%v", s["name"], p.Get("networkSecurityGroup.id") != nil, p.Get("routeTable.id") != nil, p["defaultOutboundAccess"]))
				}
				return sorted(out)
			},
			TF: func(bs tfBlocks) any {
				nsg, routes := map[string]bool{}, map[string]bool{}
				for _, a := range bs.OfType("azurerm_subnet_network_security_group_association") {
					nsg[str(a.Attr("subnet_id"))] = true
				}
				for _, a := range bs.OfType("azurerm_subnet_route_table_association") {
					routes[str(a.Attr("subnet_id"))] = true
				}
				var out []string
				for _, b := range bs.blocks {
					if b.Labels[0] != "azurerm_subnet" {
						continue
					}
					s := tfBody{b.Body, bs.src[b.Body.SrcRange.Filename]}
					id := "expr:azurerm_subnet." + b.Labels[1] + ".id"
					out = append(out, fmt.Sprintf("%s nsg=%v routes=%v outbound=%v", s.Attr("name"), nsg[id], routes[id], s.Attr("default_outbound_access_enabled")))
				}
				return sorted(out)
			},
		},
		{
			Kind: model.TypeFirewallPolicyRuleCollectionGroup, Setting: "firewall rules",
			ARM: func(r armJSON) any {
				out := []string{fmt.Sprintf("priority=%v", r.Get("properties.priority"))}
				for _, c := range r.List("properties.ruleCollections") {
					head := fmt.Sprintf("%s %v %v", c["name"], c["priority"], c.Get("action.type"))
					for _, rule := range c.List("rules") {
						var protos []string
						for _, p := range rule.List("protocols") {
							protos = append(protos, fmt.Sprintf("%v:%v", p["protocolType"], p["port"]))
						}
						if len(protos) == 0 {
							protos = []string{str(rule["ipProtocols"])}
						}
						out = append(out, fmt.Sprintf("%s | %s proto=%s src=%s dst=%s fqdn=%s tags=%s ports=%s", head, rule["name"], strings.Join(sorted(protos), ","),
							str(rule["sourceAddresses"]), str(rule["destinationAddresses"]), either(rule["targetFqdns"], rule["destinationFqdns"]), str(rule["fqdnTags"]), str(rule["destinationPorts"])))
					}
				}
				return sorted(out)
			},
			TF: func(bs tfBlocks) any {
				g := bs.One("azurerm_firewall_policy_rule_collection_group")
				out := []string{fmt.Sprintf("priority=%v", g.Attr("priority"))}
				for _, kind := range []string{"application_rule_collection", "network_rule_collection"} {
					for _, c := range g.Blocks(kind) {
						head := fmt.Sprintf("%s %v %v", c.Attr("name"), c.Attr("priority"), c.Attr("action"))
						for _, rule := range c.Blocks("rule") {
							var protos []string
							for _, p := range rule.Blocks("protocols") {
								protos = append(protos, fmt.Sprintf("%v:%v", p.Attr("type"), p.Attr("port")))
							}
							if len(protos) == 0 {
								protos = []string{str(rule.Attr("protocols"))}
							}
							out = append(out, fmt.Sprintf("%s | %s proto=%s src=%s dst=%s fqdn=%s tags=%s ports=%s", head, rule.Attr("name"), strings.Join(sorted(protos), ","),
								str(rule.Attr("source_addresses")), str(rule.Attr("destination_addresses")), str(rule.Attr("destination_fqdns")), str(rule.Attr("destination_fqdn_tags")), str(rule.Attr("destination_ports"))))
						}
					}
				}
				return sorted(out)
			},
		},
		{
			Kind: model.TypeFirewallPolicy, Setting: "threat intelligence, DNS proxy, IDPS",
			ARM: func(r armJSON) any {
				return fmt.Sprintf("ti=%v proxy=%v idps=%s", r.Get("properties.threatIntelMode"), r.Get("properties.dnsSettings.enableProxy"), str(r.Get("properties.intrusionDetection.mode")))
			},
			TF: func(bs tfBlocks) any {
				p := bs.One("azurerm_firewall_policy")
				idps := ""
				if ids := p.Blocks("intrusion_detection"); len(ids) == 1 {
					idps = str(ids[0].Attr("mode"))
				}
				var proxy any
				if d := p.Blocks("dns"); len(d) == 1 {
					proxy = d[0].Attr("proxy_enabled")
				}
				return fmt.Sprintf("ti=%v proxy=%v idps=%s", p.Attr("threat_intelligence_mode"), proxy, idps)
			},
		},
		{
			Kind: model.TypeAzureFirewall, Setting: "tier",
			ARM: func(r armJSON) any {
				return fmt.Sprintf("%v %v", r.Get("properties.sku.name"), r.Get("properties.sku.tier"))
			},
			TF: func(bs tfBlocks) any {
				f := bs.One("azurerm_firewall")
				return fmt.Sprintf("%v %v", f.Attr("sku_name"), f.Attr("sku_tier"))
			},
		},
	}
}

func monitoringSecurity() []securityPair {
	return []securityPair{{
		Kind: model.TypeLogAnalyticsWorkspace, Setting: "public ingestion and query, local auth",
		ARM: func(r armJSON) any {
			return fmt.Sprintf("ingest=%v query=%v localauth-off=%v", r.Get("properties.publicNetworkAccessForIngestion") == "Enabled",
				r.Get("properties.publicNetworkAccessForQuery") == "Enabled", r.Get("properties.features.disableLocalAuth"))
		},
		TF: func(bs tfBlocks) any {
			w := bs.One("azurerm_log_analytics_workspace")
			return fmt.Sprintf("ingest=%v query=%v localauth-off=%v", w.Attr("internet_ingestion_enabled"), w.Attr("internet_query_enabled"), w.Attr("local_authentication_enabled") == false)
		},
	}}
}
