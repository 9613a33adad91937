package importarm_test

import (
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/enclave-dev/enclave/internal/compile"
	"github.com/enclave-dev/enclave/internal/importarm"
	"github.com/enclave-dev/enclave/internal/render/arm"
	"github.com/enclave-dev/enclave/internal/spec"
)

// exampleTemplate renders the built-in example as enclave plan does.
func exampleTemplate(tb testing.TB) arm.Output {
	tb.Helper()
	res, ds, err := compile.Compile(spec.Example())
	if err != nil || ds.HasErrors() {
		tb.Fatalf("Compile(example): %v %s", err, ds.Error())
	}
	out, err := arm.Render(res.Graph)
	if err != nil {
		tb.Fatalf("Render(example): %v", err)
	}
	return out
}

// exampleParams gives the example's parameters that have no default.
const exampleParams = `{"parameters": {
  "adminSshPublicKey": {"value": "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample"},
  "integrationRuntimeAdminPassword": {"value": "not-a-real-password"},
  "vpnSharedKey": {"value": "not-a-real-key"}
}}`

func TestEvaluateExample(t *testing.T) {
	out := exampleTemplate(t)
	res, ds := importarm.Evaluate("azuredeploy.json", out.Template, []byte(exampleParams), importarm.Options{})
	if ds.HasErrors() {
		t.Fatalf("Evaluate(example) diagnostics:\n%s", ds.Error())
	}
	if len(res.Resources) < 300 {
		t.Fatalf("Evaluate(example) gave %d resources; want the ~400 enclave plan renders", len(res.Resources))
	}
	causes := map[importarm.Cause]int{}
	exprs := map[string]int{}
	for _, r := range res.Resources {
		if r.ID == "" || !strings.HasPrefix(r.ID, "/subscriptions/") {
			t.Errorf("%s %s: ID %q", r.Type, r.Name, r.ID)
		}
	}
	for _, ru := range res.Unknowns() {
		causes[ru.Unknown.Cause]++
		fn, _, _ := strings.Cut(ru.Unknown.Expr, "(")
		exprs[fn]++
	}
	// The rendered template reads runtime state only through reference()
	// and list*() calls and takes secrets only as secure parameters; every
	// other value is known. Each call appears once in the template (it has
	// no copy loops), so the unknowns must match the calls one for one.
	text := string(out.Template)
	want := map[importarm.Cause]int{
		importarm.CauseReference: strings.Count(text, "reference("),
		importarm.CauseList:      len(regexp.MustCompile(`\blist[A-Za-z]*\(`).FindAllString(text, -1)),
		importarm.CauseSecure:    strings.Count(text, "parameters('vpnSharedKey')") + strings.Count(text, "parameters('integrationRuntimeAdminPassword')"),
	}
	if diff := cmp.Diff(want, causes); diff != "" {
		t.Errorf("unknowns by cause (-want +got):\n%s", diff)
	}
	if want[importarm.CauseReference] == 0 {
		t.Errorf("the example template has no reference() call; the test lost its point")
	}
	var keys []string
	for k, n := range exprs {
		keys = append(keys, k+"="+itoa(n))
	}
	sort.Strings(keys)
	t.Logf("%d resources; unknowns by cause %v; by expression %v", len(res.Resources), causes, keys)
}

func itoa(n int) string {
	var b []byte
	for {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
		if n == 0 {
			return string(b)
		}
	}
}

func BenchmarkImport(b *testing.B) {
	out := exampleTemplate(b)
	params := []byte(exampleParams)
	opts := importarm.Options{Functions: importarm.NewFunctions()}
	b.ReportAllocs()
	b.SetBytes(int64(len(out.Template)))
	for b.Loop() {
		if _, ds := importarm.Evaluate("azuredeploy.json", out.Template, params, opts); ds.HasErrors() {
			b.Fatal(ds.Error())
		}
	}
}
