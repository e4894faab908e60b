package charts

import (
	_ "embed"
	"strings"
)

// docSource is doc.go, whose package comment is the manual of the TOML
// format: presschart man prints it, so a binary installed without the
// source still carries it.
//
//go:embed doc.go
var docSource string

// Manual is the manual of the TOML format: doc.go's package comment as
// text, from its first heading ("# A file"), headings and indented
// examples as written.
func Manual() string {
	var b strings.Builder
	started := false
	for _, line := range strings.Split(docSource, "\n") {
		if started = started || strings.HasPrefix(line, "// # "); !started {
			continue
		}
		if strings.HasPrefix(line, "package ") {
			break
		}
		line = strings.TrimPrefix(line, "//")
		line = strings.TrimPrefix(line, " ")
		b.WriteString(line + "\n")
	}
	return b.String()
}
