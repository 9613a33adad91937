package deploy

import (
	"fmt"
	"sort"
	"strings"

	"github.com/enclave-dev/enclave/internal/model"
)

// DataLoss is a change what-if reports that would destroy data: a delete
// of a stateful resource. (In incremental mode ARM never deletes what the
// template leaves out, so a delete here comes from the template itself;
// a rename shows up as a delete of the old name plus a create.)
type DataLoss struct {
	Change Change
	// Allowed is set when --allow-data-loss named the resource.
	Allowed bool
}

// DataLossError refuses an apply; it lists every blocked change.
type DataLossError struct {
	Blocked []DataLoss
}

func (e *DataLossError) Error() string {
	names := make([]string, len(e.Blocked))
	for i, b := range e.Blocked {
		names[i] = fmt.Sprintf("%s %s (%s)", b.Change.Kind, b.Change.Resource.Display(), b.Change.Resource.Group)
	}
	return "what-if shows changes that would destroy data: " + strings.Join(names, ", ")
}

// CheckDataLoss returns the data-destroying changes in w, of resources
// whose type is in stateful, marking those whose name or ID is in allow.
// The error is a *DataLossError when any is not allowed.
func CheckDataLoss(w *WhatIf, stateful []model.Type, allow []string) ([]DataLoss, error) {
	isStateful := map[string]bool{}
	for _, t := range stateful {
		isStateful[strings.ToLower(string(t))] = true
	}
	var found []DataLoss
	var blocked []DataLoss
	for _, c := range w.Changes {
		if c.Kind != Delete || !isStateful[strings.ToLower(c.Resource.Type)] {
			continue
		}
		d := DataLoss{Change: c, Allowed: allowed(c.Resource, allow)}
		found = append(found, d)
		if !d.Allowed {
			blocked = append(blocked, d)
		}
	}
	sort.SliceStable(blocked, func(i, j int) bool { return blocked[i].Change.Resource.Less(blocked[j].Change.Resource) })
	if len(blocked) > 0 {
		return found, &DataLossError{Blocked: blocked}
	}
	return found, nil
}

func allowed(r ResourceID, allow []string) bool {
	for _, a := range allow {
		if strings.EqualFold(a, r.Name) || strings.EqualFold(a, r.ID) {
			return true
		}
	}
	return false
}
