package importarm

import (
	"os"
	"path/filepath"
	"testing"
)

func corpusSeeds(f *testing.F) {
	files, _ := filepath.Glob("testdata/*/*.json")
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`{"a": [1, -2.5e3, true, null, "\u00e9\ud83d\ude00"] /* c */ }`))
	f.Add([]byte(`[`))
}

// FuzzParseJSON: the reader never panics, and positions are 1-based.
func FuzzParseJSON(f *testing.F) {
	corpusSeeds(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		n, err := parseJSON(b)
		if err == nil && n == nil {
			t.Fatalf("parseJSON(%q) = nil, nil", b)
		}
		if se, ok := err.(*syntaxError); ok && (se.line < 1 || se.col < 1) {
			t.Fatalf("parseJSON(%q) error at %d:%d", b, se.line, se.col)
		}
	})
}

// FuzzParseExpr: the expression parser never panics and reports offsets
// inside the expression.
func FuzzParseExpr(f *testing.F) {
	for _, s := range []string{
		"[concat('a', parameters('b')[0].c)]", "[format('{0}', 'it''s')]", "[a.b(1, -2)]",
		"[reference(resourceId('x/y', 'n'), '2020-01-01', 'Full').identity.principalId]",
		"[if(equals(1, 2), createArray(), json('{}'))]", "[x()['k'][0]]", "[", "[]", "['unterminated]",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !isExpression(s) {
			return
		}
		e, err := parseExpr(s)
		if err != nil {
			if xe, ok := err.(*exprError); !ok || xe.off < 0 || xe.off > len(s) {
				t.Fatalf("parseExpr(%q) error %v", s, err)
			}
			return
		}
		if off, end := e.span(); off < 0 || end > len(s) || off > end {
			t.Fatalf("parseExpr(%q) span %d..%d", s, off, end)
		}
	})
}

// FuzzEvaluate: evaluating any document never panics, and a result comes
// with no errors while errors come with no result.
func FuzzEvaluate(f *testing.F) {
	corpusSeeds(f)
	opts := Options{Functions: NewFunctions()}
	f.Fuzz(func(t *testing.T, b []byte) {
		res, ds := Evaluate("fuzz.json", b, nil, opts)
		if (res == nil) != ds.HasErrors() {
			t.Fatalf("Evaluate(%q) = %v result with errors %v", b, res != nil, ds.HasErrors())
		}
	})
}
