package arm

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDiagnosticSettingsNameEveryCategoryGroup(t *testing.T) {
	for _, tc := range []struct {
		groups []string
		want   []logSetting
	}{
		{nil, nil},
		{[]string{"allLogs"}, []logSetting{{CategoryGroup: "audit"}, {CategoryGroup: "allLogs", Enabled: true}}},
		{[]string{"audit"}, []logSetting{{CategoryGroup: "audit", Enabled: true}, {CategoryGroup: "allLogs"}}},
	} {
		if diff := cmp.Diff(tc.want, categoryGroupLogs(tc.groups)); diff != "" {
			t.Errorf("categoryGroupLogs(%q) (-want +got):\n%s", tc.groups, diff)
		}
	}
}
