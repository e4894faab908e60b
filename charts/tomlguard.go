package charts

import (
	"bytes"
	"fmt"
	"unicode/utf8"
)

// Limits that guardTOML enforces before a file reaches the TOML decoder. A
// presschart file nests arrays and inline tables at most 3 deep
// (data = [ { values = [1, 2] } ]) and its keys are short words such as
// "subtitle" or "figure.annotation"; the limits leave ample room for that.
const (
	maxNesting  = 8   // arrays and inline tables inside one another
	maxKeyBytes = 128 // the whole text of a key, quotes, dots and all
	maxKeyParts = 4   // the dotted parts of one key, as in a.b.c.d
)

// guardTOML scans src before it is handed to the TOML decoder and refuses
// input that would make the decoder (github.com/BurntSushi/toml v1.6.0) take
// super-linear time or memory: nesting of arrays/inline tables deeper than
// maxNesting, and keys (bare, quoted or dotted, in `key = value` lines, inside
// inline tables, and in [table] / [[array]] headers) longer than maxKeyBytes
// bytes or with more than maxKeyParts dotted parts. It returns the 1-based line
// and column of the problem and a message, or msg == "" (and line and col 0)
// when src is acceptable. The column counts runes (characters), not bytes,
// from the start of the line; the line counts '\n's as the decoder does, and
// a byte-order mark at the start of the file is skipped as the decoder skips
// it.
//
// guardTOML is a lexical scanner: one pass over the bytes, in time linear in
// len(src), with a fixed-size stack of open brackets as its only memory. It
// follows TOML 1.0 and 1.1 (newlines and a trailing comma inside inline
// tables) as the decoder reads it, so it never refuses a file the decoder
// accepts within the limits. It does not check syntax: where it meets input
// that is certainly not TOML (a broken key, a newline inside a one-line
// string, an '=' or ',' where no value or key can be), it stops and returns
// "", because the decoder stops there too, with a message that names the
// mistake. A limit is reported only when it is exceeded before that point.
func guardTOML(src []byte) (line, col int, msg string) {
	g := newTOMLGuard(src)
	g.run()
	if g.msg == "" {
		return 0, 0, ""
	}
	return g.probLine, g.probCol, g.msg
}

// The places a tomlGuard can be in, between tokens.
const (
	guardLineStart = iota // start of a line outside any value: key, [header], comment or blank
	guardLineEnd          // after a header or a whole top-level value: only a comment may follow
	guardInlineKey        // in an inline table, where a key (or its closing '}') is due
	guardValue            // in a value: after '=', inside arrays, between inline-table entries
)

// tomlGuard is the state of one guardTOML scan.
type tomlGuard struct {
	src       []byte
	i         int // offset of the next byte to look at
	line      int // 1-based line of src[i]
	lineStart int // offset of the first byte of that line

	// stack holds '[' or '{' for each array or inline table open at src[i];
	// depth is how many are open.
	stack [maxNesting]byte
	depth int

	done bool // the scan is over: a problem was found or the input is not TOML

	// The outcome. msg is empty when no limit was exceeded; stopAt is the
	// offset at which the scan met input that is certainly not TOML, or -1.
	probLine, probCol int
	msg               string
	stopAt            int

	// headers are where figure sections start and end, for
	// figureSections: every [[figure]], the first other header after
	// one, and a [figure.x] or [figure] that comes before any; quoted
	// says a header's name was quoted, which figureSections leaves to
	// the decoder. A file of a million other tables records one.
	headers []guardHeader
	quoted  bool
}

// guardHeader is a header of the file: where its line starts, the line's
// number and what it is.
type guardHeader struct {
	at, line int
	kind     headerKind
}

// headerKind is what a header is to figureSections.
type headerKind uint8

const (
	figureArray headerKind = iota // [[figure]]
	figureSub                     // [figure.x], [[figure.x]] or [figure]
	otherTable                    // any other header
)

func newTOMLGuard(src []byte) *tomlGuard {
	g := &tomlGuard{src: src, line: 1, stopAt: -1}
	// The decoder drops a UTF-8 byte-order mark, and a UTF-16 one, before
	// it reads; skip the same bytes so that keys, lines and columns agree.
	switch {
	case bytes.HasPrefix(src, []byte("\xef\xbb\xbf")):
		g.i = 3
	case bytes.HasPrefix(src, []byte("\xff\xfe")), bytes.HasPrefix(src, []byte("\xfe\xff")):
		g.i = 2
	}
	g.lineStart = g.i
	return g
}

// run scans the whole input, or up to the first problem.
func (g *tomlGuard) run() {
	state := guardLineStart
	for !g.done && g.i < len(g.src) {
		switch state {
		case guardLineStart:
			state = g.scanLineStart()
		case guardLineEnd:
			state = g.scanLineEnd()
		case guardInlineKey:
			state = g.scanInlineKey()
		default:
			state = g.scanValue()
		}
	}
}

// refuse records a problem at offset at and ends the scan.
func (g *tomlGuard) refuse(at int, format string, args ...any) {
	g.probLine = g.line
	g.probCol = 1 + utf8.RuneCount(g.src[g.lineStart:at])
	g.msg = fmt.Sprintf(format, args...)
	g.done = true
}

// stop ends the scan at src[i], which is certainly not valid TOML there: the
// decoder stops at or before this point with its own message.
func (g *tomlGuard) stop() {
	g.stopAt = g.i
	g.done = true
}

// newline steps over the '\n' at src[i].
func (g *tomlGuard) newline() {
	g.i++
	g.line++
	g.lineStart = g.i
}

// skipBlanks steps over spaces and tabs, the whitespace TOML allows inside a
// line.
func (g *tomlGuard) skipBlanks() {
	for g.i < len(g.src) && (g.src[g.i] == ' ' || g.src[g.i] == '\t') {
		g.i++
	}
}

// skipComment steps from the '#' at src[i] to the end of the line, leaving
// the '\n' for the caller.
func (g *tomlGuard) skipComment() {
	if n := bytes.IndexByte(g.src[g.i:], '\n'); n >= 0 {
		g.i += n
	} else {
		g.i = len(g.src)
	}
}

// scanLineStart reads the start of a line outside any value: blank lines,
// comments, a [table] or [[array]] header, or the key of a key = value line.
func (g *tomlGuard) scanLineStart() int {
	for g.i < len(g.src) {
		switch g.src[g.i] {
		case ' ', '\t', '\r':
			g.i++
		case '\n':
			g.newline()
		case '#':
			g.skipComment()
		case '[':
			g.scanHeader()
			return guardLineEnd
		default:
			if g.scanKey('=') {
				g.i++ // the '='
			}
			return guardValue
		}
	}
	return guardLineStart
}

// scanHeader reads a [table] or [[array]] header from its first '['.
func (g *tomlGuard) scanHeader() {
	g.i++
	array := g.i < len(g.src) && g.src[g.i] == '['
	if array {
		g.i++
	}
	g.skipBlanks()
	start := g.i
	if !g.scanKey(']') {
		return
	}
	key := g.src[start:g.i]
	g.i++ // the ']'
	if array {
		if g.i < len(g.src) && g.src[g.i] == ']' {
			g.i++
		} else {
			g.stop() // [[name] with one ']'
			return
		}
	}
	g.noteHeader(key, array)
}

// noteHeader records a header that starts or ends a figure section.
func (g *tomlGuard) noteHeader(key []byte, array bool) {
	if bytes.ContainsAny(key, `"'`) {
		g.quoted = true
		return
	}
	first, _, dotted := bytes.Cut(key, []byte("."))
	kind := otherTable
	if string(bytes.TrimRight(first, " \t")) == "figure" {
		kind = figureSub
		if array && !dotted {
			kind = figureArray
		}
	}
	last := otherTable
	if n := len(g.headers); n > 0 {
		last = g.headers[n-1].kind
	}
	switch {
	case kind == figureArray,
		kind == otherTable && last != otherTable,
		kind == figureSub && len(g.headers) == 0:
		g.headers = append(g.headers, guardHeader{at: g.lineStart, line: g.line, kind: kind})
	}
}

// scanLineEnd reads what follows a header or a whole top-level value: blanks
// and a comment up to the end of the line, and nothing else.
func (g *tomlGuard) scanLineEnd() int {
	for g.i < len(g.src) {
		switch g.src[g.i] {
		case ' ', '\t', '\r':
			g.i++
		case '#':
			g.skipComment()
		case '\n':
			g.newline()
			return guardLineStart
		default:
			g.stop()
			return guardLineEnd
		}
	}
	return guardLineEnd
}

// scanInlineKey reads an inline table after its '{' or after a ',' between
// entries: blanks, newlines and comments (TOML 1.1), then a key or the '}'.
func (g *tomlGuard) scanInlineKey() int {
	for g.i < len(g.src) {
		switch g.src[g.i] {
		case ' ', '\t', '\r':
			g.i++
		case '\n':
			g.newline()
		case '#':
			g.skipComment()
		case '}':
			g.i++
			g.depth--
			return g.afterClose()
		default:
			if g.scanKey('=') {
				g.i++ // the '='
			}
			return guardValue
		}
	}
	return guardInlineKey
}

// afterClose is the state after an array or inline table closed: the rest of
// the line at the top level, else more of the enclosing value.
func (g *tomlGuard) afterClose() int {
	if g.depth == 0 {
		return guardLineEnd
	}
	return guardValue
}

// scanKey reads a key from its first byte at src[i] up to term, '=' after
// a key and ']' in a header, and leaves src[i] at term. A key is one or more
// parts, bare (A-Z a-z 0-9 _ -) or quoted ("basic" or 'literal'), joined by
// dots with blanks allowed around them. It reports whether the key was read
// and within the limits; otherwise the scan is done, refused or stopped.
func (g *tomlGuard) scanKey(term byte) bool {
	src := g.src
	start, end, parts := g.i, g.i, 0
	for {
		if g.i >= len(src) {
			g.stop()
			return false
		}
		switch c := src[g.i]; {
		case c == '"' || c == '\'':
			g.i++
			if !g.skipLineString(c) {
				g.stop()
				return false
			}
		case guardBare[c]:
			for g.i < len(src) && guardBare[src[g.i]] {
				g.i++
			}
		default:
			g.stop() // a key cannot start here: empty key, "a..b", "a. = 1"
			return false
		}
		parts++
		end = g.i
		g.skipBlanks()
		if g.i < len(src) && src[g.i] == '.' {
			g.i++
			g.skipBlanks()
			continue
		}
		if g.i < len(src) && src[g.i] == term {
			break
		}
		g.stop() // not a key after all: "a b = 1", a key without '='
		return false
	}

	what, example := "key", "subtitle"
	if term == ']' {
		what, example = "table name", "figure"
	}
	switch size := end - start; {
	case parts > maxKeyParts:
		g.refuse(start, "a %s with %d dotted parts; at most %d are allowed", what, parts, maxKeyParts)
		return false
	case size > maxKeyBytes:
		if chars := utf8.RuneCount(src[start:end]); chars != size {
			g.refuse(start, "a %s of %d characters (%d bytes); %ss such as %q are short, and at most %d bytes are allowed",
				what, chars, size, what, example, maxKeyBytes)
		} else {
			g.refuse(start, "a %s of %d characters; %ss such as %q are short, and at most %d characters are allowed",
				what, size, what, example, maxKeyBytes)
		}
		return false
	}
	return true
}

// scanValue reads values: scalars, strings, arrays and inline tables, with
// the blanks, newlines (inside brackets) and comments between them. It
// returns when an inline table is due a key, or when the top-level value is
// over.
func (g *tomlGuard) scanValue() int {
	src := g.src
	for g.i < len(src) {
		// Numbers, dates, booleans and blanks make up much of a value; step
		// over them in a tight loop.
		for g.i < len(src) && !guardValueSpecial[src[g.i]] {
			g.i++
		}
		if g.i >= len(src) {
			break
		}
		switch c := src[g.i]; c {
		case '\n':
			g.newline()
			if g.depth == 0 {
				return guardLineStart
			}
		case '#':
			g.skipComment()
		case '"', '\'':
			if !g.skipString(c) {
				g.stop() // a newline inside a one-line string
				return guardValue
			}
			if g.depth == 0 {
				return guardLineEnd
			}
		case '[', '{':
			if g.depth == maxNesting {
				g.refuse(g.i, "arrays and inline tables are nested %d deep; presschart files need at most 3, and at most %d are allowed",
					maxNesting+1, maxNesting)
				return guardValue
			}
			g.stack[g.depth] = c
			g.depth++
			g.i++
			if c == '{' {
				return guardInlineKey
			}
		case ']', '}':
			open := byte('[')
			if c == '}' {
				open = '{'
			}
			if g.depth == 0 || g.stack[g.depth-1] != open {
				g.stop() // a bracket that closes nothing open
				return guardValue
			}
			g.i++
			g.depth--
			if g.depth == 0 {
				return guardLineEnd
			}
		case ',':
			if g.depth == 0 {
				g.stop() // a top-level value is one value
				return guardValue
			}
			g.i++
			if g.stack[g.depth-1] == '{' {
				return guardInlineKey
			}
		case '=':
			g.stop() // keys were read elsewhere; no value holds an '='
			return guardValue
		}
	}
	return guardValue
}

// skipString steps over the string that starts with the quote q at src[i]:
// one-line or multi-line, basic or literal. It reports false when a one-line
// string meets a newline, or when the input ends inside a string.
func (g *tomlGuard) skipString(q byte) bool {
	src := g.src
	g.i++
	if g.i+1 < len(src) && src[g.i] == q && src[g.i+1] == q {
		g.i += 2
		return g.skipMultiString(q)
	}
	return g.skipLineString(q)
}

// skipLineString steps over the rest of a one-line string and its closing
// quote q: a "basic" one, where a backslash escapes the byte after it (the
// escape's own syntax is left to the decoder), or a 'literal' one, where
// nothing is escaped.
func (g *tomlGuard) skipLineString(q byte) bool {
	src := g.src
	for g.i < len(src) {
		switch c := src[g.i]; {
		case c == q:
			g.i++
			return true
		case c == '\n':
			return false
		case c == '\\' && q == '"':
			g.i++
			if g.i < len(src) && src[g.i] != '\n' {
				g.i++
			}
		default:
			g.i++
		}
	}
	return false
}

// skipMultiString steps over the rest of a multi-line string after its
// three opening quotes q: a basic one (three double quotes), where a
// backslash escapes the byte after it, a newline too, or a literal one
// (three single quotes), with no escapes.
// Three or more quotes in a row close the string: up to two of them
// belong to it ("""say "hi"""""), and the decoder refuses six or more.
func (g *tomlGuard) skipMultiString(q byte) bool {
	src := g.src
	for g.i < len(src) {
		switch c := src[g.i]; {
		case c == '\n':
			g.newline()
		case c == '\\' && q == '"':
			g.i++
			if g.i < len(src) {
				if src[g.i] == '\n' {
					g.newline()
				} else {
					g.i++
				}
			}
		case c == q:
			if g.skipQuoteRun(q) {
				return true
			}
		default:
			g.i++
		}
	}
	return false
}

// skipQuoteRun steps over the run of quotes q at src[i] and reports whether
// it was long enough, three or more, to close a multi-line string.
func (g *tomlGuard) skipQuoteRun(q byte) bool {
	start := g.i
	for g.i < len(g.src) && g.src[g.i] == q {
		g.i++
	}
	return g.i-start >= 3
}

// guardBare marks the bytes of bare keys. TOML allows A-Z a-z 0-9 _ and -;
// bytes of non-ASCII characters are counted in too, so that a key the decoder
// would refuse is still measured rather than taken for the end of the input
// the guard understands.
var guardBare = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		t[c] = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' ||
			c == '_' || c == '-' || c >= 0x80
	}
	return t
}()

// guardValueSpecial marks the bytes that scanValue must look at; any other
// byte is part of a scalar, a blank or a carriage return.
var guardValueSpecial = func() (t [256]bool) {
	for _, c := range []byte("\n#\"'[]{},=") {
		t[c] = true
	}
	return t
}()
