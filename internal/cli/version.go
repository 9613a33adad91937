package cli

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// VersionOptions are the inputs of enclave version.
type VersionOptions struct {
	IO
	// BuildInfo reports how the binary was built; debug.ReadBuildInfo by
	// default.
	BuildInfo func() (*debug.BuildInfo, bool)
}

// NewCmdVersion returns the version command; runF replaces runVersion in
// tests.
func NewCmdVersion(streams IO, runF func(*VersionOptions) error) *cobra.Command {
	opts := &VersionOptions{IO: streams, BuildInfo: debug.ReadBuildInfo}
	return &cobra.Command{
		Use:   "version",
		Short: "Print enclave's version and the Go version it was built with",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return runVersion(opts)
		},
	}
}

// develVersion is what Go reports for a binary built from a source tree.
const develVersion = "(devel)"

func runVersion(opts *VersionOptions) error {
	version, goVersion := develVersion, runtime.Version()
	var revision, modified string
	if bi, ok := opts.BuildInfo(); ok {
		if bi.Main.Version != "" {
			version = bi.Main.Version
		}
		if bi.GoVersion != "" {
			goVersion = bi.GoVersion
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				revision = s.Value
			case "vcs.modified":
				if s.Value == "true" {
					modified = " (modified)"
				}
			}
		}
	}
	fmt.Fprintf(opts.Out, "enclave %s\n", version)
	if revision != "" {
		fmt.Fprintf(opts.Out, "commit %s%s\n", revision, modified)
	}
	fmt.Fprintf(opts.Out, "built with %s %s/%s\n", goVersion, runtime.GOOS, runtime.GOARCH)
	return nil
}
