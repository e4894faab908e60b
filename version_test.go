package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestIsRelease(t *testing.T) {
	for v, want := range map[string]bool{
		"v0.2.0": true, "v1.10.3": true, "v1.0.0-rc.1": true,
		"(devel)": false, "": false, "0.2.0": false,
		"v0.0.0-20261128035848-4f9544ea6e2c":         false,
		"v0.0.0-20261128035848-4f9544ea6e2c+dirty":   false,
		"v0.2.1-0.20261128035848-4f9544ea6e2c":       false,
		"v0.2.1-0.20261128035848-4f9544ea6e2c+dirty": false,
	} {
		if got := isRelease(v); got != want {
			t.Errorf("isRelease(%q) = %v", v, got)
		}
	}
	b := buildInfo{Version: "0.2.0", Commit: "4f9544ea6e2ceb7eb70ef940c4249ead8aeb8c93", Modified: true, Go: "go1.26.8"}
	if g := b.generator(); g != "presschart 0.2.0 (4f9544ea6e2c-modified)" {
		t.Errorf("generator %q", g)
	}
}

// TestVersionNamesCommit: a binary built in the clone (go build, with
// version control stamping on) names the commit it was built from.
func TestVersionNamesCommit(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	head, err := exec.Command("git", "rev-parse", "HEAD").Output()
	if err != nil {
		t.Skipf("skipped: not a git checkout, or no git: %v", err)
	}
	bin := filepath.Join(t.TempDir(), "presschart")
	if out, err := exec.Command("go", "build", "-buildvcs=true", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "--version").Output()
	if err != nil {
		t.Fatal(err)
	}
	if want := "commit     " + strings.TrimSpace(string(head)); !strings.Contains(string(out), want) {
		t.Errorf("--version says\n%s\nwant a line %q", out, want)
	}
}
