package cli

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"testing"
)

func TestRunVersion(t *testing.T) {
	platform := runtime.GOOS + "/" + runtime.GOARCH
	tests := []struct {
		name string
		info *debug.BuildInfo
		want string
	}{
		{
			name: "no build info",
			want: fmt.Sprintf("enclave (devel)\nbuilt with %s %s\n", runtime.Version(), platform),
		},
		{
			name: "source tree",
			info: &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}},
			want: "enclave (devel)\nbuilt with go1.26.8 " + platform + "\n",
		},
		{
			name: "module version with revision",
			info: &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v0.3.0"}, Settings: []debug.BuildSetting{
				{Key: "vcs.revision", Value: "abc123"}, {Key: "vcs.modified", Value: "true"},
			}},
			want: "enclave v0.3.0\ncommit abc123 (modified)\nbuilt with go1.26.8 " + platform + "\n",
		},
	}
	for _, tt := range tests {
		io, stdout, _ := streams()
		info := func() (*debug.BuildInfo, bool) { return tt.info, tt.info != nil }
		if err := runVersion(&VersionOptions{IO: io, BuildInfo: info}); err != nil {
			t.Fatal(err)
		}
		if got := stdout.String(); got != tt.want {
			t.Errorf("runVersion(%s) = %q; want %q", tt.name, got, tt.want)
		}
	}
}
