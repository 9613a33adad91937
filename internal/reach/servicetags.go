package reach

import (
	"encoding/json"
	"fmt"
	"io"
	"net/netip"
)

// ReadServiceTags reads Azure's published service tags (the
// ServiceTags_Public JSON file) into prefixes by tag name. IPv6 prefixes
// are dropped: reach models IPv4.
// https://learn.microsoft.com/en-us/azure/virtual-network/service-tags-overview#discover-service-tags-by-using-downloadable-json-files
func ReadServiceTags(r io.Reader) (map[string][]netip.Prefix, error) {
	var f struct {
		Values []struct {
			Name       string `json:"name"`
			Properties struct {
				AddressPrefixes []string `json:"addressPrefixes"`
			} `json:"properties"`
		} `json:"values"`
	}
	if err := json.NewDecoder(r).Decode(&f); err != nil {
		return nil, fmt.Errorf("reading service tags: %w", err)
	}
	if len(f.Values) == 0 {
		return nil, fmt.Errorf("reading service tags: no values; expected Azure's ServiceTags_Public JSON")
	}
	out := map[string][]netip.Prefix{}
	for _, v := range f.Values {
		var ps []netip.Prefix
		for _, s := range v.Properties.AddressPrefixes {
			p, err := netip.ParsePrefix(s)
			if err != nil {
				return nil, fmt.Errorf("service tag %s: %w", v.Name, err)
			}
			if p.Addr().Is4() {
				ps = append(ps, p)
			}
		}
		out[v.Name] = ps
	}
	return out, nil
}
