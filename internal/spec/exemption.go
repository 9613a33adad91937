package spec

import (
	"path"
	"strings"
)

// Selects reports whether the exemption's resource selector picks the
// resource of type typ named name ("vnet-hub/snet-a" for a child). Types
// and names compare case-insensitively, as Azure's do.
func (e PolicyExemption) Selects(typ, name string) bool {
	sel := strings.ToLower(e.Resource)
	if sel == "" || sel == strings.ToLower(typ) {
		return true
	}
	ok, err := path.Match(sel, strings.ToLower(typ+"/"+name))
	return err == nil && ok
}

// MatchesPolicy reports whether the exemption names the definition with
// this name or display name.
func (e PolicyExemption) MatchesPolicy(name, displayName string) bool {
	return strings.EqualFold(e.Policy, name) || (displayName != "" && strings.EqualFold(e.Policy, displayName))
}
