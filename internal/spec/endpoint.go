package spec

import (
	"fmt"
	"maps"
	"net/netip"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// EndpointKind says what an intent's from or to names.
type EndpointKind string

const (
	EndpointPlace      EndpointKind = "place"      // a word from Places()
	EndpointMember     EndpointKind = "member"     // a team member's workstation
	EndpointRole       EndpointKind = "role"       // every member with a role
	EndpointGroup      EndpointKind = "group"      // a team.groups key
	EndpointService    EndpointKind = "service"    // a services key
	EndpointDataSource EndpointKind = "dataSource" // a dataSources name
	EndpointHost       EndpointKind = "host"       // a DNS name
	EndpointAddress    EndpointKind = "address"    // one IP address
	EndpointPrefix     EndpointKind = "prefix"     // a CIDR range
)

// places are the words intents use for parts of the environment and the
// world around it.
var places = []string{"bastion", "endpoints", "integration", "internet", "onprem", "scoring", "training", "workstations"}

// Endpoint is a parsed intent endpoint: what it names and, optionally, a
// port ("workstations:22", "pypi.org:443").
type Endpoint struct {
	Kind EndpointKind
	// Name is the word, member, role, group key, service key, data source
	// name or host name; empty for addresses and prefixes.
	Name string
	// Prefix is the address (as a single-address prefix) or range.
	Prefix netip.Prefix
	// Port is 0 when the endpoint means every port.
	Port uint16
}

// EndpointError says why an endpoint reference is not valid and what
// would be.
type EndpointError struct {
	Msg, Hint string
}

func (e *EndpointError) Error() string { return e.Msg }

// Endpoint parses an intent's from or to against the names d defines.
func (d *Document) Endpoint(ref string) (Endpoint, error) {
	return d.endpoint(ref, d.endpointNames())
}

// endpoint parses ref against names, the result of d.endpointNames.
func (d *Document) endpoint(ref string, names map[string]EndpointKind) (Endpoint, error) {
	if ref == "" {
		return Endpoint{}, &EndpointError{"empty reference", "name a place, member, role, group, service, data source, host or address"}
	}
	if ap, err := netip.ParseAddrPort(ref); err == nil {
		if ap.Port() == 0 {
			return Endpoint{}, portError(ref, "0")
		}
		return Endpoint{Kind: EndpointAddress, Prefix: netip.PrefixFrom(ap.Addr(), ap.Addr().BitLen()), Port: ap.Port()}, nil
	}
	thing, port := ref, uint16(0)
	if !isAddrOrPrefix(ref) {
		var perr error
		if thing, port, perr = splitPort(ref); perr != nil {
			return Endpoint{}, perr
		}
	}
	if a, err := netip.ParseAddr(thing); err == nil {
		return Endpoint{Kind: EndpointAddress, Prefix: netip.PrefixFrom(a, a.BitLen()), Port: port}, nil
	}
	if p, err := netip.ParsePrefix(thing); err == nil {
		return Endpoint{Kind: EndpointPrefix, Prefix: p, Port: port}, nil
	}
	if kind, ok := names[thing]; ok {
		if err := d.placeAvailable(thing, kind); err != nil {
			return Endpoint{}, err
		}
		return Endpoint{Kind: kind, Name: thing, Port: port}, nil
	}
	if strings.Contains(thing, ".") {
		if !hostPattern.MatchString(thing) {
			return Endpoint{}, &EndpointError{fmt.Sprintf("%s is not a valid host name", quote(thing)), "host names are labels of letters, digits and hyphens separated by dots, such as pypi.org"}
		}
		return Endpoint{Kind: EndpointHost, Name: strings.ToLower(thing), Port: port}, nil
	}
	known := make([]string, 0, len(names))
	for n := range names {
		known = append(known, n)
	}
	sort.Strings(known)
	return Endpoint{}, &EndpointError{fmt.Sprintf("unknown reference %s", quote(thing)),
		suggest(thing, known, "known names") + "; or a host name (pypi.org), an IP address or a CIDR range, each optionally with :port"}
}

func isAddrOrPrefix(s string) bool {
	_, aerr := netip.ParseAddr(s)
	_, perr := netip.ParsePrefix(s)
	return aerr == nil || perr == nil
}

// hostPattern matches DNS names, optionally with a leading "*." wildcard.
var hostPattern = regexp.MustCompile(`^(\*\.)?([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$`)

// splitPort splits "thing:port"; the port is 0 when absent.
func splitPort(ref string) (string, uint16, error) {
	i := strings.LastIndexByte(ref, ':')
	if i < 0 {
		return ref, 0, nil
	}
	thing, ps := ref[:i], ref[i+1:]
	n, err := strconv.ParseUint(ps, 10, 16)
	if err != nil || n == 0 || thing == "" {
		return "", 0, portError(ref, ps)
	}
	return thing, uint16(n), nil
}

func portError(ref, port string) error {
	return &EndpointError{fmt.Sprintf("%s has an invalid port %s", quote(ref), quote(port)), "write <name>:<port> with a port from 1 to 65535, such as workstations:22"}
}

// endpointNames maps every name an intent may use to its kind.
func (d *Document) endpointNames() map[string]EndpointKind {
	names := maps.Clone(builtinNames())
	for _, m := range d.Team.Members {
		if m.Name != "" {
			names[m.Name] = EndpointMember
		}
	}
	for _, s := range d.DataSources {
		if s.Name != "" {
			names[s.Name] = EndpointDataSource
		}
	}
	return names
}

// builtinNames are the names every document defines: places, roles,
// group keys and service keys. Members and data sources may not reuse them.
var builtinNames = sync.OnceValue(func() map[string]EndpointKind {
	names := map[string]EndpointKind{}
	for _, p := range places {
		names[p] = EndpointPlace
	}
	for _, r := range []Role{RoleDataScientist, RoleDataEngineer, RoleAdmin} {
		names[string(r)] = EndpointRole
		names[GroupForRole(r)] = EndpointGroup
	}
	for _, k := range infoFor(reflect.TypeFor[Services]()).keys {
		names[k] = EndpointService
	}
	return names
})

// placeAvailable reports an error when a place or service exists in
// general but not in this environment.
func (d *Document) placeAvailable(name string, kind EndpointKind) error {
	var need string
	switch {
	case kind == EndpointService && !d.Services.On(name):
		need = "services." + name
	case name == "training" && !d.Services.MachineLearning.On():
		need = "services.machineLearning"
	case name == "scoring" && !d.Services.Kubernetes.On():
		need = "services.kubernetes"
	case name == "onprem" && d.Network.OnPremises == nil:
		need = "network.onPremises"
	case name == "integration" && !d.Services.DataFactory.On() && len(d.DataSources) == 0:
		need = "services.dataFactory or dataSources"
	default:
		return nil
	}
	return &EndpointError{fmt.Sprintf("%s does not exist in this environment", quote(name)), fmt.Sprintf("it needs %s; enable it or change the intent", need)}
}

// On reports whether the service with the given services key is on.
func (s *Services) On(key string) bool {
	f := infoFor(reflect.TypeFor[Services]()).byKey[key]
	if f == nil {
		return false
	}
	t, ok := reflect.ValueOf(s).Elem().FieldByIndex(f.index).Interface().(interface{ On() bool })
	return ok && t.On()
}
