package spec

import (
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/enclave-dev/enclave/internal/diag"
)

// structInfo is what the decoder and the validator know about one struct
// type: its YAML keys and the facts its jsonschema tags state. The same tags
// generate the JSON Schema, so the parser and the schema cannot disagree.
type structInfo struct {
	fields []*fieldInfo
	byKey  map[string]*fieldInfo
	keys   []string // sorted, for hints
	// posIndex is the index path of a diag.Pos field named Pos that the
	// decoder fills with the struct's position, or nil.
	posIndex []int
}

// fieldInfo is one YAML key of a struct.
type fieldInfo struct {
	key      string
	index    []int // for reflect.Value.FieldByIndex; inline fields nest
	required bool  // no omitempty in the json tag, as the schema says
	enum     []string
	pattern  *regexp.Regexp
	min, max *int64
	desc     string
}

var structInfos sync.Map // reflect.Type -> *structInfo

// infoFor returns the (cached) description of struct type t.
func infoFor(t reflect.Type) *structInfo {
	if si, ok := structInfos.Load(t); ok {
		return si.(*structInfo)
	}
	si := &structInfo{byKey: map[string]*fieldInfo{}}
	si.collect(t, nil)
	for _, f := range si.fields {
		si.keys = append(si.keys, f.key)
	}
	sort.Strings(si.keys)
	actual, _ := structInfos.LoadOrStore(t, si)
	return actual.(*structInfo)
}

var posType = reflect.TypeFor[diag.Pos]()

// collect adds the fields of t (flattening inline structs) under prefix.
func (si *structInfo) collect(t reflect.Type, prefix []int) {
	for i := range t.NumField() {
		sf := t.Field(i)
		index := append(append([]int(nil), prefix...), i)
		name, opts, _ := strings.Cut(sf.Tag.Get("yaml"), ",")
		switch {
		case !sf.IsExported():
			continue
		case name == "-":
			if sf.Name == "Pos" && sf.Type == posType {
				si.posIndex = index
			}
			continue
		case hasOpt(opts, "inline"):
			si.collect(sf.Type, index)
			continue
		}
		_, jsonOpts, _ := strings.Cut(sf.Tag.Get("json"), ",")
		f := &fieldInfo{key: name, index: index, required: !hasOpt(jsonOpts, "omitempty")}
		f.readSchemaTag(sf.Tag.Get("jsonschema"))
		si.fields = append(si.fields, f)
		si.byKey[name] = f
	}
}

func hasOpt(opts, want string) bool {
	for o := range strings.SplitSeq(opts, ",") {
		if o == want {
			return true
		}
	}
	return false
}

// readSchemaTag reads the keywords the decoder and validator enforce.
func (f *fieldInfo) readSchemaTag(tag string) {
	for _, kv := range splitTag(tag) {
		k, v, ok := strings.Cut(kv, "=")
		if !ok {
			continue
		}
		switch k {
		case "enum":
			f.enum = append(f.enum, v)
		case "pattern":
			f.pattern = regexp.MustCompile(v)
		case "description":
			f.desc = v
		case "minimum", "maximum":
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				panic("spec: bad " + k + " in jsonschema tag: " + tag)
			}
			if k == "minimum" {
				f.min = &n
			} else {
				f.max = &n
			}
		}
	}
}

// splitTag splits a jsonschema tag on commas not escaped with a backslash,
// the way invopop/jsonschema reads it.
func splitTag(tag string) []string {
	if tag == "" {
		return nil
	}
	var out []string
	var cur strings.Builder
	for part := range strings.SplitSeq(tag, ",") {
		if s := cur.String(); strings.HasSuffix(s, `\`) {
			cur.Reset()
			cur.WriteString(s[:len(s)-1] + "," + part)
			continue
		}
		if cur.Len() > 0 {
			out = append(out, cur.String())
		}
		cur.Reset()
		cur.WriteString(part)
	}
	return append(out, cur.String())
}

// fieldOf returns the field info for key of the struct type of v (a value
// or pointer), for validators that need a tag's facts.
func fieldOf(v any, key string) *fieldInfo {
	t := reflect.TypeOf(v)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	f := infoFor(t).byKey[key]
	if f == nil {
		panic("spec: no field " + key + " in " + t.String())
	}
	return f
}
