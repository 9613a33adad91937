package spec

import (
	"fmt"
	"net/netip"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/enclave-dev/enclave/internal/diag"
)

// minimal is the smallest valid spec; tests edit it.
const minimal = `name: kodata
location: australiaeast
network:
  addressSpace: 10.60.0.0/20
team:
  groups:
    dataScientists: 6f1c2a7e-1d2b-4c3a-9e8f-0a1b2c3d4e51
    dataEngineers: 7a2d3b8f-2e3c-4d4b-8f9a-1b2c3d4e5f62
    admins: 8b3e4c9a-3f4d-4e5c-9a0b-2c3d4e5f6a73
  members:
    - {name: ds1, role: data-scientist}
`

// render formats diagnostics as "line:col: summary" for comparison.
func render(ds diag.Diagnostics) []string {
	var out []string
	for _, d := range ds {
		out = append(out, fmt.Sprintf("%d:%d: %s", d.Pos.Line, d.Pos.Col, d.Summary))
	}
	return out
}

// edit replaces old with new in minimal, failing when old is absent.
func edit(t *testing.T, old, new string) string {
	t.Helper()
	if !strings.Contains(minimal, old) {
		t.Fatalf("%q is not in the minimal spec", old)
	}
	return strings.Replace(minimal, old, new, 1)
}

func TestParseMinimal(t *testing.T) {
	d, ds := Parse("m.yaml", []byte(minimal))
	if len(ds) != 0 {
		t.Fatalf("Parse(minimal) diagnostics:\n%v", ds.Error())
	}
	if d.Name != "kodata" || d.Network.AddressSpace != netip.MustParsePrefix("10.60.0.0/20") || len(d.Team.Members) != 1 {
		t.Errorf("Parse(minimal) = %+v", d)
	}
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name, old, new string
		want           []string
	}{
		{"unknown key", "  addressSpace:", "  adressSpace: 10.60.0.0/20\n  addressSpace:",
			[]string{`4:3: unknown key "adressSpace" in network`}},
		{"unknown root key", "location: australiaeast\n", "location: australiaeast\nservice: {}\n",
			[]string{`3:1: unknown key "service" in the document`}},
		{"unknown key names missing key", "  addressSpace:", "  adressSpace:",
			[]string{`4:3: unknown key "adressSpace" in network`}},
		{"scalar for mapping", "network:\n  addressSpace: 10.60.0.0/20", "network: 10.60.0.0/20",
			[]string{"3:10: network: expected a mapping, got text"}},
		{"mapping for scalar", "location: australiaeast", "location: {name: australiaeast}",
			[]string{"2:11: location: expected text, got a mapping"}},
		{"scalar for list", "  members:\n    - {name: ds1, role: data-scientist}", "  members: ds1",
			[]string{"10:12: team.members: expected a list, got text"}},
		{"bool for text", "location: australiaeast", "location: true",
			[]string{"2:11: location: expected text, got true or false"}},
		{"bad cidr", "10.60.0.0/20", "10.60.0.0/33",
			[]string{`4:17: network.addressSpace: "10.60.0.0/33" is not a CIDR prefix`}},
		{"address for cidr", "10.60.0.0/20", "10.60.0.0",
			[]string{`4:17: network.addressSpace: "10.60.0.0" is not a CIDR prefix`}},
		{"list for cidr", "10.60.0.0/20", "[10.60.0.0/20]",
			[]string{"4:17: network.addressSpace: expected a CIDR prefix such as 10.60.0.0/20, got a list"}},
		{"bad enum", "role: data-scientist", "role: scientist",
			[]string{`11:25: team.members[0].role: unknown role "scientist"`}},
		{"duplicate key", "location: australiaeast\n", "location: australiaeast\nlocation: westeurope\n",
			[]string{`3:1: the document: duplicate key "location" (first at line 2)`}},
		{"key not text", "location: australiaeast\n", "location: australiaeast\n[a, b]: c\n",
			[]string{"3:1: the document: a key must be text, got a list"}},
		{"merge of scalar", "network:\n", "network:\n  <<: 3\n",
			[]string{"4:7: network: a merge key (<<) needs a mapping, got a number"}},
		{"inline secret", "  addressSpace: 10.60.0.0/20\n", "  addressSpace: 10.60.0.0/20\n  onPremises:\n    addressSpaces: [10.0.0.0/16]\n    connection: {type: vpn, peerAddress: 203.0.113.10, sharedKey: hunter2}\n",
			[]string{"7:67: network.onPremises.connection.sharedKey: secret written inline"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ds := Parse("t.yaml", []byte(edit(t, tt.old, tt.new)))
			if diff := cmp.Diff(tt.want, render(ds)); diff != "" {
				t.Errorf("Parse diagnostics mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestDecodeNumbers covers every way a whole number can be wrong.
func TestDecodeNumbers(t *testing.T) {
	const head = "    - {name: ds1, role: data-scientist}\n"
	tests := []struct {
		value string
		want  string
	}{
		{"30", ""},
		{"0x1E", ""},
		{"1_000", ""},
		{`"30"`, "team.workstations.diskSizeGB: expected a whole number, got text"},
		{"30.5", `team.workstations.diskSizeGB: expected a whole number, got "30.5"`},
		{"10", "team.workstations.diskSizeGB: 10 is out of range"},
		{"5000", "team.workstations.diskSizeGB: 5000 is out of range"},
		{"-40", "team.workstations.diskSizeGB: -40 is out of range"},
		{"99999999999999999999999", "team.workstations.diskSizeGB: 99999999999999999999999 is out of range"},
		{"true", "team.workstations.diskSizeGB: expected a whole number, got true or false"},
		{"[30]", "team.workstations.diskSizeGB: expected a whole number, got a list"},
	}
	for _, tt := range tests {
		src := edit(t, head, head+"  workstations: {diskSizeGB: "+tt.value+"}\n")
		_, ds := Parse("t.yaml", []byte(src))
		var want []string
		if tt.want != "" {
			want = []string{"12:30: " + tt.want}
		}
		if diff := cmp.Diff(want, render(ds)); diff != "" {
			t.Errorf("Parse(diskSizeGB: %s) mismatch (-want +got):\n%s", tt.value, diff)
		}
	}
}

func TestDecodeBool(t *testing.T) {
	tests := []struct {
		value string
		want  []string
		on    bool
	}{
		{"true", nil, true},
		{"False", nil, false},
		{"yes", []string{"13:25: services.databricks.enabled: expected true or false, got text"}, true},
		{`"true"`, []string{"13:25: services.databricks.enabled: expected true or false, got text"}, true},
	}
	for _, tt := range tests {
		src := minimal + "services:\n  databricks: {enabled: " + tt.value + "}\n"
		d, ds := Parse("t.yaml", []byte(src))
		if diff := cmp.Diff(tt.want, render(ds)); diff != "" {
			t.Errorf("Parse(enabled: %s) mismatch (-want +got):\n%s", tt.value, diff)
		}
		if d != nil && d.Services.Databricks.On() != tt.on {
			t.Errorf("Parse(enabled: %s): Databricks.On() = %v; want %v", tt.value, !tt.on, tt.on)
		}
	}
}

func TestSyntaxErrors(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
		hint      string
	}{
		{"unclosed flow", "name: kodata\nnetwork: {addressSpace: 10.0.0.0/20\nteam: {}\n",
			[]string{"3:5: yaml syntax error: did not find expected ',' or '}' (parsing a flow mapping started at line 2)"}, "check the indentation"},
		{"tab", "name: kodata\nnetwork:\n\taddressSpace: 10.0.0.0/20\n",
			[]string{"3:1: yaml syntax error: found character that cannot start any token (scanning for the next token started at line 3)"}, "replace the tabs"},
		{"empty", "", []string{"1:1: the file is empty"}, ""},
		{"comments only", "# nothing\n", []string{"1:1: the file is empty"}, ""},
		{"two documents", minimal + "---\nname: other\n", []string{"12:1: only one YAML document is allowed"}, "---"},
		{"unknown anchor", "name: *x\n", []string{"1:7: yaml syntax error: unknown anchor 'x' referenced"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, ds := Parse("t.yaml", []byte(tt.src))
			if d != nil {
				t.Errorf("Parse(%q) returned a document with errors", tt.src)
			}
			if diff := cmp.Diff(tt.want, render(ds)); diff != "" {
				t.Errorf("Parse(%q) mismatch (-want +got):\n%s", tt.src, diff)
			}
			if len(ds) > 0 && !strings.Contains(ds[0].Hint, tt.hint) {
				t.Errorf("Parse(%q) hint = %q; want it to contain %q", tt.src, ds[0].Hint, tt.hint)
			}
		})
	}
}

func TestUnknownKeyHint(t *testing.T) {
	_, ds := Parse("t.yaml", []byte(edit(t, "  addressSpace:", "  adressSpace:")))
	if len(ds) != 1 || !strings.HasPrefix(ds[0].Hint, `did you mean "addressSpace"?`) {
		t.Errorf("Parse(adressSpace) = %v; want one error suggesting addressSpace", ds)
	}
}

func TestInlineSecretNeverEchoed(t *testing.T) {
	for _, secret := range []string{"hunter2", "12345", "'p@ss: word'", "[a, b]"} {
		src := minimal + "dataSources:\n  - {name: edw, type: oracle, host: 10.0.12.20, port: 1521, readers: [], password: " + secret + "}\n"
		_, ds := Parse("t.yaml", []byte(src))
		if !ds.HasErrors() {
			t.Fatalf("Parse(password: %s) has no error", secret)
		}
		if out := ds.Error(); strings.Contains(out, strings.Trim(secret, "'[]")) {
			t.Errorf("Parse(password: %s) diagnostics show the secret:\n%s", secret, out)
		}
	}
}

func TestAnchorsAndMergeKeys(t *testing.T) {
	src := edit(t, "    - {name: ds1, role: data-scientist}\n", `    - &ds {name: ds1, role: data-scientist, workstation: &big {size: Standard_NC4as_T4_v3}}
    - <<: *ds
      name: ds2
    - {name: ds3, role: data-engineer, workstation: *big}
`)
	d, ds := Parse("t.yaml", []byte(src))
	if ds.HasErrors() {
		t.Fatalf("Parse: %v", ds.Error())
	}
	type got struct {
		Name string
		Role Role
		Size string
	}
	var members []got
	for _, m := range d.Team.Members {
		members = append(members, got{m.Name, m.Role, m.Workstation.Size})
	}
	want := []got{
		{"ds1", RoleDataScientist, "Standard_NC4as_T4_v3"},
		{"ds2", RoleDataScientist, "Standard_NC4as_T4_v3"},
		{"ds3", RoleDataEngineer, "Standard_NC4as_T4_v3"},
	}
	if diff := cmp.Diff(want, members); diff != "" {
		t.Errorf("members mismatch (-want +got):\n%s", diff)
	}
}

func TestPositions(t *testing.T) {
	src := minimal + "dataSources:\n  - {name: edw, type: oracle, host: 10.0.12.20, port: 1521, readers: [dataScientists]}\n" +
		"intents:\n  - {from: workstations, to: \"pypi.org:443\", expect: allow}\n" +
		"services:\n  databricks:\n"
	src = strings.Replace(src, "  addressSpace: 10.60.0.0/20\n", "  addressSpace: 10.60.0.0/20\n  onPremises:\n    addressSpaces: [10.0.0.0/16]\n    connection: {type: vpn, peerAddress: 203.0.113.10}\n", 1)
	d, ds := Parse("t.yaml", []byte(src))
	if ds.HasErrors() {
		t.Fatalf("Parse: %v", ds.Error())
	}
	pos := func(line, col int) diag.Pos { return diag.Pos{File: "t.yaml", Line: line, Col: col} }
	for path, want := range map[string]diag.Pos{
		"":                                    pos(1, 1),
		"name":                                pos(1, 7),
		"network.onPremises.addressSpaces[0]": pos(6, 21),
		"team.members[0].name":                pos(14, 14),
		"dataSources[0].readers[0]":           pos(16, 71),
		"intents[0].to":                       pos(18, 30),
		"services.databricks":                 pos(20, 14),
	} {
		if got := d.Pos(path); got != want {
			t.Errorf("Pos(%q) = %v; want %v", path, got, want)
		}
	}
	if got, want := d.Team.Members[0].Pos, pos(14, 7); got != want {
		t.Errorf("Members[0].Pos = %v; want %v", got, want)
	}
	if got, want := d.DataSources[0].Pos, pos(16, 5); got != want {
		t.Errorf("DataSources[0].Pos = %v; want %v", got, want)
	}
	if got, want := d.Intents[0].Pos, pos(18, 5); got != want {
		t.Errorf("Intents[0].Pos = %v; want %v", got, want)
	}
	if !d.Services.Databricks.On() {
		t.Errorf("databricks listed with no value: On() = false; want true")
	}
}

func TestAliasExpansionIsBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString(minimal + "governance:\n  allowedVmSizes: &l0 [a, a, a, a, a, a, a, a, a, a]\n")
	b.WriteString("x0: &m0 {name: a}\n")
	// Ten lists of ten aliases each: a billion-laughs shape.
	prev := "l0"
	for i := 1; i <= 6; i++ {
		fmt.Fprintf(&b, "y%d: &l%d [*%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s]\n", i, i, prev, prev, prev, prev, prev, prev, prev, prev, prev, prev)
		prev = fmt.Sprintf("l%d", i)
	}
	_, ds := Parse("t.yaml", []byte(b.String()))
	if !ds.HasErrors() {
		t.Fatal("Parse(billion laughs) has no error")
	}
}

func BenchmarkParseExample(b *testing.B) {
	for b.Loop() {
		if _, ds := Parse(ExampleFile, exampleYAML); ds.HasErrors() {
			b.Fatal(ds.Error())
		}
	}
}
