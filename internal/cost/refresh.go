package cost

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// RetailPricesURL is the public, unauthenticated Azure Retail Prices API.
// https://learn.microsoft.com/rest/api/cost-management/retail-prices/azure-retail-prices
const RetailPricesURL = "https://prices.azure.com/api/retail/prices"

// maxPages bounds how many NextPageLink hops one query may take.
const maxPages = 50

// Client fetches prices from the Retail Prices API.
type Client struct {
	// BaseURL is RetailPricesURL, or a test server's.
	BaseURL string
	HTTP    *http.Client
}

// retailItem is the part of an API item the refresh reads.
type retailItem struct {
	CurrencyCode       string  `json:"currencyCode"`
	RetailPrice        float64 `json:"retailPrice"`
	ArmRegionName      string  `json:"armRegionName"`
	EffectiveStartDate string  `json:"effectiveStartDate"`
	MeterName          string  `json:"meterName"`
	ProductName        string  `json:"productName"`
	SkuName            string  `json:"skuName"`
	ServiceName        string  `json:"serviceName"`
	UnitOfMeasure      string  `json:"unitOfMeasure"`
	Type               string  `json:"type"`
	TierMinimumUnits   float64 `json:"tierMinimumUnits"`
}

type retailPage struct {
	Items        []retailItem `json:"Items"`
	NextPageLink string       `json:"NextPageLink"`
}

// Filter returns the OData $filter that selects meter m's consumption
// price in region.
func Filter(m Meter, region string) string {
	q := func(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
	where := " and armRegionName eq " + q(region)
	switch m.BillingRegion {
	case "none":
		where = ""
	case "":
	default:
		where = " and armRegionName eq " + q(m.BillingRegion)
	}
	return fmt.Sprintf("serviceName eq %s%s and priceType eq 'Consumption' and productName eq %s and meterName eq %s",
		q(m.ServiceName), where, q(m.ProductName), q(m.MeterName))
}

// Refresh asks the API for the current price of every meter of t in region.
// It returns the meters it found (dated today, sourced from the API) and
// the IDs of those the API does not list for the region; an HTTP or decode
// failure stops the refresh with an error.
func (c *Client) Refresh(ctx context.Context, t *Table, region string, now time.Time) (found []Meter, missing []string, err error) {
	for _, m := range t.Meters() {
		items, err := c.query(ctx, Filter(m, region))
		if err != nil {
			return nil, nil, fmt.Errorf("meter %s: %w", m.ID, err)
		}
		item, ok := pick(items)
		if !ok {
			missing = append(missing, m.ID)
			continue
		}
		m.USD = item.RetailPrice
		m.Region = region

		m.Unit = item.UnitOfMeasure
		m.Date = now.UTC().Format("2006-01-02")
		m.Source = RetailPricesURL + "?$filter=" + url.QueryEscape(Filter(m, region))
		m.Checked = "fetched from the Azure Retail Prices API (effective " + strings.TrimSuffix(item.EffectiveStartDate, "T00:00:00Z") + ")"
		switch m.BillingRegion {
		case "none":
			m.Checked += "; the API lists it without a region"
		case "":
		default:
			m.Checked += "; the API lists it under billing region " + m.BillingRegion
		}
		found = append(found, m)
	}
	return found, missing, nil
}

// pick chooses the pay-as-you-go USD price of the first tier: the API may
// list spot, low-priority and tiered variants under one meter name.
func pick(items []retailItem) (retailItem, bool) {
	for _, it := range items {
		if it.CurrencyCode != "" && it.CurrencyCode != "USD" {
			continue
		}
		if it.Type != "" && it.Type != "Consumption" || it.TierMinimumUnits != 0 {
			continue
		}
		if strings.Contains(it.SkuName, "Spot") || strings.Contains(it.SkuName, "Low Priority") {
			continue
		}
		return it, true
	}
	return retailItem{}, false
}

// query fetches every page of one filter, following NextPageLink.
func (c *Client) query(ctx context.Context, filter string) ([]retailItem, error) {
	next := c.BaseURL + "?" + url.Values{"$filter": {filter}}.Encode()
	var items []retailItem
	for page := 0; next != ""; page++ {
		if page == maxPages {
			return nil, fmt.Errorf("more than %d pages", maxPages)
		}
		p, err := c.get(ctx, next)
		if err != nil {
			return nil, err
		}
		items = append(items, p.Items...)
		next = p.NextPageLink
	}
	return items, nil
}

func (c *Client) get(ctx context.Context, u string) (*retailPage, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	hc := c.HTTP
	if hc == nil {
		hc = http.DefaultClient
	}
	resp, err := hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 16<<20))
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		msg := strings.TrimSpace(string(body))
		if len(msg) > 200 {
			msg = msg[:200] + "..."
		}
		return nil, fmt.Errorf("%s: %s", resp.Status, msg)
	}
	var p retailPage
	if err := json.Unmarshal(body, &p); err != nil {
		return nil, fmt.Errorf("decoding response: %w", err)
	}
	return &p, nil
}
