// Package output writes rendered files so that a reader never sees half of
// a run: a set of files is written into a temporary directory next to its
// target and renamed into place only once every file is complete. A failed
// run leaves the previous output untouched.
package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// File is one file of a set, its Name a slash-separated path relative to
// the set's directory.
type File struct {
	Name string
	Data []byte
}

// Written is a file on disk after a successful write.
type Written struct {
	Path string // the target path, as the caller spelled the directory
	Size int
}

// Permissions of what Dir and WriteFile create.
const (
	dirPerm  fs.FileMode = 0o755
	filePerm fs.FileMode = 0o644
)

// Dir replaces directory dir with exactly files. It renders them into a
// fresh temporary directory beside dir, then swaps it in; until the swap
// dir keeps its previous contents, and if anything fails before it, dir is
// left as it was and the temporary directory is removed. Files already in
// dir that are not in files disappear: dir belongs to the writer.
//
// Dir returns the files written, sorted by path.
func Dir(dir string, files []File) ([]Written, error) {
	if err := checkNames(files); err != nil {
		return nil, err
	}
	if fi, err := os.Lstat(dir); err == nil && !fi.IsDir() {
		return nil, fmt.Errorf("%s exists and is not a directory", dir)
	}
	parent, base := filepath.Split(filepath.Clean(dir))
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, dirPerm); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(parent, "."+base+".tmp-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp) // a no-op once tmp has been renamed
	if err := os.Chmod(tmp, dirPerm); err != nil {
		return nil, err
	}
	for _, f := range files {
		if err := writeSynced(filepath.Join(tmp, filepath.FromSlash(f.Name)), f.Data); err != nil {
			return nil, err
		}
	}
	if err := swap(tmp, dir); err != nil {
		return nil, err
	}
	return written(dir, files), nil
}

// checkNames rejects names that would escape the directory or collide.
func checkNames(files []File) error {
	seen := map[string]bool{}
	for _, f := range files {
		clean := path.Clean(f.Name)
		if f.Name == "" || clean != f.Name || path.IsAbs(f.Name) || clean == "." || strings.HasPrefix(clean, "../") || clean == ".." {
			return fmt.Errorf("invalid output file name %q", f.Name)
		}
		if seen[clean] {
			return fmt.Errorf("duplicate output file %q", f.Name)
		}
		seen[clean] = true
	}
	return nil
}

// swap moves the complete directory tmp to dir. A directory cannot be
// renamed over a non-empty one, so an existing dir is first moved aside and
// restored if the second rename fails.
func swap(tmp, dir string) error {
	if _, err := os.Lstat(dir); errors.Is(err, fs.ErrNotExist) {
		return os.Rename(tmp, dir)
	}
	old := tmp + ".old"
	if err := os.Rename(dir, old); err != nil {
		return err
	}
	if err := os.Rename(tmp, dir); err != nil {
		if rerr := os.Rename(old, dir); rerr != nil {
			return fmt.Errorf("%w (and restoring the previous %s failed: %v; it is at %s)", err, dir, rerr, old)
		}
		return err
	}
	return os.RemoveAll(old)
}

// written lists files as they now are under dir.
func written(dir string, files []File) []Written {
	out := make([]Written, len(files))
	for i, f := range files {
		out[i] = Written{Path: filepath.Join(dir, filepath.FromSlash(f.Name)), Size: len(f.Data)}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

// WriteFile replaces the file at name with data atomically: data goes to a
// temporary file in the same directory, which is then renamed over name.
func WriteFile(name string, data []byte) error {
	dir, base := filepath.Split(name)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".tmp-")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer os.Remove(tmp) // fails harmlessly once renamed
	if err := finish(f, data); err != nil {
		return err
	}
	if err := os.Chmod(tmp, filePerm); err != nil {
		return err
	}
	return os.Rename(tmp, name)
}

// writeSynced creates name (and its directories) holding data, flushed to
// disk before it returns.
func writeSynced(name string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), dirPerm); err != nil {
		return err
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, filePerm)
	if err != nil {
		return err
	}
	return finish(f, data)
}

// finish writes data to f, syncs and closes it, reporting the first error.
func finish(f *os.File, data []byte) error {
	_, err := f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
