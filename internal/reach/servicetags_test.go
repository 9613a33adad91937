package reach

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/enclave-dev/enclave/internal/model"
)

// serviceTagsFile returns Azure's published service tags from ../shared
// beside the module root, or skips.
func serviceTagsFile(t *testing.T) string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "data", "service-tags", "ServiceTags_Public*.json"))
	if len(files) == 0 {
		t.Skip("no ServiceTags_Public JSON in ../shared/data/service-tags beside the module root; skipping the expanded service tag tests")
	}
	return files[len(files)-1]
}

// With --service-tags, tags are the published prefixes: an address in
// Storage.AustraliaEast is in Storage.australiaeast (names match without
// regard to case) and in AzureCloud, and not in Sql; the example's
// intents still hold.
func TestExpandedServiceTags(t *testing.T) {
	f, err := os.Open(serviceTagsFile(t))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tags, err := ReadServiceTags(f)
	if err != nil {
		t.Fatalf("ReadServiceTags: %v", err)
	}
	var storage []string
	for name, ps := range tags {
		if strings.EqualFold(name, "Storage.AustraliaEast") && len(ps) > 0 {
			storage = append(storage, ps[0].String())
		}
	}
	if len(storage) == 0 {
		t.Fatal("ReadServiceTags found no Storage.AustraliaEast prefixes")
	}
	doc, g := example(t)
	n, err := Build(g, Options{ServiceTags: tags})
	if err != nil {
		t.Fatal(err)
	}
	v := addrValue(pfx(storage[0]).Addr())
	for _, tt := range []struct {
		tag  model.ServiceTag
		want bool
	}{{"Storage.australiaeast", true}, {model.TagStorage, true}, {model.TagAzureCloud, true}, {model.TagSQL, false}, {model.TagInternet, true}} {
		if got := n.U.Tag(tt.tag).Contains(v); got != tt.want {
			t.Errorf("Tag(%s).Contains(%s) = %v; want %v", tt.tag, storage[0], got, tt.want)
		}
	}
	sp, _ := n.SpecIntents(doc)
	for _, r := range Failed(n.Check(append(n.BuiltinIntents(doc), sp...))) {
		t.Errorf("with expanded tags, intent %s (%s -> %s) = %s; want %s", r.Name, r.From, r.To, r.Verdict, r.Expect)
	}
}
