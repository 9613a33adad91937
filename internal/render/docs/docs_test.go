package docs

import (
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/enclave-dev/enclave/internal/compile"
	"github.com/enclave-dev/enclave/internal/cost"
	"github.com/enclave-dev/enclave/internal/model"
	"github.com/enclave-dev/enclave/internal/spec"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

func exampleInput(t testing.TB) Input {
	t.Helper()
	res, ds, err := compile.Compile(spec.Example())
	if err != nil || ds.HasErrors() {
		t.Fatalf("Compile(example) = %v, %v", ds, err)
	}
	return Input{Graph: res.Graph, Cost: cost.Estimate(res.Graph, cost.Embedded(), cost.DefaultAssumptions()), Source: "<built-in example>"}
}

// The example rendered with Graphviz once for every test that needs it.
var (
	renderOnce sync.Once
	rendered   *Output
	renderErr  error
)

func exampleOutput(t *testing.T) *Output {
	t.Helper()
	renderOnce.Do(func() { rendered, renderErr = Render(exampleInput(t), Graphviz{}) })
	if renderErr != nil {
		t.Fatalf("Render(example): %v", renderErr)
	}
	return rendered
}

func TestGolden(t *testing.T) {
	out := exampleOutput(t)
	for _, f := range out.Docs {
		if f.Name == "architecture.svg" {
			continue // checked structurally: Graphviz's layout is not ours to pin
		}
		t.Run(f.Name, func(t *testing.T) {
			path := filepath.Join("testdata", "golden", f.Name)
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, f.Data, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/render/docs -update)", err)
			}
			if diff := cmp.Diff(string(want), string(f.Data)); diff != "" {
				t.Errorf("%s differs from %s (-want +got); run with -update if intended:\n%s", f.Name, path, diff)
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	in := exampleInput(t)
	a, b := README(in), README(exampleInput(t))
	if !bytes.Equal(a, b) {
		t.Error("README of the example differs between two runs")
	}
	if !bytes.Equal(Diagram(in.Graph), Diagram(exampleInput(t).Graph)) {
		t.Error("diagram of the example differs between two runs")
	}
	svg := exampleOutput(t).Docs
	again, err := Render(exampleInput(t), Graphviz{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range svg {
		if !bytes.Equal(svg[i].Data, again.Docs[i].Data) {
			t.Errorf("%s differs between two runs", svg[i].Name)
		}
	}
	if !bytes.Equal(exampleOutput(t).Report, again.Report) {
		t.Error("report.html differs between two runs")
	}
}

// svgTexts returns the text content of every <text> element.
func svgTexts(t *testing.T, svg []byte) string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(svg))
	dec.Strict = true
	var b strings.Builder
	inText := false
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("SVG does not parse as XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			inText = tok.Name.Local == "text"
		case xml.EndElement:
			inText = false
			b.WriteString("\n")
		case xml.CharData:
			if inText {
				b.Write(tok)
			}
		}
	}
	return b.String()
}

// services are the kinds the diagram must name.
func serviceNames(g *model.Graph) []string {
	var out []string
	for _, r := range g.Resources() {
		switch r := r.(type) {
		case *model.VirtualMachine, *model.AzureFirewall, *model.BastionHost, *model.VirtualNetworkGateway,
			*model.ManagedCluster, *model.ContainerRegistry, *model.MLWorkspace, *model.StorageAccount, *model.KeyVault,
			*model.DataFactory, *model.DatabricksWorkspace, *model.SynapseWorkspace, *model.EventHubNamespace,
			*model.WebApp, *model.LocalNetworkGateway, *model.DNSResolverInboundEndpoint:
			out = append(out, r.Base().Name)
		case *model.MLCompute:
			if r.Kind == model.MLComputeCluster {
				out = append(out, r.Name)
			}
		}
	}
	return out
}

func TestSVGNamesEverything(t *testing.T) {
	out := exampleOutput(t)
	var svg []byte
	for _, f := range out.Docs {
		if f.Name == "architecture.svg" {
			svg = f.Data
		}
	}
	text := svgTexts(t, svg)
	g := exampleInput(t).Graph
	want := serviceNames(g)
	for _, v := range model.All[*model.VirtualNetwork](g) {
		want = append(want, v.Name)
		for _, s := range v.Subnets {
			want = append(want, s.Name, s.Prefix.String())
		}
	}
	want = append(want, "pypi.org", "10.0.12.20:1521")
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("architecture.svg does not name %q", w)
		}
	}
	if len(want) < 40 {
		t.Errorf("checked only %d names; want the whole example", len(want))
	}
}

// TestReportSelfContained parses report.html as XML (the template keeps it
// well-formed) and rejects scripts, stylesheets and anything fetched from
// elsewhere.
func TestReportSelfContained(t *testing.T) {
	html := exampleOutput(t).Report
	dec := xml.NewDecoder(bytes.NewReader(html))
	dec.Strict = true
	dec.Entity = xml.HTMLEntity
	ids := map[string]bool{}
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("report.html does not parse: %v", err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "script", "link", "iframe", "object", "embed", "img":
			t.Errorf("report.html has a <%s> element", se.Name.Local)
		case "section", "h2":
			for _, a := range se.Attr {
				if a.Name.Local == "id" {
					ids[a.Value] = true
				}
			}
		}
		for _, a := range se.Attr {
			if a.Name.Local == "src" || a.Name.Local == "href" || strings.HasPrefix(a.Name.Local, "on") {
				t.Errorf("report.html: <%s %s=%q> refers outside the page or runs code", se.Name.Local, a.Name.Local, a.Value)
			}
		}
	}
	if regexp.MustCompile(`(?i)url\(|@import|@font-face`).Match(html) {
		t.Error("report.html styles load a resource")
	}
	for _, want := range []string{"summary", "diagram", "intents", "findings", "cost"} {
		if !ids[want] {
			t.Errorf("report.html has no %q section", want)
		}
	}
	for _, want := range []string{"Not evaluated: this run did not verify the network intents", "Not evaluated: this run did not check the policy rules", "<svg"} {
		if !bytes.Contains(html, []byte(want)) {
			t.Errorf("report.html lacks %q", want)
		}
	}
}

func TestResultsShown(t *testing.T) {
	in := exampleInput(t)
	in.Results = Results{
		Intents:  []IntentResult{{Name: "ws-to-pypi", From: "workstations", To: "pypi.org", Port: "443", Expect: "allow", Verdict: "allow", Holds: true, DecidedBy: []string{"rcg-packages/preset-python"}}},
		Findings: []Finding{},
	}
	readme := string(README(in))
	for _, want := range []string{"| ws-to-pypi | workstations | pypi.org | 443 | allow | allow | holds | rcg-packages/preset-python |", "No findings."} {
		if !strings.Contains(readme, want) {
			t.Errorf("README with results lacks %q", want)
		}
	}
	html, err := Report(in, []byte("<svg></svg>"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(html, []byte("ws-to-pypi")) || bytes.Contains(html, []byte("Not evaluated")) {
		t.Error("report.html does not show the results handed in")
	}
}

// TestFindingsShown: open findings are listed; exempted ones separately,
// with the exemption; with only exempted ones the docs still say "No
// findings.".
func TestFindingsShown(t *testing.T) {
	in := exampleInput(t)
	in.Results = Results{Findings: []Finding{
		{Policy: "enclave-storage-tls", Resource: "rg-data:Microsoft.Storage/storageAccounts/st1", Effect: "Deny", Message: "minimumTlsVersion is TLS1_0"},
		{Policy: "enclave-aks-local-accounts", Resource: "rg-ml:Microsoft.ContainerService/managedClusters/aks", Effect: "Audit", Message: "disableLocalAccounts is false", Exemption: "Waiver: Azure Machine Learning needs them"},
	}}
	readme := string(README(in))
	html, err := Report(in, []byte("<svg></svg>"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"| enclave-storage-tls | rg-data:Microsoft.Storage/storageAccounts/st1 | Deny | minimumTlsVersion is TLS1_0 |",
		"| enclave-aks-local-accounts | rg-ml:Microsoft.ContainerService/managedClusters/aks | Audit | Waiver: Azure Machine Learning needs them |"} {
		if !strings.Contains(readme, want) {
			t.Errorf("README lacks %q", want)
		}
	}
	if strings.Contains(readme, "No findings.") || !strings.Contains(string(html), "<td>Waiver: Azure Machine Learning needs them</td>") {
		t.Errorf("README or report.html misreport findings:\n%s", readme)
	}
	in.Results.Exemptions = []Exemption{{Policy: "Geo-redundant storage should be enabled", Resources: "Microsoft.Storage/storageAccounts", Category: "Waiver", Reason: "zone-redundant is enough"}}
	if readme := string(README(in)); !strings.Contains(readme, "| Geo-redundant storage should be enabled | Microsoft.Storage/storageAccounts | Waiver | zone-redundant is enough |") {
		t.Errorf("README lacks the declared exemption")
	}
	if html, err := Report(in, []byte("<svg></svg>")); err != nil || !strings.Contains(string(html), "<td>zone-redundant is enough</td>") {
		t.Errorf("report.html lacks the declared exemption (%v)", err)
	}
	in.Results.Findings = in.Results.Findings[1:]
	if readme := string(README(in)); !strings.Contains(readme, "No findings.") || !strings.Contains(readme, "Waiver: Azure Machine Learning needs them") {
		t.Errorf("README with only exempted findings lacks \"No findings.\" or the exemption")
	}
}

func TestNetworkRunbookForwardsEveryZone(t *testing.T) {
	in := exampleInput(t)
	var nw string
	for _, f := range Runbooks(in) {
		if f.Name == "runbook-network-engineer.md" {
			nw = string(f.Data)
		}
	}
	inbound := model.All[*model.DNSResolverInboundEndpoint](in.Graph)[0].PrivateIP.String()
	for _, z := range model.All[*model.PrivateDNSZone](in.Graph) {
		if !strings.Contains(nw, "| `"+z.Name+"` | "+inbound+" | `") {
			t.Errorf("network runbook does not forward %s to %s", z.Name, inbound)
		}
	}
}

// TestReportInChromium loads report.html in headless Chromium and fails on
// any console error or failed load. Debian's chromium package provides the
// browser; without it the test is skipped.
func TestReportInChromium(t *testing.T) {
	bin := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			bin = p
			break
		}
	}
	if bin == "" {
		t.Skip("chromium is not installed (apt-get install chromium); skipping the browser test of report.html")
	}
	if testing.Short() {
		t.Skip("-short: skipping the browser test")
	}
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	if err := os.WriteFile(page, exampleOutput(t).Report, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0",
		"--user-data-dir="+filepath.Join(dir, "profile"), "--dump-dom", "file://"+page)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	done := make(chan error, 1)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("chromium: %v\n%s", err, stderr.Bytes())
		}
	case <-time.After(60 * time.Second):
		cmd.Process.Kill()
		t.Fatal("chromium did not finish in 60s")
	}
	for _, line := range strings.Split(stderr.String(), "\n") {
		if strings.Contains(line, "CONSOLE") || strings.Contains(line, "net::ERR") || strings.Contains(line, "Uncaught") {
			t.Errorf("chromium: %s", line)
		}
	}
	if !strings.Contains(stdout.String(), "<svg") || !strings.Contains(stdout.String(), "Monthly cost") {
		t.Errorf("chromium's DOM of report.html lacks the diagram or the cost section")
	}
}

func BenchmarkRenderSVG(b *testing.B) {
	dot := Diagram(exampleInput(b).Graph)
	for b.Loop() {
		if _, err := (Graphviz{}).SVG(dot); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkREADME(b *testing.B) {
	in := exampleInput(b)
	for b.Loop() {
		README(in)
	}
}
