// Package model is the typed description of an environment: resources with
// their properties as Go values, the references between them, and the
// deployment parameters they need. Every renderer, checker and deployer reads
// a *Graph; none of them goes back to the spec. The model says what a
// resource is; how it is spelled for ARM or Terraform lives in the renderers.
package model

import (
	"strings"
)

// Type is an ARM resource type, "Microsoft.Network/virtualNetworks" or, for a
// child, "Microsoft.Network/virtualNetworks/subnets".
type Type string

// Namespace returns the resource provider, "Microsoft.Network".
func (t Type) Namespace() string {
	s, _, _ := strings.Cut(string(t), "/")
	return s
}

// Segments returns the type names after the namespace.
func (t Type) Segments() []string {
	parts := strings.Split(string(t), "/")
	return parts[1:]
}

// Parent returns the type one level up, or "" for a top-level type.
func (t Type) Parent() Type {
	i := strings.LastIndexByte(string(t), '/')
	if i < 0 || strings.Count(string(t), "/") < 2 {
		return ""
	}
	return t[:i]
}

// Address identifies one resource in a graph. Name holds one segment per
// type segment ("hub/default" for a subnet). Group is the resource group's
// name, empty for subscription-level resources. Scope is set only for
// extension resources (diagnostic settings, role assignments, locks) and is
// the String of the address of the resource they extend.
type Address struct {
	Group string
	Type  Type
	Name  string
	Scope string
}

// String is a stable, human-readable form used for sorting and messages.
func (a Address) String() string {
	var b strings.Builder
	if a.Scope != "" {
		b.WriteString(a.Scope)
		b.WriteString("/ext:")
	} else if a.Group != "" {
		b.WriteString(a.Group)
		b.WriteString(":")
	}
	b.WriteString(string(a.Type))
	b.WriteString("/")
	b.WriteString(a.Name)
	return b.String()
}

// Less orders addresses by group, type, name and scope.
func (a Address) Less(b Address) bool {
	if a.Group != b.Group {
		return a.Group < b.Group
	}
	if a.Type != b.Type {
		return a.Type < b.Type
	}
	if a.Name != b.Name {
		return a.Name < b.Name
	}
	return a.Scope < b.Scope
}

// IsZero reports whether a is the empty address.
func (a Address) IsZero() bool { return a == Address{} }

// Names returns the name segments ("hub", "default").
func (a Address) Names() []string { return strings.Split(a.Name, "/") }

// Leaf returns the last name segment.
func (a Address) Leaf() string {
	i := strings.LastIndexByte(a.Name, '/')
	return a.Name[i+1:]
}

// Parent returns the address of the resource a child belongs to, or the zero
// Address for a top-level resource.
func (a Address) Parent() Address {
	pt := a.Type.Parent()
	if pt == "" {
		return Address{}
	}
	i := strings.LastIndexByte(a.Name, '/')
	if i < 0 {
		return Address{}
	}
	return Address{Group: a.Group, Type: pt, Name: a.Name[:i], Scope: a.Scope}
}

// Child returns the address of a child of a.
func (a Address) Child(typeSegment, name string) Address {
	return Address{Group: a.Group, Type: a.Type + Type("/"+typeSegment), Name: a.Name + "/" + name, Scope: a.Scope}
}

// Ref is a reference from one resource to another. Renderers turn it into a
// resource ID expression and a dependency; a zero Ref means "none".
type Ref struct{ Address }

// RefTo returns a reference to a.
func RefTo(a Address) Ref { return Ref{a} }

// IsZero reports whether r refers to nothing.
func (r Ref) IsZero() bool { return r.Address.IsZero() }

// Ref returns a reference to a.
func (a Address) Ref() Ref { return Ref{a} }
