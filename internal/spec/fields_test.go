package spec

import (
	"reflect"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestEnumTagsMatchConstants keeps the enum tags (which the decoder and
// the schema enforce) in step with the typed constants the code uses.
func TestEnumTagsMatchConstants(t *testing.T) {
	constants := map[reflect.Type][]string{
		reflect.TypeFor[Role]():            {string(RoleDataScientist), string(RoleDataEngineer), string(RoleAdmin)},
		reflect.TypeFor[ConnectionType]():  {string(ConnectionVPN), string(ConnectionExpressRoute)},
		reflect.TypeFor[WorkstationKind](): {string(WorkstationVM), string(WorkstationComputeInstance), string(WorkstationNone)},
		reflect.TypeFor[DataSourceType]():  {string(DataSourceOracle), string(DataSourceSQLServer), string(DataSourcePostgres)},
		reflect.TypeFor[Expect]():          {string(ExpectAllow), string(ExpectDeny)},
	}
	seen := map[reflect.Type]bool{}
	var walk func(t reflect.Type)
	walk = func(st reflect.Type) {
		for st.Kind() == reflect.Pointer || st.Kind() == reflect.Slice || st.Kind() == reflect.Map {
			st = st.Elem()
		}
		if st.Kind() != reflect.Struct || st == prefixType || st == addrType || seen[st] {
			return
		}
		seen[st] = true
		for _, f := range infoFor(st).fields {
			ft := st.FieldByIndex(f.index).Type
			if want, ok := constants[ft]; ok {
				got, w := append([]string(nil), f.enum...), append([]string(nil), want...)
				sort.Strings(got)
				sort.Strings(w)
				if diff := cmp.Diff(w, got); diff != "" {
					t.Errorf("%s.%s enum tag mismatch with %s constants (-want +got):\n%s", st.Name(), f.key, ft.Name(), diff)
				}
			}
			walk(ft)
		}
	}
	walk(reflect.TypeFor[Document]())
}

func TestSplitTag(t *testing.T) {
	tests := []struct {
		tag  string
		want []string
	}{
		{"", nil},
		{"enum=a,enum=b", []string{"enum=a", "enum=b"}},
		{`pattern=^[a-z]{1\,9}$,description=x`, []string{"pattern=^[a-z]{1,9}$", "description=x"}},
		{`a\,b\,c`, []string{"a,b,c"}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, splitTag(tt.tag)); diff != "" {
			t.Errorf("splitTag(%q) mismatch (-want +got):\n%s", tt.tag, diff)
		}
	}
}

func TestClosest(t *testing.T) {
	keys := []string{"addressSpace", "egress", "firewallTier", "onPremises"}
	tests := []struct{ got, want string }{
		{"adressSpace", "addressSpace"},
		{"AddressSpace", "addressSpace"},
		{"onpremises", "onPremises"},
		{"firewall", ""},
		{"x", ""},
	}
	for _, tt := range tests {
		if got := closest(tt.got, keys); got != tt.want {
			t.Errorf("closest(%q) = %q; want %q", tt.got, got, tt.want)
		}
	}
}
