package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"text/tabwriter"

	"github.com/enclave-dev/enclave/internal/compile"
	"github.com/enclave-dev/enclave/internal/diag"
	"github.com/enclave-dev/enclave/internal/output"
	"github.com/enclave-dev/enclave/internal/render/arm"
	"github.com/enclave-dev/enclave/internal/spec"
)

// The steps plan and render share: read the spec, compile it, render it,
// write the result.

// loadSpec parses file, or the built-in example when file is "".
func loadSpec(file string) (*spec.Document, diag.Diagnostics) {
	if file == "" {
		return spec.Example(), nil
	}
	src, err := os.ReadFile(file)
	if err != nil {
		var ds diag.Diagnostics
		hint := "check the path, or run 'enclave init' to write an example spec"
		if errors.Is(err, fs.ErrNotExist) {
			ds.Errorf(diag.Pos{File: file}, hint, "spec file not found")
		} else {
			ds.Errorf(diag.Pos{File: file}, hint, "cannot read spec: %v", err)
		}
		return nil, ds
	}
	return spec.Parse(file, src)
}

// compileSpec reads and compiles file. Warnings go to errOut; errors come
// back as the command's error.
func compileSpec(file string, errOut io.Writer) (*spec.Document, *compile.Result, error) {
	doc, ds := loadSpec(file)
	if ds.HasErrors() {
		return nil, nil, failed(ds)
	}
	res, cds, err := compile.Compile(doc)
	if err != nil {
		return nil, nil, internal(err)
	}
	ds.Append(cds)
	if ds.HasErrors() {
		return nil, nil, failed(ds)
	}
	printDiagnostics(errOut, ds)
	return doc, res, nil
}

// renderARM renders the compiled graph as the files of out/arm.
func renderARM(res *compile.Result) ([]output.File, error) {
	o, err := arm.Render(res.Graph)
	if err != nil {
		return nil, internal(fmt.Errorf("rendering ARM: %w", err))
	}
	return []output.File{
		{Name: "azuredeploy.json", Data: o.Template},
		{Name: "azuredeploy.parameters.json", Data: o.Parameters},
	}, nil
}

// ARMDir is the directory under --out that holds the ARM deployment.
const ARMDir = "arm"

// writeSet replaces outDir/sub with files, atomically.
func writeSet(outDir, sub string, files []output.File) ([]output.Written, error) {
	dir := filepath.Join(outDir, sub)
	written, err := output.Dir(dir, files)
	if err != nil {
		return nil, userError(diag.Pos{File: dir}, "check that --out names a directory you can write to", "cannot write output: %v", err)
	}
	return written, nil
}

// printWritten lists the files written with their sizes.
func printWritten(w io.Writer, written []output.Written) {
	width := 0
	for _, f := range written {
		width = max(width, len(strconv.Itoa(f.Size)))
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, f := range written {
		fmt.Fprintf(tw, "  %s\t%*d bytes\n", f.Path, width, f.Size)
	}
	tw.Flush()
}
