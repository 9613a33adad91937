package cost

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func writeFileForTest(name string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	return os.WriteFile(name, data, 0o644)
}

func smallTable(t *testing.T) *Table {
	t.Helper()
	tab, err := parseTable([]byte(`{"currency":"USD","meters":[
{"id":"a","serviceName":"S","productName":"P","meterName":"A","unit":"1 Hour","usd":1,"region":"eastus","date":"d","source":"https://x"},
{"id":"b","serviceName":"S","productName":"P","meterName":"B","unit":"1 Hour","usd":2,"region":"eastus","date":"d","source":"https://x"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	return tab
}

func TestRefreshPaginates(t *testing.T) {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f := r.URL.Query().Get("$filter")
		if !strings.Contains(f, "armRegionName eq 'australiaeast'") || !strings.Contains(f, "priceType eq 'Consumption'") {
			http.Error(w, "bad filter "+f, http.StatusBadRequest)
			return
		}
		var p retailPage
		switch {
		case strings.Contains(f, "meterName eq 'A'") && r.URL.Query().Get("page") == "":
			// The first page holds only a spot price; the real one is on page 2.
			p.Items = []retailItem{{CurrencyCode: "USD", RetailPrice: 0.1, SkuName: "A Spot", Type: "Consumption", UnitOfMeasure: "1 Hour"}}
			p.NextPageLink = srv.URL + "?page=2&$filter=" + strings.ReplaceAll(f, " ", "%20")
		case strings.Contains(f, "meterName eq 'A'"):
			p.Items = []retailItem{{CurrencyCode: "USD", RetailPrice: 1.5, SkuName: "A", Type: "Consumption", UnitOfMeasure: "1 Hour", EffectiveStartDate: "2026-01-01T00:00:00Z"}}
		default:
			// Meter B is not sold in the region.
		}
		json.NewEncoder(w).Encode(p)
	}))
	defer srv.Close()
	c := &Client{BaseURL: srv.URL, HTTP: srv.Client()}
	found, missing, err := c.Refresh(context.Background(), smallTable(t), "australiaeast", time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatalf("Refresh: %v", err)
	}
	if len(found) != 1 || found[0].ID != "a" || found[0].USD != 1.5 || found[0].Region != "australiaeast" || found[0].Date != "2026-11-22" {
		t.Errorf("Refresh found %+v; want meter a at 1.5 in australiaeast dated 2026-11-22", found)
	}
	if len(missing) != 1 || missing[0] != "b" {
		t.Errorf("Refresh missing = %v; want [b]", missing)
	}
}

func TestRefreshHTTPError(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, `{"Error":"throttled"}`, http.StatusTooManyRequests)
	}))
	defer srv.Close()
	c := &Client{BaseURL: srv.URL, HTTP: srv.Client()}
	_, _, err := c.Refresh(context.Background(), smallTable(t), "eastus", time.Now())
	if err == nil || !strings.Contains(err.Error(), "429") || !strings.Contains(err.Error(), "throttled") {
		t.Errorf("Refresh(429) error = %v; want the status and body", err)
	}
}

func TestRefreshBadJSON(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "<html>not json</html>")
	}))
	defer srv.Close()
	c := &Client{BaseURL: srv.URL, HTTP: srv.Client()}
	if _, _, err := c.Refresh(context.Background(), smallTable(t), "eastus", time.Now()); err == nil || !strings.Contains(err.Error(), "decoding") {
		t.Errorf("Refresh(html) error = %v; want a decoding error", err)
	}
}

func TestRefreshTimeout(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(release)
	c := &Client{BaseURL: srv.URL, HTTP: &http.Client{Timeout: 50 * time.Millisecond}}
	if _, _, err := c.Refresh(context.Background(), smallTable(t), "eastus", time.Now()); err == nil || !strings.Contains(err.Error(), "Timeout") {
		t.Errorf("Refresh(slow server) error = %v; want a timeout", err)
	}
}

func TestRefreshEndlessPagination(t *testing.T) {
	var hits atomic.Int32
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		json.NewEncoder(w).Encode(retailPage{NextPageLink: srv.URL + "?again"})
	}))
	defer srv.Close()
	c := &Client{BaseURL: srv.URL, HTTP: srv.Client()}
	if _, _, err := c.Refresh(context.Background(), smallTable(t), "eastus", time.Now()); err == nil || !strings.Contains(err.Error(), "pages") {
		t.Errorf("Refresh(endless) error = %v; want a page limit error", err)
	}
	if hits.Load() != maxPages {
		t.Errorf("server hit %d times; want %d", hits.Load(), maxPages)
	}
}

func TestFilter(t *testing.T) {
	tests := []struct {
		m    Meter
		want string
	}{
		{Meter{ServiceName: "S", ProductName: "O'Brien", MeterName: "M"},
			"serviceName eq 'S' and armRegionName eq 'eastus' and priceType eq 'Consumption' and productName eq 'O''Brien' and meterName eq 'M'"},
		{Meter{ServiceName: "Virtual Network", ProductName: "Virtual Network Private Link", MeterName: "Standard Private Endpoint", BillingRegion: "Global"},
			"serviceName eq 'Virtual Network' and armRegionName eq 'Global' and priceType eq 'Consumption' and productName eq 'Virtual Network Private Link' and meterName eq 'Standard Private Endpoint'"},
		{Meter{ServiceName: "Azure DNS", ProductName: "Azure DNS", MeterName: "Private Zone", BillingRegion: "none"},
			"serviceName eq 'Azure DNS' and priceType eq 'Consumption' and productName eq 'Azure DNS' and meterName eq 'Private Zone'"},
	}
	for _, tt := range tests {
		if got := Filter(tt.m, "eastus"); got != tt.want {
			t.Errorf("Filter(%+v) = %q; want %q", tt.m, got, tt.want)
		}
	}
}
