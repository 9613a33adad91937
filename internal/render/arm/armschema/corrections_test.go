package armschema

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// TestCorrectionsFindTheirTarget keeps the corrections honest: each must
// still point at a schema in the published files, or it corrects nothing.
func TestCorrectionsFindTheirTarget(t *testing.T) {
	dir, err := SharedDir()
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("skipping: the ARM schemas are not beside the module root (%v)", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	v := New(dir)
	for _, c := range corrections {
		files, err := filepath.Glob(filepath.Join(dir, "*", c.file))
		if err != nil || len(files) == 0 {
			t.Errorf("correction %s%s: no file %s (%v)", c.file, c.pointer, c.file, err)
			continue
		}
		// The newest version is the one converters should be using.
		newest := files[len(files)-1]
		rel := filepath.ToSlash(filepath.Join(filepath.Base(filepath.Dir(newest)), c.file))
		f, err := os.Open(newest)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", rel, err)
		}
		if _, _, ok := lookupParent(doc, c.pointer); !ok {
			t.Errorf("correction %s%s: %s has no schema there", c.file, c.pointer, rel)
		}
		if _, err := v.schema(BaseURL + rel + "#" + c.pointer); err != nil {
			t.Errorf("corrected schema %s#%s does not compile: %v", rel, c.pointer, err)
		}
	}
}
