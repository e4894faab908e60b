package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
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

// TestGoVersionStatedOnce: README states the Go release that go.mod's go
// line requires, and no other.
func TestGoVersionStatedOnce(t *testing.T) {
	mod, err := os.ReadFile("go.mod")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^go (\S+)$`).FindSubmatch(mod)
	if m == nil {
		t.Fatal("go.mod has no go line")
	}
	readme, _ := os.ReadFile("README.md")
	want := "With Go " + string(m[1]) + " or later"
	if !strings.Contains(string(readme), want) {
		t.Errorf("README does not say %q", want)
	}
	for _, claim := range regexp.MustCompile(`Go (1\.\d+(?:\.\d+)?) or later`).FindAllSubmatch(readme, -1) {
		if string(claim[1]) != string(m[1]) {
			t.Errorf("README claims Go %s or later; go.mod says %s", claim[1], m[1])
		}
	}
}
