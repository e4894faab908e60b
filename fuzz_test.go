package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// FuzzCLI runs the whole command on a TOML file and a CSV file beside it,
// in a fresh folder: whatever they hold, the run ends in time with a
// documented status; an invalid input (2) writes no image; a run that
// succeeds (0) leaves a manifest that lists exactly the figures written,
// each file on disk with the bytes and sha256 it gives.
func FuzzCLI(f *testing.F) {
	tomls, _ := filepath.Glob("charts/testdata/*.toml")
	bad, _ := filepath.Glob("charts/testdata/bad/*.toml")
	csvs, _ := filepath.Glob("charts/testdata/data/*.csv")
	csv := []byte("label,value\na,1\nb,2\n")
	if len(csvs) > 0 {
		csv, _ = os.ReadFile(csvs[0])
	}
	for _, p := range append(append(tomls, bad...), "data.toml") {
		b, _ := os.ReadFile(p)
		f.Add(b, csv)
	}
	f.Add([]byte("[[figure]]\nid = \"a\"\ntype = \"column\"\ntitle = \"T\"\ndata = \"data.csv\"\n"), []byte("label,value\n\"x\"y,1\n"))
	f.Add([]byte("[[figure]]\nid = \"a\"\ntype = \"bar\"\ntitle = \"T\"\ndata = \"../../../../etc/passwd\"\n"), csv)
	f.Fuzz(func(t *testing.T, toml, csvData []byte) {
		done := make(chan struct{})
		timer := time.AfterFunc(20*time.Second, func() {
			select {
			case <-done:
			default:
				panic(fmt.Sprintf("the run took over 20 s on:\n%.4000s", toml))
			}
		})
		defer func() { close(done); timer.Stop() }()

		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, "data.toml"), toml, 0o644)
		os.WriteFile(filepath.Join(dir, "data.csv"), csvData, 0o644)
		out := filepath.Join(dir, "out")
		var stdout, stderr bytes.Buffer
		code := run([]string{"-q", "-j", "1", "-f", "svg,html", "-o", out, filepath.Join(dir, "data.toml")}, &stdout, &stderr)
		switch code {
		case exitOK, exitFailed:
		case exitInvalid:
			if entries, err := os.ReadDir(out); err == nil && len(entries) > 0 {
				t.Fatalf("exit 2, but %d files were written", len(entries))
			}
			return
		default:
			t.Fatalf("exit %d:\n%s", code, stderr.String())
		}
		if code == exitOK && stderr.Len() > 0 {
			t.Fatalf("exit 0 with errors:\n%s", stderr.String())
		}
		js, err := os.ReadFile(filepath.Join(out, manifestName))
		if err != nil {
			t.Fatalf("exit %d without a manifest: %v", code, err)
		}
		var m manifest
		if err := json.Unmarshal(js, &m); err != nil {
			t.Fatalf("the manifest is not JSON: %v", err)
		}
		for _, fig := range m.Figures {
			for _, o := range fig.Files {
				b, err := os.ReadFile(filepath.Join(out, o.Path))
				if err != nil {
					t.Fatalf("the manifest lists %s, which is missing", o.Path)
				}
				sum := sha256.Sum256(b)
				if len(b) != o.Bytes || hex.EncodeToString(sum[:]) != o.SHA256 {
					t.Fatalf("the manifest's sha256 of %s does not match the file", o.Path)
				}
			}
		}
		if code == exitOK && strings.Count(stderr.String(), "\n") > 0 {
			t.Fatalf("exit 0 printed: %s", stderr.String())
		}
	})
}
