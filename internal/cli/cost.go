package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/enclave-dev/enclave/internal/cost"
	"github.com/enclave-dev/enclave/internal/diag"
)

// CostOptions are the inputs of enclave cost.
type CostOptions struct {
	IO
	SpecFile string
	// Format is "text" or "json".
	Format   string
	CacheDir string
}

// NewCmdCost returns the cost command; runF replaces runCost in tests.
func NewCmdCost(streams IO, runF func(*CostOptions) error) *cobra.Command {
	opts := &CostOptions{IO: streams, CacheDir: userCacheDir()}
	cmd := &cobra.Command{
		Use:   "cost [SPEC]",
		Short: "Estimate the environment's monthly cost at retail prices",
		Long: `cost compiles SPEC (the built-in example when omitted) and prices every
billable resource per month: one line per meter, with the quantity, the
unit price and what the quantity rests on. It lists the assumptions (hours
under the auto-shutdown schedule, node counts, gateway and firewall hours,
storage GB), the savings from auto-shutdown and scale-to-zero, and what
other choices (firewall tier, VPN gateway SKU, GPU or CPU workstations)
would change.

Prices come from a table compiled into enclave, each meter with its date
and source; after 'enclave prices refresh --region R' the prices fetched
for R are used instead for environments in R.`,
		Example: `  enclave cost
  enclave cost enclave.yaml --format json | jq .monthlyTotal`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.SpecFile = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return runCost(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "text", "output format: text or json")
	return cmd
}

func runCost(opts *CostOptions) error {
	if opts.Format != "text" && opts.Format != "json" {
		return userError(diag.Pos{}, "use --format text or --format json", "unknown format %q", opts.Format)
	}
	_, res, err := compileSpec(opts.SpecFile, opts.ErrOut)
	if err != nil {
		return err
	}
	r, err := estimate(res, opts.CacheDir)
	if err != nil {
		return err
	}
	if opts.Format == "json" {
		data, err := json.MarshalIndent(r, "", "  ")
		if err != nil {
			return internal(err)
		}
		fmt.Fprintf(opts.Out, "%s\n", data)
		return nil
	}
	writeCost(opts.Out, res.Graph.Name, r)
	return nil
}

// writeCost prints the estimate as tables.
func writeCost(w io.Writer, name string, r *cost.Report) {
	fmt.Fprintf(w, "%s in %s: about %s %s a month at retail prices (price region %s)\n\n", name, r.Region, usd(r.MonthlyTotal), r.Currency, strings.Join(r.PriceRegions, ", "))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "resource\tmeter\tquantity\tunit\tunit price\tmonthly\t")
	for _, l := range r.Lines {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%g\t%s\t\n", l.Resource, l.Meter, trimFloat(l.Quantity), l.Unit, l.UnitPrice, usd(l.Monthly))
	}
	fmt.Fprintf(tw, "total\t\t\t\t\t%s\t\n", usd(r.MonthlyTotal))
	tw.Flush()
	fmt.Fprintln(w, "\nAssumptions")
	for _, a := range r.Assumptions {
		fmt.Fprintf(w, "  %s: %s (%s)\n", a.Name, a.Value, a.Why)
	}
	var saved float64
	fmt.Fprintln(w, "\nSavings")
	for _, s := range r.Savings {
		saved += s.Monthly
		fmt.Fprintf(w, "  %s: %s a month; %s\n", s.What, usd(s.Monthly), s.Basis)
	}
	fmt.Fprintf(w, "  total: %s a month\n", usd(saved))
	fmt.Fprintln(w, "\nOptions")
	for _, o := range r.Options {
		note := ""
		if o.Note != "" {
			note = " (" + o.Note + ")"
		}
		fmt.Fprintf(w, "  %s: %s instead of %s changes the total by %s a month%s\n", o.Choice, o.Alternative, o.Current, signedUSD(o.MonthlyDelta), note)
	}
	if len(r.Unpriced) > 0 {
		fmt.Fprintln(w, "\nNot priced")
		for _, u := range r.Unpriced {
			fmt.Fprintf(w, "  %s: %s\n", u.Resource, u.Why)
		}
	}
}

func usd(x float64) string { return "$" + commas(fmt.Sprintf("%.2f", x)) }

func signedUSD(x float64) string {
	if x < 0 {
		return "-" + usd(-x)
	}
	return "+" + usd(x)
}

func commas(s string) string {
	i, f, _ := strings.Cut(s, ".")
	var b strings.Builder
	for k, c := range i {
		if k > 0 && (len(i)-k)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String() + "." + f
}

func trimFloat(x float64) string {
	return strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.4f", x), "0"), ".")
}
