package tfschema

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func tiny(t *testing.T) *Schema {
	t.Helper()
	s, err := Load("testdata/tiny.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

const valid = `resource "tiny_thing" "a" {
  name     = "a"
  count_of = 3
  enabled  = true
  prefixes = ["10.0.0.0/24"]
  tags     = { env = "x" }
  shape    = { size = 2 }
  identity {
    type = "SystemAssigned"
  }
  rule {
    port = 443
  }
  settings {
    mode = "on"
  }
  depends_on = [tiny_thing.b]
}
`

// TestCheckCatchesEachViolation proves every rule fires on a block that
// breaks it and stays quiet on one that keeps it.
func TestCheckCatchesEachViolation(t *testing.T) {
	s := tiny(t)
	tests := []struct {
		name, src string
		want      []Kind
	}{
		{"valid", valid, nil},
		{"unknown type", `resource "tiny_other" "a" {}`, []Kind{UnknownType}},
		{"unknown attribute", `resource "tiny_thing" "a" {
  name  = "a"
  color = "red"
  rule {
    port = 1
  }
}`, []Kind{UnknownAttribute}},
		{"block written as attribute", `resource "tiny_thing" "a" {
  name     = "a"
  identity = { type = "x" }
  rule {
    port = 1
  }
}`, []Kind{UnknownAttribute}},
		{"unknown nested block", `resource "tiny_thing" "a" {
  name = "a"
  rule {
    port = 1
  }
  network {
  }
}`, []Kind{UnknownBlock}},
		{"unknown attribute in nested block", `resource "tiny_thing" "a" {
  name = "a"
  rule {
    port     = 1
    protocol = "tcp"
  }
}`, []Kind{UnknownAttribute}},
		{"missing required attribute", `resource "tiny_thing" "a" {
  rule {
    port = 1
  }
}`, []Kind{MissingRequired}},
		{"missing required nested attribute", `resource "tiny_thing" "a" {
  name = "a"
  rule {
  }
}`, []Kind{MissingRequired}},
		{"computed-only attribute", `resource "tiny_thing" "a" {
  name        = "a"
  fingerprint = "abc"
  rule {
    port = 1
  }
}`, []Kind{ComputedOnly}},
		{"too few blocks", `resource "tiny_thing" "a" {
  name = "a"
}`, []Kind{Nesting}},
		{"too many blocks", `resource "tiny_thing" "a" {
  name = "a"
  identity {
    type = "a"
  }
  identity {
    type = "b"
  }
  rule {
    port = 1
  }
}`, []Kind{Nesting}},
		{"single block twice", `resource "tiny_thing" "a" {
  name = "a"
  rule {
    port = 1
  }
  settings {
  }
  settings {
  }
}`, []Kind{Nesting}},
		{"string for number", `resource "tiny_thing" "a" {
  name     = "a"
  count_of = "3"
  rule {
    port = 1
  }
}`, []Kind{ValueKind}},
		{"number for bool", `resource "tiny_thing" "a" {
  name    = "a"
  enabled = 1
  rule {
    port = 1
  }
}`, []Kind{ValueKind}},
		{"string for list", `resource "tiny_thing" "a" {
  name     = "a"
  prefixes = "10.0.0.0/24"
  rule {
    port = 1
  }
}`, []Kind{ValueKind}},
		{"wrong list element", `resource "tiny_thing" "a" {
  name     = "a"
  prefixes = [true]
  rule {
    port = 1
  }
}`, []Kind{ValueKind}},
		{"list for map", `resource "tiny_thing" "a" {
  name = "a"
  tags = ["x"]
  rule {
    port = 1
  }
}`, []Kind{ValueKind}},
		{"unknown object attribute", `resource "tiny_thing" "a" {
  name  = "a"
  shape = { depth = 1 }
  rule {
    port = 1
  }
}`, []Kind{ValueKind}},
		{"references are not literals", `resource "tiny_thing" "a" {
  name     = tiny_thing.b.name
  count_of = var.n
  prefixes = concat(var.a, ["x"])
  rule {
    port = 1
  }
}`, nil},
		{"azapi good", `resource "azapi_resource" "a" {
  type      = "Microsoft.Foo/bars@2024-01-01"
  name      = "a"
  parent_id = var.p
  body      = { properties = {} }
}`, nil},
		{"azapi bad type", `resource "azapi_resource" "a" {
  type      = "Foo/bars"
  name      = "a"
  parent_id = var.p
  body      = { properties = {} }
}`, []Kind{AzAPIShape}},
		{"azapi body not an object", `resource "azapi_resource" "a" {
  type      = "Microsoft.Foo/bars@2024-01-01"
  name      = "a"
  parent_id = var.p
  body      = "{}"
}`, []Kind{AzAPIShape}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vs, err := s.CheckFile("x.tf", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			var got []Kind
			for _, v := range vs {
				got = append(got, v.Kind)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("CheckFile(%s) kinds (-want +got):\n%s\n%v", tt.name, diff, vs)
			}
		})
	}
}

func TestViolationNamesBlockAndPath(t *testing.T) {
	vs, err := tiny(t).CheckFile("x.tf", []byte(`resource "tiny_thing" "a" {
  name = "a"
  rule {
    port = "x"
  }
}`))
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 1 {
		t.Fatalf("violations = %v; want one", vs)
	}
	if got, want := vs[0].String(), "x.tf: tiny_thing.a.rule[0].port: value kind: string value for a number attribute"; got != want {
		t.Errorf("String() = %q; want %q", got, want)
	}
}

func TestCheckFileRejectsUnparsable(t *testing.T) {
	if _, err := tiny(t).CheckFile("x.tf", []byte(`resource "a" {`)); err == nil {
		t.Error("CheckFile(unparsable) = nil error; want one")
	}
}

func TestSharedAzurerm(t *testing.T) {
	s := Shared(t)
	if _, ok := s.Resources["azurerm_subnet"]; !ok {
		t.Errorf("azurerm schema has no azurerm_subnet; %d resources", len(s.Resources))
	}
}
