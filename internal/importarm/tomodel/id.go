package tomodel

import (
	"fmt"
	"strings"

	"github.com/enclave-dev/enclave/internal/model"
)

// ParseID turns an ARM resource ID into a model address:
//
//	/subscriptions/{s}/resourceGroups/{g}/providers/{ns}/{t1}/{n1}[/{t2}/{n2}...]
//	/subscriptions/{s}/providers/{ns}/{t}/{n}                (subscription level)
//	/subscriptions/{s}/resourceGroups/{g}                    (the group itself)
//	{scope ID}/providers/{ns}/{t}/{n}                        (extension resource)
//
// The subscription is dropped: a model covers one subscription.
// https://learn.microsoft.com/en-us/azure/azure-resource-manager/templates/template-functions-resource#resourceid
func ParseID(id string) (model.Address, error) {
	if !strings.HasPrefix(id, "/") {
		return model.Address{}, fmt.Errorf("%q is not a resource ID (it does not start with /)", id)
	}
	i := lastIndexFold(id, "/providers/")
	if i < 0 {
		return containerID(id)
	}
	scopePart, rest := id[:i], id[i+len("/providers/"):]
	segs := strings.Split(rest, "/")
	if len(segs) < 3 || len(segs)%2 == 0 {
		return model.Address{}, fmt.Errorf("%q: want a namespace, then type and name pairs after /providers/", id)
	}
	typ := segs[0]
	var names []string
	for j := 1; j < len(segs); j += 2 {
		if segs[j] == "" || segs[j+1] == "" {
			return model.Address{}, fmt.Errorf("%q has an empty type or name", id)
		}
		typ += "/" + segs[j]
		names = append(names, segs[j+1])
	}
	a := model.Address{Type: model.Type(typ), Name: strings.Join(names, "/")}
	if scopePart == "" {
		return a, nil // a tenant-level resource such as a management group
	}
	scope, err := ParseID(scopePart)
	if err != nil {
		return model.Address{}, err
	}
	switch {
	case scope.Type == model.TypeResourceGroup:
		a.Group = scope.Name
	case scope.Type == subscriptionType:
	default:
		a.Scope = scope.String()
	}
	return a, nil
}

// subscriptionType marks a bare subscription scope; no model resource has it.
const subscriptionType model.Type = "Microsoft.Resources/subscriptions"

// containerID parses /subscriptions/{s} and /subscriptions/{s}/resourceGroups/{g}.
func containerID(id string) (model.Address, error) {
	segs := strings.Split(strings.TrimPrefix(id, "/"), "/")
	switch {
	case len(segs) == 2 && strings.EqualFold(segs[0], "subscriptions") && segs[1] != "":
		return model.Address{Type: subscriptionType, Name: segs[1]}, nil
	case len(segs) == 4 && strings.EqualFold(segs[0], "subscriptions") && strings.EqualFold(segs[2], "resourceGroups") && segs[3] != "":
		return model.Address{Type: model.TypeResourceGroup, Name: segs[3]}, nil
	}
	return model.Address{}, fmt.Errorf("%q is not a resource ID", id)
}

func lastIndexFold(s, sub string) int {
	return strings.LastIndex(strings.ToLower(s), strings.ToLower(sub))
}
