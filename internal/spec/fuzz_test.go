package spec

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fuzzSeeds are YAML shapes that have tripped YAML decoders before.
var fuzzSeeds = []string{
	"",
	"\ufeff" + minimal,
	"name: kodata\nnetwork:\n\taddressSpace: 10.0.0.0/20\n",
	"base: &b {name: kodata, location: australiaeast}\n<<: *b\n",
	"<<: [*a]\n",
	"a: &a {<<: *a}\n",
	"network: &n {addressSpace: 10.60.0.0/20, onPremises: {addressSpaces: [*n]}}\n",
	"team: {members: [&m {name: ds1, role: data-scientist}, *m, *m, {<<: *m, name: ds2}]}\n",
	"team: {workstations: {diskSizeGB: 99999999999999999999999999}}\n",
	"team: {workstations: {diskSizeGB: -0x8000000000000000}}\n",
	"dataSources: [{port: 0o177777}, {port: 1e3}, {port: .inf}, {port: -.nan}]\n",
	strings.Repeat("[", 2000) + strings.Repeat("]", 2000),
	"tags: " + strings.Repeat("{a: ", 500) + "b" + strings.Repeat("}", 500) + "\n",
	"? [complex, key]\n: value\n",
	"!!binary name: a2Q=\n",
	"name: !!int kodata\nlocation: !custom australiaeast\n",
	"%YAML 1.1\n---\nname: kodata\n",
	"name: kodata\n...\n---\nname: other\n",
	"intents: [{from: '[::1]:0', to: ':', expect: allow}, {from: 'a:b:c', to: '10.0.0.0/8:65536'}]\n",
	"team: {groups: {admins: ~, dataScientists: [], dataEngineers: {}}}\n",
	"services: {machineLearning: ~, databricks: {enabled: ~}, synapse: [], kubernetes: 3}\n",
	"name: \"\\x00\\uFFFF\\U0010FFFF\"\n",
}

func FuzzParse(f *testing.F) {
	f.Add(exampleYAML)
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	fixtures, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "invalid", "*.yaml"))
	for _, file := range fixtures {
		if b, err := os.ReadFile(file); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		d, ds := Parse("fuzz.yaml", src)
		switch {
		case d == nil && !ds.HasErrors():
			t.Fatalf("Parse returned neither a document nor an error")
		case d != nil && ds.HasErrors():
			t.Fatalf("Parse returned a document with errors:\n%s", ds.Error())
		}
		if _, again := Parse("fuzz.yaml", src); again.Error() != ds.Error() {
			t.Fatalf("Parse is not deterministic:\n%s\n---\n%s", ds.Error(), again.Error())
		}
		for _, x := range ds {
			if x.Pos.File != "fuzz.yaml" || x.Summary == "" {
				t.Fatalf("diagnostic without a file or a summary: %+v", x)
			}
		}
	})
}
