package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// helpFlags are the flags a command's --help lists.
func helpFlags(t *testing.T, args ...string) []string {
	t.Helper()
	var out, errb bytes.Buffer
	if code := run(append(args, "--help"), &out, &errb); code != 0 {
		t.Fatalf("%v --help: %d %s", args, code, errb.String())
	}
	var flags []string
	for _, m := range regexp.MustCompile(`(?m)^\s+(?:-\w, )?(--[a-z-]+)`).FindAllStringSubmatch(out.String(), -1) {
		flags = append(flags, m[1])
	}
	if len(flags) == 0 {
		t.Fatalf("%v --help lists no flags", args)
	}
	return flags
}

// TestCompletionAndManFollowHelp: every flag that --help lists, of every
// command, is in the man page and in each shell's completion.
func TestCompletionAndManFollowHelp(t *testing.T) {
	gen := map[string]string{"bash": bashCompletion(), "zsh": zshCompletion(), "fish": fishCompletion(), "man": manPage()}
	for _, cmd := range [][]string{nil, {"serve"}, {"import"}} {
		for _, f := range helpFlags(t, cmd...) {
			for name, text := range gen {
				want := f
				switch name {
				case "fish":
					want = "-l " + strings.TrimPrefix(f, "--")
				case "man":
					want = `\-\-` + strings.ReplaceAll(strings.TrimPrefix(f, "--"), "-", `\-`)
				}
				if !strings.Contains(text, want) {
					t.Errorf("%s lacks %v %s", name, cmd, f)
				}
			}
		}
	}
	for _, c := range commands() {
		if c.name != "" && !strings.Contains(bashCompletion(), c.name) {
			t.Errorf("bash completion lacks the command %s", c.name)
		}
	}
}

// TestBashCompletion loads the script in bash and completes as a user
// would press Tab.
func TestBashCompletion(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("skipped: no bash")
	}
	dir := t.TempDir()
	script := filepath.Join(dir, "presschart.bash")
	os.WriteFile(script, []byte(bashCompletion()), 0o644)
	os.WriteFile(filepath.Join(dir, "story.toml"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "rates.csv"), nil, 0o644)
	os.Mkdir(filepath.Join(dir, "web"), 0o755)
	for _, c := range []struct {
		line string // the words so far; the last is completed
		want string
	}{
		{"presschart --fo", "--format"},
		{"presschart -f s", "svg"},
		{"presschart -f png,s", "png,svg"},
		{"presschart ser", "serve"},
		{"presschart serve --con", "--concurrency"},
		{"presschart import --type gro", "grouped-bar grouped-column"},
		{"presschart import ra", "rates.csv"},
		{"presschart sto", "story.toml"},
		{"presschart -o w", "web"},
		{"presschart completion f", "fish"},
	} {
		words := strings.Fields(c.line)
		prog := "source " + script + "; COMP_WORDS=(" + strings.Join(words, " ") + "); COMP_CWORD=" +
			strconv.Itoa(len(words)-1) + "; _presschart; echo \"${COMPREPLY[*]}\""
		cmd := exec.Command(bash, "-c", prog)
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s", c.line, err, out)
		}
		if got := strings.TrimSpace(string(out)); got != c.want {
			t.Errorf("%q completes to %q, want %q", c.line, got, c.want)
		}
	}
}

// TestOtherShellsParse checks the zsh and fish scripts with those shells,
// where they are installed.
func TestOtherShellsParse(t *testing.T) {
	for _, sh := range []struct{ name, script string }{{"zsh", zshCompletion()}, {"fish", fishCompletion()}} {
		path, err := exec.LookPath(sh.name)
		if err != nil {
			t.Logf("skipped: no %s to parse its completion with", sh.name)
			continue
		}
		f := filepath.Join(t.TempDir(), "c")
		os.WriteFile(f, []byte(sh.script), 0o644)
		if out, err := exec.Command(path, "-n", f).CombinedOutput(); err != nil {
			t.Errorf("%s -n: %v\n%s", sh.name, err, out)
		}
	}
}

// TestManPage: man renders it without warnings, where man and groff are.
func TestManPage(t *testing.T) {
	page := manPage()
	for _, want := range []string{".TH PRESSCHART 1", ".SH OPTIONS", ".SH PRESSCHART SERVE", ".SH EXIT STATUS"} {
		if !strings.Contains(page, want) {
			t.Errorf("the man page lacks %q", want)
		}
	}
	groff, err := exec.LookPath("groff")
	if err != nil {
		t.Log("skipped rendering: no groff")
		return
	}
	cmd := exec.Command(groff, "-man", "-Tutf8", "-ww", "-z")
	cmd.Stdin = strings.NewReader(page)
	if out, err := cmd.CombinedOutput(); err != nil || len(out) > 0 {
		t.Errorf("groff: %v\n%s", err, out)
	}
}
