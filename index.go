package main

import (
	"bytes"
	"html"
	"os"
	"path/filepath"
	"strconv"
)

// indexName is the page that shows every figure of the output folder as
// an article would: a plain column, light or dark as the reader's system
// is, each figure by its HTML snippet. The desk opens it to look; the
// browser tests load it.
const indexName = "index.html"

// indexMost is the most figures the page shows; a batch of thousands is
// listed in the manifest, not drawn in one page.
const indexMost = 200

// indexPage returns the page for the figures of a manifest (sorted by id),
// or nil when none of them has a snippet. It reads each snippet from dir:
// the page shows what a CMS would paste.
func indexPage(dir string, figs []manifestFigure) []byte {
	var body bytes.Buffer
	shown, rest := 0, 0
	for _, f := range figs {
		if f.RenditionOf != "" {
			continue
		}
		if shown == indexMost {
			rest++
			continue
		}
		shown++
		for _, format := range []string{"html", "inline"} {
			for _, file := range f.Files {
				if file.Format != format {
					continue
				}
				snippet, err := os.ReadFile(filepath.Join(dir, file.Path))
				if err != nil || fileSumOf(snippet) != file.SHA256 {
					continue // changed since: the manifest no longer vouches for it
				}
				body.WriteString(`<section class="index-figure" id="index-` + format + "-" + html.EscapeString(f.ID) + `" data-figure="` + html.EscapeString(f.ID) + `" data-format="` + format + `">` + "\n")
				body.WriteString(`<p class="index-label">` + html.EscapeString(file.Path) + "</p>\n")
				body.Write(snippet)
				body.WriteString("</section>\n")
			}
		}
	}
	if body.Len() == 0 {
		return nil
	}
	if rest > 0 {
		body.WriteString("<p>" + strconv.Itoa(rest) + " more figures are listed in " + manifestName + ".</p>\n")
	}
	var b bytes.Buffer
	b.WriteString(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>Figures</title>
<style>
body{margin:0;background:#fff;color:#121212;font:18px/1.5 Georgia,"Times New Roman",serif}
main{max-width:640px;margin:0 auto;padding:16px}
.index-figure{margin:0 0 48px}
.index-label{margin:0 0 8px;font:12px/1.4 ui-monospace,Menlo,Consolas,monospace;color:#6b6b6b}
a{color:#0b57d0}
@media (prefers-color-scheme: dark){body{background:#16181c;color:#f3f3f3}.index-label{color:#a4a4a4}a{color:#8ab4f8}}
</style>
</head>
<body>
<main>
`)
	b.Write(body.Bytes())
	b.WriteString("</main>\n</body>\n</html>\n")
	return b.Bytes()
}
