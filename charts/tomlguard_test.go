package charts

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// guardValidSamples are valid TOML that a newsroom could write, and that
// guardTOML must let through. Each one is also checked against the decoder,
// so that the list holds no invalid TOML by mistake.
var guardValidSamples = []struct{ name, src string }{
	{"empty", ""},
	{"blank lines and comments", "\n\n# only a comment\n   # another\n\t\n"},
	{"no newline at the end", `title = "x"`},
	{"strings with brackets and marks",
		`title = "a [b] {c} # d = e. \"q\" 'r' [[x]]"` + "\n" +
			`note = 'x [ { # = " . ] }'` + "\n" +
			`path = 'C:\dir\'` + "\n" + // a literal string ends at the first quote
			`win = "C:\\dir\\"` + "\n" + // an escaped backslash before the closing quote
			`empty = ""` + "\n" + `empty2 = ''` + "\n"},
	{"multi-line strings with brackets",
		"note = \"\"\"\n[[figure]]\n{ [ a = 1 # not a comment\n'''\n\"\"\"\n" +
			"raw = '''\n[[[[[[[[[[ {{{{{{{{{{ \"\"\" \\\n'''\n" +
			"after = [1]\n"},
	{"multi-line strings with quotes before the closing ones",
		"a = \"\"\"He said \"hi\"\"\"\"\n" +
			"b = \"\"\"\"\"x\"\"\"\"\"\n" +
			"c = '''it's'''''\n" +
			"d = \"\"\"ends in an escaped quote\\\"\"\"\"\n" +
			"e = \"\"\"\"\"\"\n" +
			"f = [\"\"\"[\"\"\", '''{''']\n"},
	{"multi-line string with escaped newlines",
		"s = \"\"\"one \\\n    [two \\\n\n  three\"\"\"\nt = [1]\n"},
	{"comments with brackets",
		"# [[[[[[[[[[[[ {{{{{{{{{{{{ \"unclosed\n" +
			"a = 1 # ]]]] }}} = ,\n" +
			"[style] # [[figure]]\n" +
			"b = [ # [[[[[[[[[[\n  1, # }}}}\n  2,\n] # end\n"},
	{"arrays of inline tables spanning lines",
		"[[figure]]\nid = \"x\"\ndata = [\n  { label = \"a\", values = [1, 2] },\n\n  # a comment line\n" +
			"  { label = \"b, c\", values = [\n    3,\n    4,\n  ] },\n]\n"},
	{"dotted and quoted keys",
		"a.b = 1\n" +
			"c . d . e . f = 2\n" +
			"\"g.h\" = 3\n" +
			"'i.j' = 4\n" +
			"\"k=l\" = 5\n" +
			"\"[m]\" = 6\n" +
			"n.\"o.p\".'q' = 7\n" +
			"\"\" = 8\n" +
			"1.5 = 9\n" +
			"true = 10\n" +
			"r = { s.t = 1, \"u v\" = 2, 'w' = 3 }\n"},
	{"table headers",
		"[style]\n[ a . \"b]c\" ]\n[[ figure ]]\n[[figure.annotation]] # note\n  [indented]\n[\"quoted [x]\".'y']\n"},
	{"inline tables across lines (TOML 1.1)",
		"t = {\n  a = 1, # comment\n  b = [1,\n    2],\n  c = { d = \"}\" },\n}\nu = { x = 1, }\n"},
	{"scalars", "i = -17\nf = 6.626e-34\nh = 0xDEAD_beef\nb = false\nd = 1979-05-27 07:32:00Z\n" +
		"l = 07:32:00\ninf1 = -inf\nnan1 = nan\nlist = [ 1979-05-27 07:32:00Z , 2 ]\n"},
	{"escapes", `s = "\u00e9 \U0001F600 \t \" \\ \e \x41"` + "\n"},
	{"crlf line endings", "[style]\r\nsource = \"x\"\r\ndata = [\r\n  { a = 1 },\r\n]\r\n\r\n# c\r\n"},
	{"byte-order mark", "\xef\xbb\xbf[style]\nsource = \"x\"\n"},
	{"nesting at the limit", "a = [[[[[[[[1]]]]]]]]\nb = [{x = [{y = [{z = [{w = 1}]}]}]}]\n"},
	{"key at the limits", strings.Repeat("k", maxKeyBytes) + " = 1\n" +
		"a.b.c.d = 2\n" +
		"[" + strings.Repeat("t", maxKeyBytes-6) + ".u.v.w]\n"},
	{"non-ASCII text", "title = \"Іноземні найманці: ґ є і ї\"\n\"Київ\" = 1\n"},
}

// guardHostileSamples are inputs that guardTOML must refuse, where it must
// point, and how its message starts.
var guardHostileSamples = []struct {
	name, src string
	line, col int
	msg       string
}{
	// The ninth '[' is at byte offset 4+8.
	{"10,000 nested arrays", "a = " + strings.Repeat("[", 10_000) + strings.Repeat("]", 10_000) + "\n",
		1, 13, "arrays and inline tables are nested 9 deep; presschart files need at most 3, and at most 8 are allowed"},
	{"unclosed nested arrays", "# x\n\ndata = " + strings.Repeat("[", 10_000), 3, 16, "arrays and inline tables are nested 9 deep"},
	// "a = " then "{b = " per level: the ninth '{' is at offset 4+8*5.
	{"inline tables 50 deep", "a = " + strings.Repeat("{b = ", 50) + "1" + strings.Repeat("}", 50) + "\n",
		1, 45, "arrays and inline tables are nested 9 deep"},
	{"inline tables across lines 9 deep", "[t]\nx = {\n" + strings.Repeat("  y = {\n", 8) + "  z = 1" + strings.Repeat("}", 9) + "\n",
		10, 7, "arrays and inline tables are nested 9 deep"},
	{"nine mixed levels", "v = [{a = [{b = [{c = [{d = [1]}]}]}]}]\n", 1, 29, "arrays and inline tables are nested 9 deep"},
	{"60 KB dotted key", "# x\n" + strings.Repeat("a.", 30_000) + "a = 1\n",
		2, 1, "a key with 30001 dotted parts; at most 4 are allowed"},
	{"header of 1000 parts", "[" + strings.Repeat("p.", 999) + "p]\n", 1, 2, "a table name with 1000 dotted parts; at most 4 are allowed"},
	{"array header of 1000 parts", "x = 1\n[[ " + strings.Repeat("p.", 999) + "p ]]\n", 2, 4, "a table name with 1000 dotted parts"},
	{"200-character quoted key", "\"" + strings.Repeat("x", 198) + "\" = 1\n", 1, 1,
		`a key of 200 characters; keys such as "subtitle" are short, and at most 128 characters are allowed`},
	{"300-character bare key", "[style]\n  " + strings.Repeat("s", 300) + " = 1\n", 2, 3, `a key of 300 characters; keys such as "subtitle" are short`},
	{"key one byte too long", strings.Repeat("k", maxKeyBytes+1) + " = 1\n", 1, 1, "a key of 129 characters"},
	{"five parts", "a.b.c.d.e = 1\n", 1, 1, "a key with 5 dotted parts"},
	{"twelve parts", "[figure]\nx = { " + strings.Repeat("k.", 11) + "k = 1 }\n", 2, 7, "a key with 12 dotted parts; at most 4 are allowed"},
	{"long key in an inline table, columns in characters",
		"t = { \"ключ\" = 1, \"" + strings.Repeat("Ж", 100) + "\" = 2 }\n", 1, 19,
		`a key of 102 characters (202 bytes); keys such as "subtitle" are short, and at most 128 bytes are allowed`},
	{"long quoted header part", "[a.'" + strings.Repeat("x", 200) + "']\n", 1, 2,
		`a table name of 204 characters; table names such as "figure" are short, and at most 128 characters are allowed`},
	{"blanks count in a key", "a" + strings.Repeat(" ", 130) + ".b = 1\n", 1, 1, "a key of 133 characters"},
	{"escapes count in a key", "\"" + strings.Repeat(`\u0041`, 25) + "\" = 1\n", 1, 1, "a key of 152 characters"},
	{"after a byte-order mark", "\xef\xbb\xbfa = " + strings.Repeat("[", 9) + strings.Repeat("]", 9), 1, 13, "arrays and inline tables are nested 9 deep"},
	{"after multi-line strings", "a = \"\"\"\n\n\"\"\"\nb = '''\n'''\nc = [\n  " + strings.Repeat("[", 8) + "]]]]]]]]]\n",
		7, 10, "arrays and inline tables are nested 9 deep"},
}

// guardInvalidSamples are not TOML, in ways that must not be mistaken for a
// limit: guardTOML lets them through, and the decoder reports the mistake.
// Most hide a limit-breaking tail behind the mistake, which the decoder
// never reaches.
var guardInvalidSamples = []struct{ name, src string }{
	{"prose instead of a comment", "This is a note, not a comment [see [1]]\n" + "a = " + strings.Repeat("[", 100)},
	{"unterminated string", "title = \"Nepal\n[[figure]]\nx = " + strings.Repeat("{", 100)},
	{"unterminated literal string", "title = 'Nepal\nx = " + strings.Repeat("[", 100)},
	{"unclosed inline table", "columns = { label = \"period\"\n[[figure]]\nid = \"x\"\ndata = [ { a = [ [ [ [ [ [ 1 ] ] ] ] ] ] } ]\n"},
	{"unclosed array", "a = [1, 2\n[[figure]]\nid = \"x\"\n"},
	{"key without value", strings.Repeat("a.", 100) + "a\nb = 1\n"},
	{"missing equals", strings.Repeat("k", 300) + " 1\n"},
	{"space in a bare key", "long title = \"x\"\n" + strings.Repeat("k", 300) + " = 1\n"},
	{"value after a header", "[style] x = " + strings.Repeat("[", 20) + "\n"},
	{"value after a string", "a = \"x\" " + strings.Repeat("[", 20) + "\n"},
	{"unmatched closer", "a = [1}\nb = " + strings.Repeat("[", 20) + "\n"},
	{"comma at the top", "a = 1, " + strings.Repeat("[", 20) + "\n"},
	{"array header missing a bracket", "[[figure]\nx = " + strings.Repeat("[", 20) + "\n"},
	{"empty header", "[]\nx = " + strings.Repeat("[", 20) + "\n"},
	{"newline in a quoted key", "\"a\n" + strings.Repeat("k", 300) + "\" = 1\n"},
	{"unterminated multi-line string", "note = \"\"\"\n" + strings.Repeat("[", 100)},
}

func TestGuardTOMLAcceptsValid(t *testing.T) {
	for _, s := range guardValidSamples {
		t.Run(s.name, func(t *testing.T) {
			var raw map[string]any
			if _, err := toml.Decode(s.src, &raw); err != nil {
				t.Fatalf("the sample is not valid TOML: %v", err)
			}
			if line, col, msg := guardTOML([]byte(s.src)); msg != "" {
				t.Errorf("refused at %d:%d: %s", line, col, msg)
			}
		})
	}
}

// TestGuardTOMLAcceptsFiles: every TOML file in the repository, the good
// fixtures, the bad ones (whose mistakes are for the decoder and the
// validator to report) and the story's data.toml, passes the guard; so do
// the files with Windows line endings.
func TestGuardTOMLAcceptsFiles(t *testing.T) {
	good, _ := filepath.Glob("testdata/*.toml")
	bad, _ := filepath.Glob("testdata/bad/*.toml")
	files := append(append(good, bad...), "../data.toml")
	if len(good) == 0 {
		t.Fatal("no testdata/*.toml files")
	}
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, variant := range [][]byte{src, bytes.ReplaceAll(src, []byte("\n"), []byte("\r\n"))} {
			if line, col, msg := guardTOML(variant); msg != "" {
				t.Errorf("%s:%d:%d: refused: %s", name, line, col, msg)
			}
		}
	}
}

func TestGuardTOMLRefusesHostile(t *testing.T) {
	for _, s := range guardHostileSamples {
		t.Run(s.name, func(t *testing.T) {
			line, col, msg := guardTOML([]byte(s.src))
			if line != s.line || col != s.col || !strings.HasPrefix(msg, s.msg) {
				t.Errorf("got %d:%d: %q\nwant %d:%d: %q...", line, col, msg, s.line, s.col, s.msg)
			}
		})
	}
}

func TestGuardTOMLLeavesSyntaxErrorsToTheDecoder(t *testing.T) {
	for _, s := range guardInvalidSamples {
		t.Run(s.name, func(t *testing.T) {
			var raw map[string]any
			if _, err := toml.Decode(s.src, &raw); err == nil {
				t.Fatal("the sample is valid TOML")
			}
			if line, col, msg := guardTOML([]byte(s.src)); msg != "" {
				t.Errorf("refused at %d:%d: %s", line, col, msg)
			}
		})
	}
}

// TestGuardTOMLLinear runs the guard over 16 MiB inputs of the shapes that
// would take a quadratic scanner hours. The bound is loose enough for the
// race detector and slow machines; a linear scan takes milliseconds.
func TestGuardTOMLLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("16 MiB inputs")
	}
	const size = 16 << 20
	fill := func(unit string) []byte { return bytes.Repeat([]byte(unit), size/len(unit)) }
	inputs := []struct {
		name  string
		build func() []byte
	}{
		{"realistic", func() []byte { return guardBenchFile(size) }},
		{"open brackets", func() []byte { return fill("[") }},
		{"one dotted key, no =", func() []byte { return fill("a.") }},
		{"one long comment", func() []byte { return append([]byte("a = 1 #"), fill("x")...) }},
		{"one multi-line string", func() []byte { return append([]byte(`a = """`), fill("\"\"\\\n[{")...) }},
		{"quotes", func() []byte { return fill(`"`) }},
		{"blank lines", func() []byte { return fill("\n") }},
		{"a table per line", func() []byte { return fill("[a.b]\n") }},
		{"one huge string", func() []byte { return append([]byte(`a = "`), fill("x")...) }},
		{"inline tables per line", func() []byte { return fill("a = {b = [1, {c = 2}], d = 'x'}\n") }},
	}
	for _, in := range inputs {
		src := in.build()
		start := time.Now()
		guardTOML(src)
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%s: %v for %d MiB", in.name, d, len(src)>>20)
		}
	}
}

// FuzzGuardTOML checks that guardTOML never panics and that what it says
// agrees with the decoder.
//
// The properties are chosen to hold exactly. A decoded file says little
// about how its keys were spelt: escapes ("\u0041" decodes to "A") and blanks
// around dots make a key's text longer than its decoded parts, and a dotted
// key and a table header make the same maps. So "the decoder accepts it,
// with short keys and little depth, hence the guard must" is not a sound
// property; these are:
//
//   - Stopping: when the guard stops because the input is certainly not
//     TOML, the decoder refuses it too.
//   - Nesting: a refusal for nesting 9 deep means a decoded value at least
//     10 deep (the top-level table counts 1), or a file the decoder refuses.
//   - Parts: a refusal for a key of 5 or more parts means a decoded value at
//     least 5 deep, or a file the decoder refuses.
//   - Length: a refusal for a long key points at a line holding more than
//     maxKeyBytes bytes from the reported column on (a key never spans
//     lines), or the decoder refuses the file.
//   - And the other way: when the decoder accepts a file with a decoded key
//     longer than maxKeyBytes bytes (its text is at least as long), or with
//     arrays nested more than maxNesting deep (arrays in a decoded value
//     come only from [ ] in the text), the guard refuses it.
//
// Together these say that a file the decoder accepts, whose decoded value is
// at most 4 deep and whose lines are at most maxKeyBytes bytes long, passes.
func FuzzGuardTOML(f *testing.F) {
	good, _ := filepath.Glob("testdata/*.toml")
	bad, _ := filepath.Glob("testdata/bad/*.toml")
	for _, name := range append(append(good, bad...), "../data.toml") {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	for _, s := range guardValidSamples {
		f.Add([]byte(s.src))
	}
	for _, s := range guardInvalidSamples {
		f.Add([]byte(s.src))
	}
	for _, s := range guardHostileSamples {
		if len(s.src) < 4096 {
			f.Add([]byte(s.src))
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		g := newTOMLGuard(src)
		g.run()
		line, col, msg := guardTOML(src)
		if msg != g.msg || (msg == "") != (line == 0 && col == 0) {
			t.Fatalf("guardTOML = %d, %d, %q; the scan found %q", line, col, msg, g.msg)
		}
		if msg != "" && g.stopAt >= 0 {
			t.Fatalf("both refused (%q) and stopped at %d", msg, g.stopAt)
		}
		if msg != "" {
			checkGuardPosition(t, src, line, col, msg)
		}

		// Decoding a refused file can take quadratic time, the very thing
		// the guard is for; keep those runs small.
		if msg != "" && len(src) > 8<<10 {
			return
		}
		raw, ok := guardDecode(src)
		if g.stopAt >= 0 && ok {
			t.Fatalf("stopped at byte %d as not TOML, but the decoder accepts the input", g.stopAt)
		}
		if !ok {
			return
		}
		depth, arrays, longest := guardMeasure(raw)
		switch {
		case strings.HasPrefix(msg, "arrays and inline tables are nested"):
			if depth <= maxNesting+1 {
				t.Fatalf("refused (%d:%d: %s), but the decoded value is only %d deep", line, col, msg, depth)
			}
		case strings.Contains(msg, "dotted parts"):
			if depth <= maxKeyParts {
				t.Fatalf("refused (%d:%d: %s), but the decoded value is only %d deep", line, col, msg, depth)
			}
		case msg != "":
			if rest := guardLineFrom(src, line, col); len(rest) <= maxKeyBytes {
				t.Fatalf("refused (%d:%d: %s), but only %d bytes follow there: %q", line, col, msg, len(rest), rest)
			}
		}
		if msg == "" && longest > maxKeyBytes {
			t.Fatalf("accepted a decoded key of %d bytes", longest)
		}
		if msg == "" && arrays > maxNesting {
			t.Fatalf("accepted arrays nested %d deep", arrays)
		}
	})
}

// checkGuardPosition checks that a refusal points into src at what it is
// about: a '[' or '{' for nesting, the start of a key otherwise.
func checkGuardPosition(t *testing.T, src []byte, line, col int, msg string) {
	t.Helper()
	if line < 1 || col < 1 {
		t.Fatalf("refused at %d:%d: %s", line, col, msg)
	}
	rest := guardLineFrom(src, line, col)
	if len(rest) == 0 {
		t.Fatalf("refused at %d:%d, which is past the end of its line: %s", line, col, msg)
	}
	c := rest[0]
	if strings.HasPrefix(msg, "arrays and inline tables") {
		if c != '[' && c != '{' {
			t.Fatalf("refused at %d:%d for nesting, at %q: %s", line, col, c, msg)
		}
	} else if !guardBare[c] && c != '"' && c != '\'' {
		t.Fatalf("refused at %d:%d for a key, at %q: %s", line, col, c, msg)
	}
}

// guardLineFrom returns line (1-based) of src from column col (in runes) to
// its end, as guardTOML counts them: after a byte-order mark, and lines ended
// by '\n'.
func guardLineFrom(src []byte, line, col int) []byte {
	src = src[newTOMLGuard(src).i:]
	for ; line > 1; line-- {
		i := bytes.IndexByte(src, '\n')
		if i < 0 {
			return nil
		}
		src = src[i+1:]
	}
	if i := bytes.IndexByte(src, '\n'); i >= 0 {
		src = src[:i]
	}
	for ; col > 1 && len(src) > 0; col-- {
		_, size := utf8.DecodeRune(src)
		src = src[size:]
	}
	if col > 1 {
		return nil
	}
	return src
}

// guardDecode decodes src as Decode does, and reports whether the decoder
// accepted it. A panic in the decoder counts as a refusal: it is not the
// guard's to find.
func guardDecode(src []byte) (raw map[string]any, ok bool) {
	defer func() {
		if recover() != nil {
			raw, ok = nil, false
		}
	}()
	_, err := toml.Decode(string(src), &raw)
	return raw, err == nil
}

// guardMeasure returns how deep v is (a table or an array counts 1, each
// level inside it 1 more), the most arrays ([ ] values, not [[tables]]) on
// one path down it, and the length in bytes of its longest table key.
func guardMeasure(v any) (depth, arrays, longest int) {
	var kids []any
	isArray := false
	switch v := v.(type) {
	case map[string]any:
		for k, kid := range v {
			longest = max(longest, len(k))
			kids = append(kids, kid)
		}
	case []map[string]any:
		for _, kid := range v {
			kids = append(kids, kid)
		}
	case []any:
		kids, isArray = v, true
	default:
		return 0, 0, 0
	}
	for _, kid := range kids {
		d, a, l := guardMeasure(kid)
		depth, arrays, longest = max(depth, d), max(arrays, a), max(longest, l)
	}
	if isArray {
		arrays++
	}
	return depth + 1, arrays, longest
}

// guardBenchFile returns about size bytes of a realistic presschart file:
// styles, figures with comments, long titles in several scripts, escapes,
// multi-line notes, data arrays of inline tables and annotations.
func guardBenchFile(size int) []byte {
	var b bytes.Buffer
	b.WriteString("# The story's figures.\n[style]\nsize    = \"article\"   # 640 x 400\nscale   = 2\n" +
		"formats = [\"png\", \"svg\", \"html\"]\nsource  = \"Source: Brig. Gen. Dmytro Usov, via The Defense Post\"\n\n")
	for n := 0; b.Len() < size; n++ {
		fmt.Fprintf(&b, "[[figure]]\nid       = \"figure-%d\"\ntype     = \"line\"\n", n)
		b.WriteString("title    = \"Recruits from Nepal fell from 1,000 to one — Іноземні найманці [2025]\"\n")
		b.WriteString("subtitle = \"Low and high estimates, \\\"number\\\" of soldiers\"\n")
		b.WriteString("note     = \"\"\"\nNorth Korean soldiers made up the majority of foreign troops.\n" +
			"Fallen soldiers counted since 2022 \\\n  (estimates).\"\"\"\n")
		b.WriteString("series   = ['Nepal', 'India', 'Sri Lanka']\nhighlight = [\"Nepal\"]\n")
		b.WriteString("columns  = { label = \"period\", value = \"mercenaries\" }\ndata = [\n")
		for row := 0; row < 12; row++ {
			fmt.Fprintf(&b, "  { x = \"2024-%02d\", values = [%d, %d.5, %d] }, # month %d\n", row+1, 1000-row*70, 150+row, 400+row*3, row+1)
		}
		b.WriteString("]\n\n[[figure.annotation]]\ntext = \"Recruiting network launched in 2023 begins to fail\"\nat   = \"2024-07\"\n\n")
	}
	return b.Bytes()
}

// TestGuardTOMLBenchFile: the benchmark's file is valid TOML, and passes.
func TestGuardTOMLBenchFile(t *testing.T) {
	src := guardBenchFile(64 << 10)
	if _, ok := guardDecode(src); !ok {
		var raw map[string]any
		_, err := toml.Decode(string(src), &raw)
		t.Fatalf("the benchmark file is not valid TOML: %v", err)
	}
	if line, col, msg := guardTOML(src); msg != "" {
		t.Fatalf("refused at %d:%d: %s", line, col, msg)
	}
}

func BenchmarkGuardTOML(b *testing.B) {
	src := guardBenchFile(16 << 20)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, _, msg := guardTOML(src); msg != "" {
			b.Fatal(msg)
		}
	}
}
