package report

import (
	"fmt"
	"io"
	"strings"
)

// WriteTable writes the findings for a terminal: one block per finding
// (kind, rule, target, reason, where in the spec), then what could not be
// judged and a summary line.
func WriteTable(w io.Writer, r *Report) error {
	ew := &errWriter{w: w}
	open, suppressed := r.split()
	for _, f := range open {
		title := f.RuleID
		if ru, ok := r.rule(f.RuleID); ok && ru.Name != "" {
			title = fmt.Sprintf("%s (%s)", ru.Name, f.RuleID)
		}
		ew.printf("%-17s %s\n", f.Kind, title)
		ew.printf("  resource: %s\n", f.Target)
		ew.printf("  reason:   %s\n", f.Message)
		for _, c := range f.Changes {
			ew.printf("  change:   %s\n", c)
		}
		if !f.Pos.IsZero() && f.Path != "" {
			ew.printf("  source:   %s (%s)\n", f.Pos, f.Path)
		} else if !f.Pos.IsZero() {
			ew.printf("  spec:     %s\n", f.Pos)
		}
		ew.printf("\n")
	}
	if len(suppressed) > 0 {
		ew.printf("Exempted:\n")
		for _, f := range suppressed {
			ew.printf("  %-17s %s on %s\n", f.Kind, f.RuleID, f.Target)
			ew.printf("    %s: %s\n", f.Suppression.Category, f.Suppression.Reason)
		}
		ew.printf("\n")
	}
	if len(r.Unsupported) > 0 {
		ew.printf("Not evaluated (unsupported):\n")
		for _, u := range r.Unsupported {
			name := u.RuleID
			if ru, ok := r.rule(u.RuleID); ok && ru.Name != "" {
				name = fmt.Sprintf("%s (%s)", ru.Name, u.RuleID)
			}
			ew.printf("  %s: %s\n", name, u.Subject)
		}
		ew.printf("\n")
	}
	for _, e := range r.Errors {
		ew.printf("error: %s\n", e)
	}
	counts := map[Severity]int{}
	for _, f := range open {
		counts[f.Severity]++
	}
	var parts []string
	for _, s := range []struct {
		sev  Severity
		name string
	}{{Error, "deny"}, {Warning, "audit"}, {Info, "change"}} {
		if counts[s.sev] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[s.sev], s.name))
		}
	}
	summary := "no findings"
	if len(parts) > 0 {
		summary = fmt.Sprintf("%d findings (%s)", len(open), strings.Join(parts, ", "))
	}
	ew.printf("%s from %d policies over %d resources", summary, r.Evaluated, r.Targets)
	if len(suppressed) > 0 {
		ew.printf("; %d exempted", len(suppressed))
	}
	if len(r.Unsupported) > 0 {
		ew.printf("; %d unsupported", countRules(r.Unsupported))
	}
	ew.printf("\n")
	return ew.err
}

func countRules(ns []Note) int {
	seen := map[string]bool{}
	for _, n := range ns {
		seen[n.RuleID] = true
	}
	return len(seen)
}

type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}
