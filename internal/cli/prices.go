package cli

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/enclave-dev/enclave/internal/cost"
	"github.com/enclave-dev/enclave/internal/diag"
	"github.com/enclave-dev/enclave/internal/output"
)

// PricesRefreshOptions are the inputs of enclave prices refresh.
type PricesRefreshOptions struct {
	IO
	// Region is the Azure region to fetch; "" takes the spec's location.
	Region   string
	SpecFile string
	CacheDir string
	// BaseURL and HTTP reach the Retail Prices API (a test server in tests).
	BaseURL string
	HTTP    *http.Client
	Now     func() time.Time
}

// NewCmdPrices returns the prices command group.
func NewCmdPrices(streams IO) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "prices",
		Short: "Manage the retail prices cost estimates use",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
	cmd.AddCommand(NewCmdPricesRefresh(streams, nil))
	return cmd
}

// NewCmdPricesRefresh returns prices refresh; runF replaces runPricesRefresh
// in tests.
func NewCmdPricesRefresh(streams IO, runF func(*PricesRefreshOptions) error) *cobra.Command {
	opts := &PricesRefreshOptions{IO: streams, CacheDir: userCacheDir(), BaseURL: cost.RetailPricesURL,
		HTTP: &http.Client{Timeout: 30 * time.Second}, Now: time.Now}
	cmd := &cobra.Command{
		Use:   "refresh [SPEC]",
		Short: "Fetch current retail prices for a region from the Azure Retail Prices API",
		Long: `refresh asks the public Azure Retail Prices API (prices.azure.com, no sign-in)
for the current pay-as-you-go USD price of every meter in enclave's price
table, in REGION (the spec's location when --region is not given), and
saves them in the user's cache directory. From then on 'enclave cost',
'enclave docs' and 'enclave plan' price environments in that region with
them; meters the API does not list for the region keep the embedded price.`,
		Example: `  enclave prices refresh --region australiaeast`,
		Args:    cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.SpecFile = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return runPricesRefresh(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Region, "region", "", "Azure region to fetch prices for (default: the spec's location)")
	return cmd
}

func runPricesRefresh(ctx context.Context, opts *PricesRefreshOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	region := opts.Region
	if region == "" {
		doc, ds := loadSpec(opts.SpecFile)
		if ds.HasErrors() {
			return failed(ds)
		}
		region = doc.Location
	}
	if opts.CacheDir == "" {
		return userError(diag.Pos{}, "set XDG_CACHE_HOME or HOME", "no user cache directory to store prices in")
	}
	c := &cost.Client{BaseURL: opts.BaseURL, HTTP: opts.HTTP}
	now := opts.Now()
	found, missing, err := c.Refresh(ctx, cost.Embedded(), region, now)
	if err != nil {
		return userError(diag.Pos{}, "check your network connection and try again; the embedded prices stay in use", "fetching prices: %v", err)
	}
	if len(found) == 0 {
		return userError(diag.Pos{}, "check the region's programmatic name (az account list-locations -o table)", "the Retail Prices API lists none of enclave's meters in region %q", region)
	}
	data, err := (&cost.Cache{Region: region, Fetched: now.UTC().Format(time.RFC3339), Meters: found}).Encode()
	if err != nil {
		return internal(err)
	}
	path := cost.CachePath(opts.CacheDir, region)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return userError(diag.Pos{File: path}, "check the cache directory's permissions", "cannot write cached prices: %v", err)
	}
	if err := output.WriteFile(path, data); err != nil {
		return userError(diag.Pos{File: path}, "check the cache directory's permissions", "cannot write cached prices: %v", err)
	}
	fmt.Fprintf(opts.Out, "fetched %d of %d prices for %s into %s\n", len(found), len(found)+len(missing), region, path)
	for _, id := range missing {
		fmt.Fprintf(opts.Out, "  not listed for %s, keeping the embedded price: %s\n", region, id)
	}
	return nil
}
