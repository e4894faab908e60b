package font

import (
	"strings"
	"testing"
)

func TestWrap(t *testing.T) {
	f := Default(false)
	lines, cut := f.Wrap("North Korean troops deployed in the Kursk region", 13, 120, 0)
	if cut || len(lines) < 2 {
		t.Fatalf("lines %q", lines)
	}
	for _, l := range lines {
		if w := f.Width(l, 13); w > 120 {
			t.Errorf("line %q is %g px wide, over 120", l, w)
		}
		if strings.HasPrefix(l, " ") || strings.HasSuffix(l, " ") {
			t.Errorf("line %q has edge spaces", l)
		}
	}
	if got := strings.Join(lines, " "); got != "North Korean troops deployed in the Kursk region" {
		t.Errorf("wrapping lost words: %q", got)
	}
	lines, cut = f.Wrap("A country whose name is sixty characters long, for the test", 13, 100, 2)
	if !cut || len(lines) != 2 || !strings.HasSuffix(lines[1], "…") {
		t.Errorf("want two lines ending in an ellipsis, got %q", lines)
	}
	lines, _ = f.Wrap("Supercalifragilisticexpialidocious", 13, 50, 0)
	for _, l := range lines {
		if f.Width(l, 13) > 50 {
			t.Errorf("a long word was not split: %q", lines)
		}
	}
}

func TestKerningAndMissing(t *testing.T) {
	f := Default(false)
	if kerned, plain := f.Width("AV", 100), f.Width("A", 100)+f.Width("V", 100); kerned >= plain {
		t.Errorf("AV is %g wide, A+V %g: no kerning", kerned, plain)
	}
	if r, missing := f.Missing("Київ ґ є і ї ’ 18 000"); missing {
		t.Errorf("Ukrainian text reported missing %q", r)
	}
	if r, missing := f.Missing("rocket 🚀"); !missing || r != '🚀' {
		t.Errorf("Missing = %q, %v", r, missing)
	}
}

func TestParseRejectsNonFonts(t *testing.T) {
	if _, err := Parse([]byte("not a font"), false); err == nil {
		t.Error("parsed a text file as a font")
	}
}
