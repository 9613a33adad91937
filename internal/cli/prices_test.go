package cli

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/enclave-dev/enclave/internal/cost"
)

// TestPricesRefreshThenCost refreshes against a fake Retail Prices API that
// prices every meter at 2 USD and checks that cost then uses those prices.
func TestPricesRefreshThenCost(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f := r.URL.Query().Get("$filter")
		regional := strings.Contains(f, "armRegionName eq 'australiaeast'") || strings.Contains(f, "armRegionName eq 'Global'")
		if strings.Contains(f, "armRegionName") && !regional {
			http.Error(w, "unexpected filter "+f, http.StatusBadRequest)
			return
		}
		items := []map[string]any{{"currencyCode": "USD", "retailPrice": 2.0, "unitOfMeasure": "1 Hour", "type": "Consumption", "effectiveStartDate": "2026-10-01T00:00:00Z"}}
		if strings.Contains(f, "Private Zone") {
			items = nil // not sold in the region: keeps the embedded price
		}
		json.NewEncoder(w).Encode(map[string]any{"Items": items})
	}))
	defer srv.Close()
	cache := t.TempDir()
	var out bytes.Buffer
	err := runPricesRefresh(t.Context(), &PricesRefreshOptions{
		IO: IO{Out: &out, ErrOut: &out}, CacheDir: cache, BaseURL: srv.URL, HTTP: srv.Client(),
		Now: func() time.Time { return time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC) },
	})
	if err != nil {
		t.Fatalf("prices refresh: %v\n%s", err, out.String())
	}
	n := len(cost.Embedded().Meters())
	if want := "fetched " + itoa(n-1) + " of " + itoa(n) + " prices for australiaeast"; !strings.Contains(out.String(), want) {
		t.Errorf("prices refresh printed %q; want %q", out.String(), want)
	}
	if !strings.Contains(out.String(), "keeping the embedded price: dns/privatezone") {
		t.Errorf("prices refresh does not report the meter it did not find:\n%s", out.String())
	}

	out.Reset()
	if err := runCost(&CostOptions{IO: IO{Out: &out, ErrOut: &out}, Format: "json", CacheDir: cache}); err != nil {
		t.Fatal(err)
	}
	var r cost.Report
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatal(err)
	}
	for _, l := range r.Lines {
		want := 2.0
		if l.Meter == "dns/privatezone" {
			want = 0.5
		}
		if l.UnitPrice != want {
			t.Errorf("line %s %s unit price = %v; want %v", l.Resource, l.Meter, l.UnitPrice, want)
		}
	}
}

func TestPricesRefreshServerDown(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "unavailable", http.StatusServiceUnavailable)
	}))
	defer srv.Close()
	cache := t.TempDir()
	var out bytes.Buffer
	err := runPricesRefresh(t.Context(), &PricesRefreshOptions{IO: IO{Out: &out, ErrOut: &out}, Region: "westeurope", CacheDir: cache, BaseURL: srv.URL, HTTP: srv.Client(), Now: time.Now})
	if err == nil || !strings.Contains(err.Error(), "503") {
		t.Fatalf("prices refresh against a failing server = %v; want a 503 error", err)
	}
	if c, _ := cost.LoadCache(cache, "westeurope"); c != nil {
		t.Error("a failed refresh wrote a cache")
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }
