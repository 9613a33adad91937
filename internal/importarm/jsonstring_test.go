package importarm

import (
	"bytes"
	"encoding/json"
	"testing"
)

// writeJSONString must spell every string as encoding/json does with HTML
// escaping off, so imported bodies stay byte-for-byte what they were.
func TestWriteJSONStringMatchesEncodingJSON(t *testing.T) {
	cases := []string{"", "plain", `quote " and \ back`, "ctl \x00\x01\x1f \b\f\n\r\t", "<html>&", "é ü 日本", "\u2028\u2029", "bad \xff\xfe utf8", "[[expr]"}
	for c := 0; c < 256; c++ {
		cases = append(cases, string([]byte{byte(c)}), "a"+string(rune(c))+"b")
	}
	for _, s := range cases {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		writeJSONString(&got, s)
		if w := bytes.TrimSuffix(want.Bytes(), []byte("\n")); !bytes.Equal(got.Bytes(), w) {
			t.Errorf("writeJSONString(%q) = %s; want %s", s, got.Bytes(), w)
		}
	}
}

func FuzzWriteJSONString(f *testing.F) {
	f.Add("a\"b\\c\x01\u2028\xff")
	f.Fuzz(func(t *testing.T, s string) {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		_ = enc.Encode(s)
		var got bytes.Buffer
		writeJSONString(&got, s)
		if w := bytes.TrimSuffix(want.Bytes(), []byte("\n")); !bytes.Equal(got.Bytes(), w) {
			t.Errorf("writeJSONString(%q) = %s; want %s", s, got.Bytes(), w)
		}
	})
}
