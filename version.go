package main

import (
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/presschart/presschart/charts"
)

// buildInfo is what a presschart binary knows of its own build: the
// release it is (the module version that go install PATH@VERSION records,
// else charts.Version, "0.2.0-dev" between releases), the commit it was
// built from and whether the tree had changes (when Go stamped them:
// go build and go install in a clone, unless -buildvcs=false), and the Go
// release that built it.
type buildInfo struct {
	Version    string `json:"version"`               // "0.2.0", or "0.3.0-dev"
	Commit     string `json:"commit,omitempty"`      // the full revision
	Modified   bool   `json:"modified,omitempty"`    // built from a tree with changes
	CommitTime string `json:"commit_time,omitempty"` // RFC 3339
	Go         string `json:"go"`
}

// linkedCommit is the commit a build without version control information
// names with -ldflags "-X main.linkedCommit=…" (the Dockerfile's, whose
// context has no .git).
var linkedCommit string

// readBuildInfo reads the binary's build information.
func readBuildInfo() buildInfo {
	b := buildInfo{Version: charts.Version, Go: runtime.Version()}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return b
	}
	if v := bi.Main.Version; isRelease(v) {
		b.Version = strings.TrimPrefix(v, "v")
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			b.Commit = s.Value
		case "vcs.modified":
			b.Modified = s.Value == "true"
		case "vcs.time":
			b.CommitTime = s.Value
		}
	}
	if b.Commit == "" && commitPattern().MatchString(linkedCommit) {
		b.Commit = linkedCommit
	}
	return b
}

var commitPattern = lazyRegexp(`^[0-9a-f]{7,64}$`)

// isRelease says that a module version names a release (v1.2.3, v1.2.3-rc.1),
// not a development build: "(devel)", or a pseudo-version that Go makes
// from a commit (v0.0.0-20261128035848-4f9544ea6e2c+dirty).
func isRelease(v string) bool {
	return releaseVersion().MatchString(v) && !pseudoVersion().MatchString(v)
}

var (
	releaseVersion = lazyRegexp(`^v[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$`)
	pseudoVersion  = lazyRegexp(`[0-9]{14}-[0-9a-f]{12}$`)
)

// short is the commit as a bug report gives it: 12 hex digits, and
// "-modified" for a tree with changes.
func (b buildInfo) short() string {
	c := b.Commit
	if len(c) > 12 {
		c = c[:12]
	}
	if c != "" && b.Modified {
		c += "-modified"
	}
	return c
}

// generator is the manifest's "generator": the release, and the commit
// when the build knows it.
func (b buildInfo) generator() string {
	if c := b.short(); c != "" {
		return fmt.Sprintf("presschart %s (%s)", b.Version, c)
	}
	return "presschart " + b.Version
}

// String is what --version prints.
func (b buildInfo) String() string {
	var s strings.Builder
	fmt.Fprintf(&s, "presschart %s\n", b.Version)
	if b.Commit != "" {
		fmt.Fprintf(&s, "commit     %s", b.Commit)
		if b.Modified {
			s.WriteString(" (with uncommitted changes)")
		}
		s.WriteString("\n")
		if b.CommitTime != "" {
			fmt.Fprintf(&s, "committed  %s\n", b.CommitTime)
		}
	} else {
		s.WriteString("commit     unknown (built without version control information: go run, or -buildvcs=false)\n")
	}
	fmt.Fprintf(&s, "built with %s, %s/%s\n", b.Go, runtime.GOOS, runtime.GOARCH)
	return s.String()
}

const versionUsage = `presschart version prints the version, the commit it was built from, and
the Go release that built it; --json prints them as a JSON object:
{"version", "commit", "modified", "commit_time", "go"} (commit, modified
and commit_time only when the build recorded them).

Usage:
  presschart version [--json]
`

// versionMain runs presschart version.
func versionMain(args []string, stdout, stderr io.Writer) int {
	b := readBuildInfo()
	switch {
	case len(args) == 0:
		io.WriteString(stdout, b.String())
	case len(args) == 1 && args[0] == "--json":
		out, _ := json.MarshalIndent(b, "", "  ")
		fmt.Fprintf(stdout, "%s\n", out)
	case len(args) == 1 && (args[0] == "-h" || args[0] == "--help"):
		io.WriteString(stdout, versionUsage)
	default:
		fmt.Fprintf(stderr, "presschart version: unknown arguments %q\n%s", args, versionUsage)
		return exitInvalid
	}
	return exitOK
}
