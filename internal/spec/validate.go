package spec

import (
	"errors"
	"fmt"
	"net/netip"
	"path"
	"reflect"
	"regexp"
	"slices"
	"strings"

	"github.com/enclave-dev/enclave/internal/diag"
)

// validator checks a decoded document: required keys, the shape of names
// and addresses, and references between parts of the file. It knows
// nothing about Azure resources; compile reports what only shows up when
// building them.
type validator struct {
	doc    *Document
	ds     diag.Diagnostics
	failed map[string]bool // paths the decoder already reported
}

// validate returns every problem in d. failed holds the paths whose values
// the decoder could not read; they are not reported again.
func validate(d *Document, failed map[string]bool) diag.Diagnostics {
	v := &validator{doc: d, failed: failed}
	v.required(reflect.ValueOf(d).Elem(), "")
	v.envName()
	v.location()
	v.network()
	v.team()
	v.dataSources()
	v.governance()
	v.monitoring()
	v.intents()
	return v.ds
}

// errorf reports a problem with the value at path, unless decoding it
// already failed or it was not written at all.
func (v *validator) errorf(path, hint, format string, args ...any) {
	if v.failed[path] {
		return
	}
	v.ds.Errorf(v.doc.Pos(path), hint, format, args...)
}

// has reports whether path was written in the file.
func (v *validator) has(path string) bool {
	_, ok := v.doc.Positions[path]
	return ok
}

// required reports missing required keys in the struct val at path and
// everything written below it.
func (v *validator) required(val reflect.Value, path string) {
	if v.failed[path] {
		return
	}
	switch val.Kind() {
	case reflect.Pointer:
		if !val.IsNil() {
			v.required(val.Elem(), path)
		}
	case reflect.Slice:
		for i := range val.Len() {
			v.required(val.Index(i), fmt.Sprintf("%s[%d]", path, i))
		}
	case reflect.Struct:
		if val.Type() == prefixType || val.Type() == addrType {
			return
		}
		si := infoFor(val.Type())
		for _, f := range si.fields {
			p := join(path, f.key)
			if !v.has(p) {
				if f.required && !v.failed[p] {
					v.ds.Errorf(v.doc.Pos(path), requiredHint(f), "%s: missing required key %s", orRoot(path), f.key)
				}
				continue
			}
			v.required(val.FieldByIndex(f.index), p)
		}
	}
}

func requiredHint(f *fieldInfo) string {
	if f.desc != "" {
		return fmt.Sprintf("add %s: %s", f.key, f.desc)
	}
	return fmt.Sprintf("add %s", f.key)
}

// pattern reports value at path when it does not match the pattern the
// schema gives field key of struct s.
func (v *validator) pattern(s any, key, path, value, what, hint string) bool {
	if fieldOf(s, key).pattern.MatchString(value) {
		return true
	}
	v.errorf(path, hint, "%s: %s is not a valid %s", path, quote(value), what)
	return false
}

func (v *validator) envName() {
	if !v.has("name") {
		return
	}
	v.pattern(Document{}, "name", "name", v.doc.Name, "environment name",
		"use 2 to 10 lowercase letters and digits, starting with a letter: the name prefixes every resource name (rg-<name>-network, vnet-<name>-hub), and storage and registry names allow nothing else")
}

var regionPattern = regexp.MustCompile(`^[a-z][a-z0-9]*$`)

func (v *validator) location() {
	loc := v.doc.Location
	if !v.has("location") || regionPattern.MatchString(loc) {
		return
	}
	hint := "use the region's programmatic name: lowercase, no spaces, such as australiaeast"
	if fixed := strings.ToLower(strings.Join(strings.Fields(loc), "")); regionPattern.MatchString(fixed) {
		hint = fmt.Sprintf("use the region's programmatic name: %s", fixed)
	}
	v.errorf("location", hint, "location: %s is not an Azure region name", quote(loc))
}

// network checks the address space and the on-premises side.
func (v *validator) network() {
	space := v.doc.Network.AddressSpace
	const path = "network.addressSpace"
	if space.IsValid() && v.ipv4Network(path, space) {
		switch {
		case space.Bits() < 8:
			v.errorf(path, "use a range from /8 to /24, such as 10.60.0.0/20", "%s: %s is larger than /8", path, space)
		case space.Bits() > 24:
			v.errorf(path, "use a /24 or larger; a /20 holds every service", "%s: %s is smaller than /24: the hub network alone needs a /24", path, space)
		}
	}
	v.egress()
	op := v.doc.Network.OnPremises
	if op == nil {
		return
	}
	v.onPremRanges(op, space)
	for i, a := range op.DNSServers {
		v.ipv4Addr(fmt.Sprintf("network.onPremises.dnsServers[%d]", i), a)
	}
	v.connection(&op.Connection)
}

// ipv4Network reports a prefix that is not an IPv4 network address and
// returns whether it is one.
func (v *validator) ipv4Network(path string, p netip.Prefix) bool {
	if !p.Addr().Is4() {
		v.errorf(path, "use an IPv4 range such as 10.60.0.0/20", "%s: %s is not an IPv4 range", path, p)
		return false
	}
	if m := p.Masked(); m != p {
		v.errorf(path, fmt.Sprintf("use %s: a range starts at its network address, with every host bit zero", m), "%s: %s is not a network address", path, p)
		return false
	}
	return true
}

func (v *validator) ipv4Addr(path string, a netip.Addr) {
	if a.IsValid() && !a.Is4() {
		v.errorf(path, "use an IPv4 address such as 10.0.0.10", "%s: %s is not an IPv4 address", path, a)
	}
}

// onPremRanges checks that on-premises ranges are networks that overlap
// neither the address space nor each other.
func (v *validator) onPremRanges(op *OnPremises, space netip.Prefix) {
	var good []int
	for i, p := range op.AddressSpaces {
		path := fmt.Sprintf("network.onPremises.addressSpaces[%d]", i)
		if !p.IsValid() || !v.ipv4Network(path, p) {
			continue
		}
		if space.IsValid() && space.Overlaps(p) {
			v.errorf(path, "Azure and on-premises ranges must not overlap, or traffic cannot be routed between them; change network.addressSpace or this range",
				"%s: %s overlaps the address space %s", path, p, space)
		}
		for _, j := range good {
			if q := op.AddressSpaces[j]; q.Overlaps(p) {
				v.errorf(path, "list each on-premises range once; remove the smaller range or split them",
					"%s: %s overlaps network.onPremises.addressSpaces[%d] (%s)", path, p, j, q)
			}
		}
		good = append(good, i)
	}
}

// connection checks that a connection has what its type needs.
func (v *validator) connection(c *Connection) {
	const path = "network.onPremises.connection"
	switch c.Type {
	case ConnectionVPN:
		if !v.has(path + ".peerAddress") {
			v.errorf(path, "add peerAddress: the public IPv4 address of the on-premises VPN device", "%s: a vpn connection needs peerAddress", path)
		}
		v.ipv4Addr(path+".peerAddress", c.PeerAddress)
		v.notFor(path+".circuitId", "vpn", "circuitId applies to expressroute connections")
	case ConnectionExpressRoute:
		if c.CircuitID == "" {
			v.errorf(path, "add circuitId: the resource ID of the ExpressRoute circuit, /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Network/expressRouteCircuits/<name>", "%s: an expressroute connection needs circuitId", path)
		} else if !circuitPattern.MatchString(c.CircuitID) {
			v.errorf(path+".circuitId", "write the circuit's resource ID: /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Network/expressRouteCircuits/<name>", "%s.circuitId: %s is not an ExpressRoute circuit resource ID", path, quote(c.CircuitID))
		}
		v.notFor(path+".peerAddress", "expressroute", "peerAddress applies to vpn connections")
		v.notFor(path+".sharedKey", "expressroute", "sharedKey applies to vpn connections")
	}
	v.secret(path+".sharedKey", c.SharedKey)
}

var circuitPattern = regexp.MustCompile(`(?i)^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\.Network/expressRouteCircuits/[^/]+$`)

// notFor reports a key that does not apply to the connection type.
func (v *validator) notFor(path, typ, hint string) {
	if v.has(path) {
		v.errorf(path, hint+"; remove it", "%s: not used by %s connections", path, typ)
	}
}

// secret checks that a secret reference names exactly one source.
func (v *validator) secret(path string, s *SecretRef) {
	if s == nil || v.failed[path] {
		return
	}
	hint := fmt.Sprintf("write %s: {keyVaultSecret: <secret name>} or %[1]s: {parameter: <parameter name>}", lastKey(path))
	switch {
	case s.KeyVaultSecret == "" && s.Parameter == "":
		v.errorf(path, hint, "%s: names no secret", path)
	case s.KeyVaultSecret != "" && s.Parameter != "":
		v.errorf(path, hint, "%s: give keyVaultSecret or parameter, not both", path)
	case s.KeyVaultSecret != "":
		v.secretName(path+".keyVaultSecret", "keyVaultSecret", s.KeyVaultSecret, "secret names are 1 to 127 letters, digits and hyphens")
	default:
		v.secretName(path+".parameter", "parameter", s.Parameter, "parameter names are a letter followed by up to 63 letters and digits")
	}
}

// secretName checks the name in a secret reference. The name is not
// echoed: a user who got it wrong may have written the secret there.
func (v *validator) secretName(path, key, name, hint string) {
	if !fieldOf(SecretRef{}, key).pattern.MatchString(name) {
		v.errorf(path, hint, "%s: not a valid %s name", path, key)
	}
}

var uuidPattern = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// groupKeys are the keys of team.groups, sorted.
func groupKeys() []string { return infoFor(reflect.TypeFor[Groups]()).keys }

// team checks group IDs, member names and workstation defaults.
func (v *validator) team() {
	g := reflect.ValueOf(v.doc.Team.Groups)
	for _, f := range infoFor(g.Type()).fields {
		path := "team.groups." + f.key
		if id := g.FieldByIndex(f.index).String(); v.has(path) && !uuidPattern.MatchString(id) {
			v.errorf(path, "group object IDs are UUIDs such as 6f1c2a7e-1d2b-4c3a-9e8f-0a1b2c3d4e51; az ad group show --group <name> --query id prints one",
				"%s: %s is not an Entra ID group object ID", path, quote(id))
		}
	}
	seen := map[string]int{}
	for i, m := range v.doc.Team.Members {
		path := fmt.Sprintf("team.members[%d].name", i)
		if !v.has(path) || !v.pattern(Member{}, "name", path, m.Name, "member name", "use 1 to 12 lowercase letters and digits, starting with a letter: the name is part of the member's workstation name") {
			continue
		}
		if j, dup := seen[m.Name]; dup {
			v.errorf(path, "give every member a different name", "%s: duplicate member name %s (also team.members[%d])", path, quote(m.Name), j)
			continue
		}
		seen[m.Name] = i
		v.notReserved(path, m.Name)
	}
	if w := v.doc.Team.Workstations; v.has("team.workstations.autoShutdown") {
		v.pattern(WorkstationDefaults{}, "autoShutdown", "team.workstations.autoShutdown", w.AutoShutdown, "time of day", "write the local time as \"HH:MM\" in 24-hour form, quoted, such as \"19:00\"")
	}
}

// notReserved reports a member or data source name that intents could
// not tell apart from a built-in name.
func (v *validator) notReserved(path, name string) {
	if kind, ok := builtinNames()[name]; ok {
		v.errorf(path, "intents use this word for something else; choose another name", "%s: %s is reserved (it names a %s)", path, quote(name), kind)
	}
}

// dataSources checks names, hosts and readers.
func (v *validator) dataSources() {
	names := map[string]int{}
	members := map[string]bool{}
	for _, m := range v.doc.Team.Members {
		members[m.Name] = true
	}
	for i, s := range v.doc.DataSources {
		base := fmt.Sprintf("dataSources[%d]", i)
		if path := base + ".name"; v.has(path) && v.pattern(DataSource{}, "name", path, s.Name, "data source name", "use lowercase letters, digits and hyphens, starting with a letter, up to 31 characters") {
			if j, dup := names[s.Name]; dup {
				v.errorf(path, "give every data source a different name", "%s: duplicate data source name %s (also dataSources[%d])", path, quote(s.Name), j)
			} else {
				names[s.Name] = i
				v.notReserved(path, s.Name)
				if members[s.Name] {
					v.errorf(path, "intents could not tell them apart; rename one", "%s: %s is also a member's name", path, quote(s.Name))
				}
			}
		}
		v.dataSourceHost(base+".host", s.Host)
		for j, r := range s.Readers {
			if path := fmt.Sprintf("%s.readers[%d]", base, j); !slices.Contains(groupKeys(), r) {
				v.errorf(path, suggest(r, groupKeys(), "readers are keys of team.groups"), "%s: unknown group %s", path, quote(r))
			}
		}
		v.secret(base+".password", s.Password)
	}
}

// dataSourceHost checks that a data source is an IPv4 address inside an
// on-premises range, the only place it can be reached.
func (v *validator) dataSourceHost(path string, host netip.Addr) {
	if !host.IsValid() {
		return
	}
	if !host.Is4() {
		v.ipv4Addr(path, host)
		return
	}
	op := v.doc.Network.OnPremises
	if op == nil {
		v.errorf(path, "add network.onPremises: data sources are reached over the on-premises connection", "%s: %s cannot be reached without network.onPremises", path, host)
		return
	}
	for _, p := range op.AddressSpaces {
		if p.Contains(host) {
			return
		}
	}
	v.errorf(path, "add its range to network.onPremises.addressSpaces", "%s: %s is not in any on-premises address space", path, host)
}

var emailPattern = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s]+$`)

// emails checks a list of e-mail addresses.
func (v *validator) emails(path string, list []string) {
	for i, e := range list {
		v.email(fmt.Sprintf("%s[%d]", path, i), e)
	}
}

func (v *validator) email(path, e string) {
	if !emailPattern.MatchString(e) {
		v.errorf(path, "write an address such as cloud-team@example.com", "%s: %s is not an e-mail address", path, quote(e))
	}
}

// governance checks allowed locations, VM sizes and the budget.
func (v *validator) governance() {
	g := v.doc.Governance
	if len(g.AllowedLocations) > 0 && v.doc.Location != "" && !slices.Contains(g.AllowedLocations, v.doc.Location) {
		v.errorf("governance.allowedLocations", fmt.Sprintf("add %s, or the policy would deny every resource", v.doc.Location),
			"governance.allowedLocations: does not include the location %s", v.doc.Location)
	}
	if len(g.AllowedVMSizes) > 0 {
		v.vmSizes(g.AllowedVMSizes)
	}
	if v.has("governance.securityContact") {
		v.email("governance.securityContact", g.SecurityContact)
	}
	if b := g.Budget; b != nil {
		v.emails("governance.budget.contacts", b.Contacts)
	}
	v.exemptions(g.Exemptions)
}

// exemptions checks each policy exemption: a selector that parses, a
// reason worth the name and no policy exempted twice on one selector.
func (v *validator) exemptions(es []PolicyExemption) {
	seen := map[string]int{}
	for i, e := range es {
		at := fmt.Sprintf("governance.exemptions[%d]", i)
		if strings.TrimSpace(e.Policy) == "" && v.has(at+".policy") {
			v.errorf(at+".policy", "name the policy definition (its name or display name)", "%s.policy: is empty", at)
		}
		if e.Resource != "" {
			if _, err := path.Match(strings.ToLower(e.Resource), ""); err != nil {
				v.errorf(at+".resource", "write a resource type, or a glob such as Microsoft.Storage/storageAccounts/st*", "%s.resource: %q is not a valid glob", at, e.Resource)
			} else if !strings.Contains(e.Resource, "/") {
				v.errorf(at+".resource", "start with the resource type, such as Microsoft.Web/sites", "%s.resource: %q names no resource type", at, e.Resource)
			}
		}
		if v.has(at+".reason") && len(strings.Fields(e.Reason)) < 4 {
			v.errorf(at+".reason", "say why the finding is acceptable or how its intent is met; reviewers and Azure show this text", "%s.reason: too short to justify an exemption", at)
		}
		key := strings.ToLower(e.Policy) + "|" + strings.ToLower(e.Resource)
		if j, dup := seen[key]; dup {
			v.errorf(at, fmt.Sprintf("merge it with governance.exemptions[%d]", j), "%s: exempts the same policy and resources as governance.exemptions[%d]", at, j)
		}
		seen[key] = i
	}
}

// vmSizes reports VM sizes the spec asks for that the allowed-sizes
// policy would deny.
func (v *validator) vmSizes(allowed []string) {
	hint := "add it to governance.allowedVmSizes, or the policy would deny it"
	check := func(path, size string) {
		if size != "" && !slices.ContainsFunc(allowed, func(a string) bool { return strings.EqualFold(a, size) }) {
			v.errorf(path, hint, "%s: %s is not in governance.allowedVmSizes", path, size)
		}
	}
	d := v.doc
	check("team.workstations.size", d.Team.Workstations.Size)
	for i, m := range d.Team.Members {
		if m.Workstation != nil {
			check(fmt.Sprintf("team.members[%d].workstation.size", i), m.Workstation.Size)
		}
	}
	if ml := d.Services.MachineLearning; ml != nil {
		if ml.CPUCluster != nil {
			check("services.machineLearning.cpuCluster.size", ml.CPUCluster.Size)
		}
		if ml.GPUCluster != nil {
			check("services.machineLearning.gpuCluster.size", ml.GPUCluster.Size)
		}
	}
	if k := d.Services.Kubernetes; k != nil {
		check("services.kubernetes.nodeSize", k.NodeSize)
	}
	if f := d.Services.DataFactory; f != nil {
		check("services.dataFactory.integrationRuntimeSize", f.IntegrationRuntimeSize)
	}
}

func (v *validator) monitoring() {
	v.emails("monitoring.alertEmails", v.doc.Monitoring.AlertEmails)
}

// egress checks extra host names; preset names are compile's to check.
func (v *validator) egress() {
	for i, f := range v.doc.Network.Egress.FQDNs {
		if !hostPattern.MatchString(f) {
			v.errorf(fmt.Sprintf("network.egress.fqdns[%d]", i), "write a host name such as files.example.com, or *.example.com for every host under it", "network.egress.fqdns[%d]: %s is not a host name", i, quote(f))
		}
	}
}

// intents checks that every intent names things that exist.
func (v *validator) intents() {
	names := map[string]int{}
	refs := v.doc.endpointNames()
	for i, in := range v.doc.Intents {
		base := fmt.Sprintf("intents[%d]", i)
		if in.Name != "" {
			if j, dup := names[in.Name]; dup {
				v.errorf(base+".name", "give every intent a different name", "%s.name: duplicate intent name %s (also intents[%d])", base, quote(in.Name), j)
			}
			names[in.Name] = i
		}
		for _, end := range []struct{ key, ref string }{{"from", in.From}, {"to", in.To}} {
			path := base + "." + end.key
			if !v.has(path) {
				continue
			}
			if _, err := v.doc.endpoint(end.ref, refs); err != nil {
				hint := ""
				var ee *EndpointError
				if errors.As(err, &ee) {
					hint = ee.Hint
				}
				v.errorf(path, hint, "%s: %s", path, err)
			}
		}
	}
}
