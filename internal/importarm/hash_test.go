package importarm

import "testing"

func TestUniqueString(t *testing.T) {
	// The first five are published by an independent reimplementation
	// checked against Bicep; the last is what Microsoft's own expression
	// library (Azure.Deployments.Expression) returns in the unit tests of
	// microsoft/commercial-marketplace-offer-deploy.
	tests := []struct {
		in   []string
		want string
	}{
		{[]string{"test"}, "rbgf3xv4ufgzg"},
		{[]string{"hello", "world"}, "a7wkljktk6wne"},
		{[]string{"abc"}, "cgtzqvhu4i23s"},
		{[]string{"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/my-rg"}, "bmg7c6xu4tw46"},
		{[]string{"foo", "bar", "baz"}, "xzi4ioaxtmth4"},
		{[]string{"/subscriptions/31e9f9a0-9fd2-4294-a0a3-0101246d9700/resourceGroups/rg-modm201-20230913120256/providers/Microsoft.Compute/virtualMachines/bobjacmodm201"}, "yvjxno3je5on2"},
	}
	for _, tt := range tests {
		if got := uniqueString(tt.in...); got != tt.want {
			t.Errorf("uniqueString(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestGUID(t *testing.T) {
	// guid() is a version-5 UUID in ARM's namespace; these are the values
	// RFC 4122 name-based hashing gives (Python: uuid.uuid5(UUID(
	// "11fb06fb-712d-4ddd-98c7-e71bbd588830"), "a-b")).
	tests := []struct {
		in   []string
		want string
	}{
		{[]string{"a", "b"}, "2d796349-8c7e-55ec-9624-54ece82ed031"},
		{[]string{"x"}, "51c0fe04-91fa-5688-abb4-481ca7437854"},
		{[]string{"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-import", "Reader"}, "c0c75e8d-ef37-56cf-a440-ccfbfbb53809"},
	}
	for _, tt := range tests {
		got := armGUID(tt.in...)
		if got != tt.want {
			t.Errorf("armGUID(%q) = %q; want %q", tt.in, got, tt.want)
		}
		if got[14] != '5' {
			t.Errorf("armGUID(%q) = %q; want version 5", tt.in, got)
		}
	}
}
