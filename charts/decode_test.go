package charts

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBadInput decodes every file in testdata/bad and compares the whole
// error text with the .err golden beside it: each message must say file,
// figure and key, and every problem of a file must be reported.
func TestBadInput(t *testing.T) {
	files, _ := filepath.Glob("testdata/bad/*.toml")
	if len(files) < 15 {
		t.Fatalf("only %d bad inputs in testdata/bad", len(files))
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			_, err := Load(file)
			if err == nil {
				t.Fatal("decoded without error")
			}
			var es Errors
			if !errors.As(err, &es) {
				t.Fatalf("error is %T, not Errors: %v", err, err)
			}
			got := err.Error() + "\n"
			golden := strings.TrimSuffix(file, ".toml") + ".err"
			if *update {
				writeGolden(t, golden, []byte(got))
				return
			}
			want, rerr := os.ReadFile(golden)
			if rerr != nil {
				t.Fatalf("%v (run go test ./charts -update)", rerr)
			}
			if got != string(want) {
				os.WriteFile(golden+".got", []byte(got), 0o644)
				t.Errorf("errors differ from %s:\n got:\n%s\nwant:\n%s", golden, got, want)
			}
		})
	}
}

// TestErrorMessages pins single messages, matched on substrings.
func TestErrorMessages(t *testing.T) {
	fig := func(body string) string {
		return "[[figure]]\nid = \"f\"\ntype = \"column\"\ntitle = \"T\"\n" + body
	}
	rows := func(n int) string {
		var b strings.Builder
		b.WriteString("data = [\n")
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "{ label = \"r%d\", value = %d },\n", i, i)
		}
		return b.String() + "]\n"
	}
	figures := func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "[[figure]]\nid = \"f%d\"\ntype = \"bar\"\ntitle = \"T\"\ndata = [{ label = \"a\", value = 1 }]\n", i)
		}
		return b.String()
	}
	tests := []struct {
		name, src string
		want      []string
	}{
		{"syntax line and column", "[[figure]]\nid = \"a\"\ntitle = \"x", []string{"f.toml:3:"}},
		{"nearest key", fig("subtitel = \"x\"\n" + rows(1)), []string{`figure "f": subtitel: unknown key; did you mean "subtitle"?`}},
		{"nearest data key", fig("data = [{ label = \"a\", vale = 1 }]"), []string{`data[0].vale: unknown key; did you mean "value"?`, `data[0].value: is missing`}},
		{"long string", fig("subtitle = \"" + strings.Repeat("x", 1001) + "\"\n" + rows(1)), []string{"subtitle: is 1001 characters long; at most 1000"}},
		{"too many points", fig(rows(10_001)), []string{"data: has 10001 rows; a column chart shows at most 10000"}},
		{"many points are fine", fig(rows(10_000)), nil},
		{"too many figures", figures(1001), []string{"1001 figures; at most 1000"}},
		{"huge number", fig("data = [{ label = \"a\", value = 1e300 }]"), []string{"data[0].value: 1e+300 is too large"}},
		{"fractional scale", fig("scale = 1.5\n" + rows(1)), []string{"scale: must be a whole number, not 1.5"}},
		{"figure as table", "[figure]\nid = \"a\"", []string{"figure: must be an array of tables"}},
		{"data not tables", fig("data = [1, 2]"), []string{"data: must be an array of tables"}},
		{"unknown figure key lists known", fig("zzzzzzzzzz = 1\n" + rows(1)), []string{"zzzzzzzzzz: unknown key; known keys are"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode("f.toml", []byte(tt.src), ".")
			if tt.want == nil {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q\ndoes not contain %q", err, w)
				}
			}
		})
	}
}

func TestFileTooLarge(t *testing.T) {
	src := make([]byte, maxFileBytes+1)
	_, err := Decode("big.toml", src, ".")
	if err == nil || !strings.Contains(err.Error(), "at most 16 MiB") {
		t.Fatalf("got %v", err)
	}
}

func TestNearest(t *testing.T) {
	known := []string{"title", "subtitle", "source", "value", "low", "high"}
	for in, want := range map[string]string{"titel": "title", "Title": "title", "hgh": "high", "zzzzzz": ""} {
		if got := nearest(in, known); got != want {
			t.Errorf("nearest(%q) = %q, want %q", in, got, want)
		}
	}
}
