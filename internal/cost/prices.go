// Package cost estimates what an environment costs per month: one line per
// billable meter of every resource in a model.Graph, priced from a table of
// retail USD prices. The table is embedded (each meter with its date and
// source) and can be overridden by prices fetched from the public Azure
// Retail Prices API into the user's cache (see Refresh).
package cost

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
)

// Meter is one priced unit of consumption. ServiceName, ProductName and
// MeterName are the Azure Retail Prices API's fields that identify it, so
// that Refresh can ask for its current price.
type Meter struct {
	ID          string  `json:"id"`
	ServiceName string  `json:"serviceName"`
	ProductName string  `json:"productName"`
	MeterName   string  `json:"meterName"`
	Unit        string  `json:"unit"`
	USD         float64 `json:"usd"`
	Region      string  `json:"region"`
	// Date is when the price was looked up or fetched; Source where from;
	// Checked says how far the figure was verified.
	Date    string `json:"date"`
	Source  string `json:"source"`
	Checked string `json:"checked,omitempty"`
	// BillingRegion says where the Retail Prices API lists the meter: ""
	// in the deployment region, "Global" in the Global billing region, or
	// "none" without a region (private DNS zones, Defender plans).
	BillingRegion string `json:"billingRegion,omitempty"`
	// VCPUs is the vCPU count of a virtual machine size meter.
	VCPUs int `json:"vcpus,omitempty"`
}

// Table is a set of meters by ID.
type Table struct {
	Note   string
	meters map[string]Meter
}

//go:embed prices.json
var embeddedPrices []byte

type tableFile struct {
	Currency string  `json:"currency"`
	Note     string  `json:"note"`
	Meters   []Meter `json:"meters"`
}

// Embedded returns the price table compiled into enclave.
func Embedded() *Table {
	t, err := parseTable(embeddedPrices)
	if err != nil {
		panic(fmt.Sprintf("embedded price table: %v", err))
	}
	return t
}

func parseTable(data []byte) (*Table, error) {
	var f tableFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, err
	}
	if f.Currency != "" && f.Currency != "USD" {
		return nil, fmt.Errorf("currency %q; want USD", f.Currency)
	}
	t := &Table{Note: f.Note, meters: map[string]Meter{}}
	for _, m := range f.Meters {
		if m.ID == "" {
			return nil, errors.New("meter without id")
		}
		if _, dup := t.meters[m.ID]; dup {
			return nil, fmt.Errorf("meter %s listed twice", m.ID)
		}
		t.meters[m.ID] = m
	}
	return t, nil
}

// Meter returns the meter with the given ID.
func (t *Table) Meter(id string) (Meter, bool) {
	m, ok := t.meters[id]
	return m, ok
}

// Meters returns every meter sorted by ID.
func (t *Table) Meters() []Meter {
	out := make([]Meter, 0, len(t.meters))
	for _, m := range t.meters {
		out = append(out, m)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Override returns a copy of t in which the given meters replace those with
// the same ID; meters t does not know are ignored, since no estimate asks
// for them.
func (t *Table) Override(ms []Meter) *Table {
	out := &Table{Note: t.Note, meters: make(map[string]Meter, len(t.meters))}
	for id, m := range t.meters {
		out.meters[id] = m
	}
	for _, m := range ms {
		if old, ok := out.meters[m.ID]; ok {
			m.VCPUs = old.VCPUs
			m.BillingRegion = old.BillingRegion
			out.meters[m.ID] = m
		}
	}
	return out
}

// Cache is the file prices refresh writes for one region.
type Cache struct {
	Region  string  `json:"region"`
	Fetched string  `json:"fetched"`
	Meters  []Meter `json:"meters"`
}

// CachePath is where the refreshed prices of region live under dir (the
// user's cache directory, os.UserCacheDir).
func CachePath(dir, region string) string {
	return filepath.Join(dir, "enclave", "prices-"+region+".json")
}

// LoadCache reads the cached prices of region from dir; it returns nil and
// no error when there are none.
func LoadCache(dir, region string) (*Cache, error) {
	data, err := os.ReadFile(CachePath(dir, region))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var c Cache
	if err := json.Unmarshal(data, &c); err != nil {
		return nil, fmt.Errorf("%s: %w", CachePath(dir, region), err)
	}
	return &c, nil
}

// Encode returns the cache file's content.
func (c *Cache) Encode() ([]byte, error) {
	sort.Slice(c.Meters, func(i, j int) bool { return c.Meters[i].ID < c.Meters[j].ID })
	data, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(data, '\n'), nil
}

// ForRegion returns the table to price an environment in region with: the
// embedded table overridden by the cache in dir when one exists for the
// region. dir "" skips the cache.
func ForRegion(dir, region string) (*Table, *Cache, error) {
	t := Embedded()
	if dir == "" {
		return t, nil, nil
	}
	c, err := LoadCache(dir, region)
	if err != nil || c == nil {
		return t, nil, err
	}
	return t.Override(c.Meters), c, nil
}
