package model

import "encoding/json"

// Opaque is a resource of a type the model has no kind for, kept as Azure
// spells it so analyses that read ARM JSON (policy definitions) can still
// evaluate it. It comes from importing templates enclave did not build; the
// compiler never makes one.
type Opaque struct {
	Meta
	// ARMType is the resource's type; Type returns it.
	ARMType    Type
	APIVersion string
	// Kind, SKU, Zones and Properties are the declaration's members, as
	// evaluated JSON; nil when absent.
	Kind       string
	SKU        json.RawMessage
	Zones      []string
	Properties json.RawMessage
}

func (o *Opaque) Type() Type { return o.ARMType }
