package armschema

import (
	"errors"
	"fmt"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// Error lists what is wrong with one resource.
type Error struct {
	Resource   string
	Definition Definition
	Problems   []string
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s does not match %s:\n\t%s", e.Resource, e.Definition, strings.Join(e.Problems, "\n\t"))
}

// expressionURL is the schema of an ARM expression ("[...]"). Nearly every
// property is oneOf its real schema or an expression; when a value fails
// both, the expression branch's complaint says nothing useful.
const expressionURL = BaseURL + "common/definitions.json#/definitions/expression"

// describe flattens a validation error into one line per failed keyword,
// leaving out the expression alternative.
func describe(err error) []string {
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return []string{err.Error()}
	}
	var out []string
	var leaves func(e *jsonschema.ValidationError)
	leaves = func(e *jsonschema.ValidationError) {
		if len(e.Causes) > 0 {
			for _, c := range e.Causes {
				leaves(c)
			}
			return
		}
		if strings.HasPrefix(e.SchemaURL, expressionURL) {
			return
		}
		leaf := jsonschema.ValidationError{SchemaURL: e.SchemaURL, InstanceLocation: e.InstanceLocation, ErrorKind: e.ErrorKind}
		out = append(out, leaf.Error())
	}
	leaves(ve)
	if len(out) == 0 {
		out = []string{ve.Error()}
	}
	return out
}
