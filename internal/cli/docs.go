package cli

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/enclave-dev/enclave/internal/compile"
	"github.com/enclave-dev/enclave/internal/cost"
	"github.com/enclave-dev/enclave/internal/diag"
	"github.com/enclave-dev/enclave/internal/output"
	"github.com/enclave-dev/enclave/internal/render/docs"
)

// DocsOptions are the inputs of enclave docs.
type DocsOptions struct {
	IO
	// SpecFile is the spec to read; "" means the built-in example.
	SpecFile string
	// OutDir receives OutDir/docs and OutDir/report.html.
	OutDir string
	// CacheDir holds refreshed prices (see enclave prices refresh); ""
	// uses the embedded table only.
	CacheDir string
}

// NewCmdDocs returns the docs command; runF replaces runDocs in tests.
func NewCmdDocs(streams IO, runF func(*DocsOptions) error) *cobra.Command {
	opts := &DocsOptions{IO: streams, CacheDir: userCacheDir()}
	cmd := &cobra.Command{
		Use:   "docs [SPEC]",
		Short: "Write the environment's documentation, diagram and HTML report",
		Long: `docs compiles SPEC (the built-in example when omitted) and writes, from the
model the deployment is rendered from:

  OUT/docs/README.md                 the environment: design, security model,
                                     address plan, NSG rules, routes, firewall
                                     rules, private DNS, RBAC matrix, results
  OUT/docs/runbook-*.md              runbooks for the cloud engineer, network
                                     engineer, data scientist and data engineer
  OUT/docs/architecture.dot, .svg    the architecture diagram
  OUT/report.html                    one self-contained page: summary, diagram,
                                     intents, findings and cost

OUT/docs is replaced as a whole only when the run succeeds.`,
		Example: `  enclave docs                 # the built-in example, into out/
  enclave docs enclave.yaml --out build`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.SpecFile = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return runDocs(opts)
		},
	}
	cmd.Flags().StringVar(&opts.OutDir, "out", "out", "directory to write docs/ and report.html to")
	return cmd
}

func runDocs(opts *DocsOptions) error {
	doc, res, err := compileSpec(opts.SpecFile, opts.ErrOut)
	if err != nil {
		return err
	}
	// The docs show every intent's verdict, holding or not.
	intents, err := proveIntents(doc, res)
	if err != nil {
		return err
	}
	// And every policy finding, failing or not.
	policy, err := evaluatePolicy(doc, res.Graph, nil, nil)
	if err != nil {
		return err
	}
	written, err := writeDocs(opts.OutDir, opts.CacheDir, sourceName(opts.SpecFile), res, docs.Results{Intents: docIntents(intents), Findings: docFindings(policy), Exemptions: docExemptions(doc)})
	if err != nil {
		return err
	}
	printWritten(opts.Out, written)
	return nil
}

// DocsDir is the directory under --out that holds the documentation;
// ReportFile the HTML report beside it.
const (
	DocsDir    = "docs"
	ReportFile = "report.html"
)

func sourceName(file string) string {
	if file == "" {
		return "<built-in example>"
	}
	return file
}

// estimate prices the graph with the embedded table, overridden by the
// prices refresh cached for its region.
func estimate(g *compile.Result, cacheDir string) (*cost.Report, error) {
	t, _, err := cost.ForRegion(cacheDir, g.Graph.Location)
	if err != nil {
		return nil, userError(diag.Pos{File: cost.CachePath(cacheDir, g.Graph.Location)}, "delete the file or run 'enclave prices refresh' again", "cannot read cached prices: %v", err)
	}
	return cost.Estimate(g.Graph, t, cost.DefaultAssumptions()), nil
}

// writeDocs renders and writes OUT/docs and OUT/report.html with the
// reach and check results given.
func writeDocs(outDir, cacheDir, source string, res *compile.Result, results docs.Results) ([]output.Written, error) {
	est, err := estimate(res, cacheDir)
	if err != nil {
		return nil, err
	}
	out, err := docs.Render(docs.Input{Graph: res.Graph, Results: results, Cost: est, Source: source}, docs.Graphviz{})
	if err != nil {
		return nil, internal(fmt.Errorf("rendering docs: %w", err))
	}
	files := make([]output.File, 0, len(out.Docs))
	for _, f := range out.Docs {
		files = append(files, output.File{Name: f.Name, Data: f.Data})
	}
	written, err := writeSet(outDir, DocsDir, files)
	if err != nil {
		return nil, err
	}
	report := filepath.Join(outDir, ReportFile)
	if err := output.WriteFile(report, out.Report); err != nil {
		return nil, userError(diag.Pos{File: report}, "check that --out names a directory you can write to", "cannot write output: %v", err)
	}
	return append(written, output.Written{Path: report, Size: len(out.Report)}), nil
}

// userCacheDir is the user's cache directory, or "" when there is none.
func userCacheDir() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return dir
}
