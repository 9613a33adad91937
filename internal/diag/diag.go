// Package diag carries user-facing diagnostics: problems a user can fix,
// each with the place in their file that caused it and a hint. Program
// faults are ordinary errors and never become diagnostics.
package diag

import (
	"fmt"
	"sort"
	"strings"
)

// Pos is a position in a user's file. Line and Col are 1-based; a zero Line
// means the position is unknown.
type Pos struct {
	File string `json:"file,omitempty"`
	Line int    `json:"line,omitempty"`
	Col  int    `json:"col,omitempty"`
}

// IsZero reports whether p carries no position.
func (p Pos) IsZero() bool { return p.Line == 0 }

// String formats p as file:line:col, omitting what is unknown.
func (p Pos) String() string {
	switch {
	case p.Line == 0 && p.File == "":
		return ""
	case p.Line == 0:
		return p.File
	default:
		return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
	}
}

// Less orders positions by file, line and column.
func (p Pos) Less(q Pos) bool {
	if p.File != q.File {
		return p.File < q.File
	}
	if p.Line != q.Line {
		return p.Line < q.Line
	}
	return p.Col < q.Col
}

// Severity says whether a diagnostic stops the run.
type Severity int

const (
	Error Severity = iota
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Diagnostic is one problem found in the user's input.
type Diagnostic struct {
	Severity Severity
	Pos      Pos
	Summary  string // what is wrong, lowercase, no trailing punctuation
	Hint     string // what to do about it; may be empty
}

// String renders "file:line:col: summary (hint: ...)".
func (d Diagnostic) String() string {
	var b strings.Builder
	if s := d.Pos.String(); s != "" {
		b.WriteString(s)
		b.WriteString(": ")
	}
	if d.Severity == Warning {
		b.WriteString("warning: ")
	}
	b.WriteString(d.Summary)
	if d.Hint != "" {
		b.WriteString("\n\thint: ")
		b.WriteString(d.Hint)
	}
	return b.String()
}

// Diagnostics is a list of problems, reported together.
type Diagnostics []Diagnostic

// Errorf appends an error at pos.
func (ds *Diagnostics) Errorf(pos Pos, hint, format string, args ...any) {
	*ds = append(*ds, Diagnostic{Severity: Error, Pos: pos, Summary: fmt.Sprintf(format, args...), Hint: hint})
}

// Warnf appends a warning at pos.
func (ds *Diagnostics) Warnf(pos Pos, hint, format string, args ...any) {
	*ds = append(*ds, Diagnostic{Severity: Warning, Pos: pos, Summary: fmt.Sprintf(format, args...), Hint: hint})
}

// Append adds all of other.
func (ds *Diagnostics) Append(other Diagnostics) { *ds = append(*ds, other...) }

// HasErrors reports whether any diagnostic is an error.
func (ds Diagnostics) HasErrors() bool {
	for _, d := range ds {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Sort orders diagnostics by position, then summary, so output is stable.
func (ds Diagnostics) Sort() {
	sort.SliceStable(ds, func(i, j int) bool {
		if ds[i].Pos != ds[j].Pos {
			return ds[i].Pos.Less(ds[j].Pos)
		}
		return ds[i].Summary < ds[j].Summary
	})
}

// Error joins all diagnostics, one per line, so Diagnostics can be returned
// where an error is expected.
func (ds Diagnostics) Error() string {
	lines := make([]string, len(ds))
	for i, d := range ds {
		lines[i] = d.String()
	}
	return strings.Join(lines, "\n")
}
