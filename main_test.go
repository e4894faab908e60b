package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/presschart/presschart/charts"
)

var update = flag.Bool("update", false, "rewrite the CLI scripts' golden parts and out/")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"presschart": func() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// TestScript runs the CLI scripts in testdata/script: flags, exit codes,
// standard input and output, and error output.
func TestScript(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		UpdateScripts:       *update,
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			// The scripts render the repository's own data.toml too.
			data, err := os.ReadFile("data.toml")
			if err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(env.WorkDir, "story.toml"), data, 0o644)
		},
	})
}

// TestOutUpToDate keeps out/ byte-identical to what the code renders from
// data.toml today, so README's pictures never lie. After a deliberate
// change: go run . (or go test -update) and commit out/.
func TestOutUpToDate(t *testing.T) {
	dir := t.TempDir()
	var stderr bytes.Buffer
	if code := run([]string{"-q", "-o", dir, "data.toml"}, io.Discard, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if *update {
		files, _ := os.ReadDir(dir)
		for _, f := range files {
			b, _ := os.ReadFile(filepath.Join(dir, f.Name()))
			if err := os.WriteFile(filepath.Join("out", f.Name()), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	want, got := listDir(t, "out"), listDir(t, dir)
	if strings.Join(want, " ") != strings.Join(got, " ") {
		t.Fatalf("out/ holds %v, but data.toml renders %v; run go run . and commit out/", want, got)
	}
	for _, name := range want {
		a, _ := os.ReadFile(filepath.Join("out", name))
		b, _ := os.ReadFile(filepath.Join(dir, name))
		if !bytes.Equal(a, b) {
			t.Errorf("out/%s is not what data.toml renders today; run go run . and commit out/", name)
		}
	}
}

func listDir(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names
}

// TestExitCodes pins the documented exit statuses.
func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.toml")
	bad := filepath.Join(dir, "bad.toml")
	os.WriteFile(good, []byte("[[figure]]\nid = \"a\"\ntype = \"bar\"\ntitle = \"A\"\ndata = [{ label = \"x\", value = 1 }]\n"), 0o644)
	os.WriteFile(bad, []byte("[[figure]]\nid = \"a\"\ntype = \"bar\"\ntitle = \"A\"\ndata = [{ label = \"x\", value = nan }]\n"), 0o644)
	// A regular file where the output folder should be makes writing fail.
	blocked := filepath.Join(dir, "blocked")
	os.WriteFile(blocked, nil, 0o644)
	tests := []struct {
		args []string
		code int
	}{
		{[]string{"-o", filepath.Join(dir, "out"), good}, 0},
		{[]string{"--check", good}, 0},
		{[]string{"--version"}, 0},
		{[]string{"--help"}, 0},
		{[]string{"-o", filepath.Join(dir, "out"), bad}, 2},
		{[]string{"--no-such-flag"}, 2},
		{[]string{"-f", "pdf", good}, 2},
		{[]string{"--only", "zzz", good}, 2},
		{[]string{"--shard", "3/2", good}, 2},
		{[]string{filepath.Join(dir, "missing.toml")}, 2},
		{[]string{"-o", filepath.Join(blocked, "sub"), good}, 1},
		{[]string{"-o", blocked, good}, 2},
		{[]string{"-o", "", good}, 2},
	}
	for _, tt := range tests {
		if got := run(tt.args, io.Discard, io.Discard); got != tt.code {
			t.Errorf("presschart %s: exit %d, want %d", strings.Join(tt.args, " "), got, tt.code)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "out", "a.png")); err != nil {
		t.Errorf("the good run wrote no a.png: %v", err)
	}
}

// TestShardsPartition checks that the shards of a run are disjoint and
// together hold every figure.
func TestShardsPartition(t *testing.T) {
	var all bytes.Buffer
	run([]string{"--list", "data.toml"}, &all, io.Discard)
	var union []string
	for i := 1; i <= 3; i++ {
		var out bytes.Buffer
		if code := run([]string{"--list", "--shard", string(rune('0'+i)) + "/3", "data.toml"}, &out, io.Discard); code != 0 {
			t.Fatalf("shard %d/3: exit %d", i, code)
		}
		union = append(union, strings.Split(strings.TrimSpace(out.String()), "\n")...)
	}
	var nonEmpty []string
	for _, l := range union {
		if l != "" {
			nonEmpty = append(nonEmpty, l)
		}
	}
	want := strings.Split(strings.TrimSpace(all.String()), "\n")
	sort.Strings(want)
	sort.Strings(nonEmpty)
	if strings.Join(want, "\n") != strings.Join(nonEmpty, "\n") {
		t.Errorf("union of shards:\n%s\nwant:\n%s", strings.Join(nonEmpty, "\n"), strings.Join(want, "\n"))
	}
}

// TestJSONSchema validates --json output, and the manifest written beside
// the images, against the documented schema in docs/manifest.schema.json.
func TestJSONSchema(t *testing.T) {
	f, err := os.Open("docs/manifest.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(f)
	f.Close()
	if err != nil {
		t.Fatalf("the schema is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("manifest.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("manifest.schema.json")
	if err != nil {
		t.Fatalf("the schema does not compile: %v", err)
	}
	dir := t.TempDir()
	var stdout bytes.Buffer
	if code := run([]string{"-q", "--json", "-o", dir, "data.toml", "charts/testdata/renditions.toml"}, &stdout, io.Discard); code != 0 {
		t.Fatalf("exit %d", code)
	}
	written, _ := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if !bytes.Equal(written, stdout.Bytes()) {
		t.Error("--json printed something else than manifest.json holds")
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(stdout.Bytes()))
	if err != nil {
		t.Fatalf("--json printed no JSON: %v", err)
	}
	if err := schema.Validate(inst); err != nil {
		t.Errorf("the manifest does not fit its schema: %v", err)
	}
	// The schema must be able to fail.
	bad, _ := jsonschema.UnmarshalJSON(strings.NewReader(`{"generator": "presschart 1.0.0", "figures": [{"id": "A", "type": "pie", "title": "", "alt": "", "files": []}]}`))
	if schema.Validate(bad) == nil {
		t.Error("the schema accepts a broken manifest")
	}
}

// TestReadmeExample decodes the TOML example in README.md, so the
// reference there stays true to the code.
func TestReadmeExample(t *testing.T) {
	b, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(b), "```toml\n")
	example, _, ok2 := strings.Cut(rest, "```")
	if !ok || !ok2 {
		t.Fatal("README.md has no ```toml example")
	}
	f, err := charts.Decode("README.md", []byte(example), ".")
	if err != nil {
		t.Fatalf("README's example does not decode:\n%v", err)
	}
	if len(f.Figures) == 0 {
		t.Fatal("README's example has no figure")
	}
	if _, err := f.Figures[0].RenderFiles([]string{"svg"}); err != nil {
		t.Fatal(err)
	}
}

// TestSchemaFollowsTables: the manifest schema's lists of types and
// formats, and its file-name pattern, are the code's tables.
func TestSchemaFollowsTables(t *testing.T) {
	b, err := os.ReadFile("docs/manifest.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var schema struct {
		Properties struct {
			Figures struct {
				Items struct {
					Properties struct {
						Type  struct{ Enum []string }
						Files struct {
							Items struct {
								Properties struct {
									Path   struct{ Pattern string }
									Format struct{ Enum []string }
								}
							}
						}
					}
				}
			}
		}
	}
	if err := json.Unmarshal(b, &schema); err != nil {
		t.Fatal(err)
	}
	item := schema.Properties.Figures.Items.Properties
	types := slices.Sorted(slices.Values(item.Type.Enum))
	if !slices.Equal(types, charts.KindNames()) {
		t.Errorf("the schema's types are %v; the kinds table has %v", types, charts.KindNames())
	}
	file := item.Files.Items.Properties
	if !slices.Equal(file.Format.Enum, charts.FormatNames()) {
		t.Errorf("the schema's formats are %v; the formats table has %v", file.Format.Enum, charts.FormatNames())
	}
	var exts []string
	for _, e := range charts.FormatExtensions() {
		exts = append(exts, regexp.QuoteMeta(e))
	}
	if want := `\.(` + strings.Join(exts, "|") + `)$`; !strings.HasSuffix(file.Path.Pattern, want) {
		t.Errorf("the schema's path pattern %q does not end in %q", file.Path.Pattern, want)
	}
}

// TestManifestEncoding: the manifest, written a figure at a time, has the
// bytes json.MarshalIndent gives the whole, for none, one and several
// figures, with and without renditions and files.
func TestManifestEncoding(t *testing.T) {
	fig := func(id, of string, files int) manifestFigure {
		f := manifestFigure{ID: id, RenditionOf: of, Type: "bar", Title: "Deaths <& \"quotes\"> \u2028", Alt: "A bar chart.", Files: []charts.Output{}}
		for i := range files {
			f.Files = append(f.Files, charts.Output{Path: fmt.Sprintf("%s.%d", id, i), Format: "png", Width: 640, Height: 400 + i, Bytes: 1234, SHA256: "ab"})
		}
		return f
	}
	for _, figs := range [][]manifestFigure{{}, {fig("a", "", 1)}, {fig("a", "", 2), fig("a-dark", "a", 0), fig("b", "", 3)}} {
		m := manifest{Generator: "presschart test", Figures: figs}
		want, err := json.MarshalIndent(m, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if got := m.encode(); string(got) != string(want)+"\n" {
			t.Errorf("%d figures: encoded\n%s\nwant\n%s", len(figs), got, want)
		}
	}
}

// TestRenderOrder: each figure is started after its renditions, and a
// rendition selected without its figure keeps its place.
func TestRenderOrder(t *testing.T) {
	fig := func(id, of string) *charts.Figure { return &charts.Figure{ID: id, RenditionOf: of} }
	figs := []*charts.Figure{fig("a", ""), fig("a-dark", "a"), fig("a-mobile", "a"), fig("b", ""), fig("c-dark", "c"), fig("d", "")}
	var got []string
	for _, i := range renderOrder(figs) {
		got = append(got, figs[i].ID)
	}
	if want := []string{"a-dark", "a-mobile", "a", "b", "c-dark", "d"}; !slices.Equal(got, want) {
		t.Errorf("order %v, want %v", got, want)
	}
}
