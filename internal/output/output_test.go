package output

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// tree returns every regular file under root with its contents.
func tree(t *testing.T, root string) map[string]string {
	t.Helper()
	got := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		got[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// entries lists the names in dir, sorted.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names
}

func TestDir(t *testing.T) {
	tests := []struct {
		name     string
		existing map[string]string // files in the target before the write
		files    []File
		want     map[string]string
	}{
		{
			name:  "new",
			files: []File{{"b.json", []byte("b")}, {"a.json", []byte("a")}},
			want:  map[string]string{"a.json": "a", "b.json": "b"},
		},
		{
			name:     "replaces previous output entirely",
			existing: map[string]string{"a.json": "old", "stale.json": "gone"},
			files:    []File{{"a.json", []byte("new")}, {"sub/c.json", []byte("c")}},
			want:     map[string]string{"a.json": "new", "sub/c.json": "c"},
		},
		{
			name:  "empty set",
			files: nil,
			want:  map[string]string{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parent := t.TempDir()
			dir := filepath.Join(parent, "arm")
			for name, data := range tt.existing {
				if err := writeSynced(filepath.Join(dir, name), []byte(data)); err != nil {
					t.Fatal(err)
				}
			}
			got, err := Dir(dir, tt.files)
			if err != nil {
				t.Fatalf("Dir(%q) = %v", dir, err)
			}
			if diff := cmp.Diff(tt.want, tree(t, dir)); diff != "" {
				t.Errorf("Dir(%q) left (-want +got):\n%s", dir, diff)
			}
			if len(got) != len(tt.files) || !sort.SliceIsSorted(got, func(i, j int) bool { return got[i].Path < got[j].Path }) {
				t.Errorf("Dir(%q) = %v; want %d files sorted by path", dir, got, len(tt.files))
			}
			if diff := cmp.Diff([]string{"arm"}, entries(t, parent)); diff != "" {
				t.Errorf("Dir(%q) left temporary files (-want +got):\n%s", dir, diff)
			}
		})
	}
}

func TestDirFailureKeepsPreviousOutput(t *testing.T) {
	tests := []struct {
		name  string
		files []File
	}{
		{"file and directory with one name", []File{{"a", []byte("x")}, {"a/b", []byte("y")}}},
		{"escaping name", []File{{"../evil", []byte("x")}}},
		{"unclean name", []File{{"./a", []byte("x")}}},
		{"duplicate", []File{{"a", []byte("x")}, {"a", []byte("y")}}},
		{"empty name", []File{{"", []byte("x")}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parent := t.TempDir()
			dir := filepath.Join(parent, "arm")
			if err := writeSynced(filepath.Join(dir, "keep.json"), []byte("previous")); err != nil {
				t.Fatal(err)
			}
			if _, err := Dir(dir, tt.files); err == nil {
				t.Fatalf("Dir(%q, %v) = nil; want an error", dir, tt.files)
			}
			if diff := cmp.Diff(map[string]string{"keep.json": "previous"}, tree(t, dir)); diff != "" {
				t.Errorf("failed Dir changed the previous output (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff([]string{"arm"}, entries(t, parent)); diff != "" {
				t.Errorf("failed Dir left temporary files (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDirTargetIsFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "arm")
	if err := os.WriteFile(dir, []byte("file"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Dir(dir, []File{{"a", nil}}); err == nil {
		t.Errorf("Dir(%q) over a regular file = nil; want an error", dir)
	}
}

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "enclave.yaml")
	for _, data := range []string{"first", "second"} {
		if err := WriteFile(name, []byte(data)); err != nil {
			t.Fatalf("WriteFile(%q) = %v", name, err)
		}
		got, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != data {
			t.Errorf("WriteFile(%q, %q) left %q", name, data, got)
		}
	}
	if diff := cmp.Diff([]string{"enclave.yaml"}, entries(t, dir)); diff != "" {
		t.Errorf("WriteFile left temporary files (-want +got):\n%s", diff)
	}
}
