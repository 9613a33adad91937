package docs

import (
	"bytes"
	"fmt"
	"strings"
)

// md builds a Markdown document.
type md struct{ bytes.Buffer }

func (m *md) h(level int, format string, args ...any) {
	if m.Len() > 0 && !bytes.HasSuffix(m.Bytes(), []byte("\n\n")) {
		m.WriteString("\n")
	}
	fmt.Fprintf(m, "%s %s\n\n", strings.Repeat("#", level), fmt.Sprintf(format, args...))
}

func (m *md) p(format string, args ...any) {
	fmt.Fprintf(m, format+"\n\n", args...)
}

func (m *md) li(format string, args ...any) {
	fmt.Fprintf(m, "- "+format+"\n", args...)
}

func (m *md) end() { m.WriteString("\n") }

func (m *md) code(lang, body string) {
	fmt.Fprintf(m, "```%s\n%s\n```\n\n", lang, strings.TrimRight(body, "\n"))
}

func (m *md) table(head []string, rows [][]string) {
	if len(rows) == 0 {
		m.p("(none)")
		return
	}
	m.WriteString("| " + strings.Join(head, " | ") + " |\n")
	m.WriteString("|" + strings.Repeat(" --- |", len(head)) + "\n")
	for _, r := range rows {
		cells := make([]string, len(r))
		for i, c := range r {
			cells[i] = cell(c)
		}
		m.WriteString("| " + strings.Join(cells, " | ") + " |\n")
	}
	m.WriteString("\n")
}

func cell(s string) string {
	if s == "" {
		return "-"
	}
	s = strings.ReplaceAll(s, "|", `\|`)
	return strings.ReplaceAll(s, "\n", "<br>")
}

func tick(s string) string { return "`" + s + "`" }

func money(x float64) string { return fmt.Sprintf("$%s", thousands(fmt.Sprintf("%.2f", x))) }

func thousands(s string) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	out := b.String()
	if frac != "" {
		out += "." + frac
	}
	if neg {
		out = "-" + out
	}
	return out
}
