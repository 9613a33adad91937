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

func TestLiteralJSONEscapesExpressionsInValuesOnly(t *testing.T) {
	tests := []struct{ in, want string }{
		{`{"field": "[concat('a', 'b')]"}`, `{"field": "[[concat('a', 'b')]"}`},
		{`{"[key]": ["[x]", "y", "a\"[b"]}`, `{"[key]": ["[[x]", "y", "a\"[b"]}`},
		{`{"s": "q\\", "t": "[u"}`, `{"s": "q\\", "t": "[[u"}`},
		{`{"empty": "", "n": 1, "b": true}`, `{"empty": "", "n": 1, "b": true}`},
	}
	for _, tt := range tests {
		got, err := literalJSON([]byte(tt.in))
		if err != nil || string(got) != tt.want {
			t.Errorf("literalJSON(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	if _, err := literalJSON([]byte(`{"a": `)); err == nil {
		t.Error("literalJSON(truncated) succeeded; want an error")
	}
}
