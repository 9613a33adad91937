package importarm

import (
	"os"
	"testing"
)

func TestPosOf(t *testing.T) {
	src, err := os.ReadFile("testdata/templates/copy-variables.json")
	if err != nil {
		t.Fatal(err)
	}
	res, ds := Evaluate("copy-variables.json", src, nil, Options{})
	if ds.HasErrors() {
		t.Fatal(ds.Error())
	}
	r := &res.Resources[0]
	tests := []struct {
		path, want string
	}{
		{"", "copy-variables.json:31:5"},
		{"name", "copy-variables.json:34:15"},
		{"properties", "copy-variables.json:37:21"},
		// The rules come from a variable: the nearest written member is
		// the securityRules expression.
		{"properties.securityRules[1].properties.access", "copy-variables.json:37:39"},
		{"properties.nope", "copy-variables.json:37:21"},
		{"zones[x", "copy-variables.json:36:16"},
	}
	for _, tt := range tests {
		if got := r.PosOf(tt.path).String(); got != tt.want {
			t.Errorf("PosOf(%q) = %s; want %s", tt.path, got, tt.want)
		}
	}
}

func TestPosOfLiteral(t *testing.T) {
	src, err := os.ReadFile("testdata/templates/group-export.json")
	if err != nil {
		t.Fatal(err)
	}
	res, ds := Evaluate("group-export.json", src, nil, Options{})
	if ds.HasErrors() {
		t.Fatal(ds.Error())
	}
	want := "group-export.json:41:39"
	if got := res.Resources[0].PosOf("properties.securityRules[0].properties.access").String(); got != want {
		t.Errorf("PosOf(access) = %s; want %s", got, want)
	}
}
