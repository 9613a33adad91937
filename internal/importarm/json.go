package importarm

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// nodeKind is the JSON type of a node.
type nodeKind uint8

const (
	nodeNull nodeKind = iota
	nodeBool
	nodeNumber
	nodeString
	nodeArray
	nodeObject
)

// node is one JSON value with the place it starts in the source. The reader
// keeps object members in source order and accepts the comments ARM accepts
// (// line and /* block */).
type node struct {
	kind    nodeKind
	line    int
	col     int
	str     string // string value, or the literal text of a number
	boolean bool
	items   []*node
	members []member
}

// member is one key of an object and its value.
type member struct {
	key  string
	line int
	col  int
	val  *node
}

// get returns the value of key, compared case-insensitively as ARM does, or nil.
func (n *node) get(key string) *node {
	if n == nil || n.kind != nodeObject {
		return nil
	}
	for i := range n.members {
		if strings.EqualFold(n.members[i].key, key) {
			return n.members[i].val
		}
	}
	return nil
}

// syntaxError is malformed JSON at a line and column.
type syntaxError struct {
	line, col int
	msg       string
}

func (e *syntaxError) Error() string { return fmt.Sprintf("%d:%d: %s", e.line, e.col, e.msg) }

// maxDepth bounds nesting so hostile input cannot exhaust the stack.
const maxDepth = 512

// parseJSON reads one JSON document.
func parseJSON(src []byte) (*node, error) {
	p := &jsonParser{src: src, line: 1, col: 1}
	p.skipSpace()
	if p.err != nil {
		return nil, p.err
	}
	n := p.value(0)
	if p.err != nil {
		return nil, p.err
	}
	p.skipSpace()
	if p.err != nil {
		return nil, p.err
	}
	if p.off < len(p.src) {
		return nil, p.fail("unexpected %s after the end of the document", p.describe())
	}
	return n, nil
}

type jsonParser struct {
	src       []byte
	off       int
	line, col int
	err       error
}

func (p *jsonParser) fail(format string, args ...any) error {
	if p.err == nil {
		p.err = &syntaxError{line: p.line, col: p.col, msg: fmt.Sprintf(format, args...)}
	}
	return p.err
}

func (p *jsonParser) describe() string {
	if p.off >= len(p.src) {
		return "end of input"
	}
	r, _ := utf8.DecodeRune(p.src[p.off:])
	return strconv.QuoteRune(r)
}

// advance moves past n bytes, tracking line and column (columns count runes).
func (p *jsonParser) advance(n int) {
	for i := 0; i < n && p.off < len(p.src); {
		c := p.src[p.off]
		if c < utf8.RuneSelf && c != '\n' {
			p.off++
			i++
			p.col++
			continue
		}
		if c == '\n' {
			p.line++
			p.col = 1
			p.off++
			i++
			continue
		}
		_, size := utf8.DecodeRune(p.src[p.off:])
		p.off += size
		i += size
		p.col++
	}
}

func (p *jsonParser) skipSpace() {
	for p.off < len(p.src) {
		switch c := p.src[p.off]; {
		case c == ' ' || c == '\t' || c == '\r':
			p.off++
			p.col++
		case c == '\n':
			p.off++
			p.line++
			p.col = 1
		case c == 0xEF && p.off == 0 && len(p.src) >= 3 && p.src[1] == 0xBB && p.src[2] == 0xBF:
			p.off += 3 // byte order mark
		case c == '/' && p.off+1 < len(p.src) && p.src[p.off+1] == '/':
			for p.off < len(p.src) && p.src[p.off] != '\n' {
				p.advance(1)
			}
		case c == '/' && p.off+1 < len(p.src) && p.src[p.off+1] == '*':
			p.advance(2)
			for {
				if p.off+1 >= len(p.src) {
					p.fail("unterminated /* comment")
					return
				}
				if p.src[p.off] == '*' && p.src[p.off+1] == '/' {
					p.advance(2)
					break
				}
				p.advance(1)
			}
		default:
			return
		}
	}
}

func (p *jsonParser) value(depth int) *node {
	if depth > maxDepth {
		p.fail("nesting deeper than %d levels", maxDepth)
		return nil
	}
	if p.off >= len(p.src) {
		p.fail("unexpected end of input, want a value")
		return nil
	}
	n := &node{line: p.line, col: p.col}
	switch c := p.src[p.off]; {
	case c == '{':
		n.kind = nodeObject
		p.advance(1)
		p.skipSpace()
		if p.off < len(p.src) && p.src[p.off] == '}' {
			p.advance(1)
			return n
		}
		for p.err == nil {
			p.skipSpace()
			if p.off >= len(p.src) || p.src[p.off] != '"' {
				p.fail("unexpected %s, want a quoted object key", p.describe())
				return nil
			}
			m := member{line: p.line, col: p.col}
			m.key = p.string()
			p.skipSpace()
			if p.off >= len(p.src) || p.src[p.off] != ':' {
				p.fail("unexpected %s after object key %q, want ':'", p.describe(), m.key)
				return nil
			}
			p.advance(1)
			p.skipSpace()
			m.val = p.value(depth + 1)
			if p.err != nil {
				return nil
			}
			for _, prev := range n.members {
				if strings.EqualFold(prev.key, m.key) {
					p.err = &syntaxError{line: m.line, col: m.col, msg: fmt.Sprintf("duplicate key %q (first at %d:%d)", m.key, prev.line, prev.col)}
					return nil
				}
			}
			n.members = append(n.members, m)
			p.skipSpace()
			if p.off < len(p.src) && p.src[p.off] == ',' {
				p.advance(1)
				continue
			}
			if p.off < len(p.src) && p.src[p.off] == '}' {
				p.advance(1)
				return n
			}
			p.fail("unexpected %s in object, want ',' or '}'", p.describe())
		}
		return nil
	case c == '[':
		n.kind = nodeArray
		p.advance(1)
		p.skipSpace()
		if p.off < len(p.src) && p.src[p.off] == ']' {
			p.advance(1)
			return n
		}
		for p.err == nil {
			p.skipSpace()
			v := p.value(depth + 1)
			if p.err != nil {
				return nil
			}
			n.items = append(n.items, v)
			p.skipSpace()
			if p.off < len(p.src) && p.src[p.off] == ',' {
				p.advance(1)
				continue
			}
			if p.off < len(p.src) && p.src[p.off] == ']' {
				p.advance(1)
				return n
			}
			p.fail("unexpected %s in array, want ',' or ']'", p.describe())
		}
		return nil
	case c == '"':
		n.kind = nodeString
		n.str = p.string()
	case c == 't' || c == 'f' || c == 'n':
		for _, lit := range []string{"true", "false", "null"} {
			if strings.HasPrefix(string(p.src[p.off:min(len(p.src), p.off+len(lit))]), lit) {
				p.advance(len(lit))
				n.kind = nodeNull
				if lit != "null" {
					n.kind, n.boolean = nodeBool, lit == "true"
				}
				return n
			}
		}
		p.fail("unexpected %s, want a value", p.describe())
	case c == '-' || (c >= '0' && c <= '9'):
		n.kind = nodeNumber
		n.str = p.number()
	default:
		p.fail("unexpected %s, want a value", p.describe())
	}
	if p.err != nil {
		return nil
	}
	return n
}

func (p *jsonParser) number() string {
	start := p.off
	end := p.off
	if end < len(p.src) && p.src[end] == '-' {
		end++
	}
	digits := func() int {
		s := end
		for end < len(p.src) && p.src[end] >= '0' && p.src[end] <= '9' {
			end++
		}
		return end - s
	}
	if digits() == 0 {
		p.fail("malformed number")
		return ""
	}
	if end < len(p.src) && p.src[end] == '.' {
		end++
		if digits() == 0 {
			p.fail("malformed number: want digits after '.'")
			return ""
		}
	}
	if end < len(p.src) && (p.src[end] == 'e' || p.src[end] == 'E') {
		end++
		if end < len(p.src) && (p.src[end] == '+' || p.src[end] == '-') {
			end++
		}
		if digits() == 0 {
			p.fail("malformed number: want digits in the exponent")
			return ""
		}
	}
	p.advance(end - start)
	return string(p.src[start:end])
}

// string reads a quoted string at p.off. ARM templates may hold raw line
// breaks inside strings (multi-line expressions), so they are accepted.
func (p *jsonParser) string() string {
	p.advance(1)
	// Fast path: no escapes and no line breaks.
	for i := p.off; i < len(p.src); i++ {
		c := p.src[i]
		if c == '"' {
			seg := p.src[p.off:i]
			if !utf8.Valid(seg) {
				break
			}
			p.col += utf8.RuneCount(seg) + 1
			p.off = i + 1
			return string(seg)
		}
		if c == '\\' || c < 0x20 {
			break
		}
	}
	var b strings.Builder
	for {
		if p.off >= len(p.src) {
			p.fail("unterminated string")
			return ""
		}
		c := p.src[p.off]
		switch {
		case c == '"':
			p.advance(1)
			return b.String()
		case c == '\\':
			if p.off+1 >= len(p.src) {
				p.fail("unterminated string")
				return ""
			}
			e := p.src[p.off+1]
			switch e {
			case '"', '\\', '/':
				b.WriteByte(e)
			case 'b':
				b.WriteByte('\b')
			case 'f':
				b.WriteByte('\f')
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			case 't':
				b.WriteByte('\t')
			case 'u':
				r, ok := p.hex4(p.off + 2)
				if !ok {
					p.fail("malformed \\u escape")
					return ""
				}
				p.advance(6)
				if utf16IsHigh(r) && p.off+1 < len(p.src) && p.src[p.off] == '\\' && p.src[p.off+1] == 'u' {
					if lo, ok := p.hex4(p.off + 2); ok && utf16IsLow(lo) {
						p.advance(6)
						r = 0x10000 + (r-0xD800)<<10 + (lo - 0xDC00)
					}
				}
				b.WriteRune(r)
				continue
			default:
				p.fail("invalid escape \\%c in string", e)
				return ""
			}
			p.advance(2)
		case c < 0x20 && c != '\n' && c != '\r' && c != '\t':
			p.fail("control character %#x in string", c)
			return ""
		default:
			r, size := utf8.DecodeRune(p.src[p.off:])
			if r == utf8.RuneError && size == 1 {
				p.fail("invalid UTF-8 in string")
				return ""
			}
			b.WriteRune(r)
			p.advance(size)
		}
	}
}

func (p *jsonParser) hex4(at int) (rune, bool) {
	if at+4 > len(p.src) {
		return 0, false
	}
	v, err := strconv.ParseUint(string(p.src[at:at+4]), 16, 32)
	return rune(v), err == nil
}

func utf16IsHigh(r rune) bool { return r >= 0xD800 && r < 0xDC00 }
func utf16IsLow(r rune) bool  { return r >= 0xDC00 && r < 0xE000 }
