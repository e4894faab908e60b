package charts

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// numberKeys are the keys that say how numbers are written: decimals,
// prefix, suffix and compact. A figure's style takes them, and so do a
// number card's row and each series in series_formats, which override
// the figure's for their own values; nil fields follow the figure.
type numberKeys struct {
	decimals       *int
	prefix, suffix *string
	compact        *string // "off", "short" or "gb"
}

// numberKeyNames are the keys numberKeys reads, in the order doc.go
// lists them.
var numberKeyNames = []string{"decimals", "prefix", "suffix", "compact"}

// compactModes are the values compact takes besides true and false:
// "short" is true (the locale's units: 135K, 1.2M, 135 Tsd.); "gb" is
// British newsroom style, English only (5k, 410m, 1.2bn, 3trn).
var compactModes = []string{"short", "gb"}

// readNumberKeys reads the number keys of a table; affixes keep their
// spaces (" km" is written 2.5 km) and are recorded for the glyph check
// when record is set.
func readNumberKeys(t *table, record bool) (k numberKeys, set bool) {
	var d int
	if t.integer("decimals", &d, 0, maxDecimals) {
		k.decimals, set = &d, true
	}
	for _, a := range []struct {
		key string
		dst **string
	}{{"prefix", &k.prefix}, {"suffix", &k.suffix}} {
		var s string
		if !t.str(a.key, &s) {
			continue
		}
		if raw, ok := t.m[a.key].(string); ok && strings.TrimSpace(raw) == s {
			s = raw
		}
		if record {
			t.e.texts = append(t.e.texts, keyText{t.prefix + a.key, s})
		}
		*a.dst, set = &s, true
	}
	if v, ok := t.get("compact"); ok {
		mode := ""
		switch v := v.(type) {
		case bool:
			mode = "off"
			if v {
				mode = "short"
			}
		case string:
			if slices.Contains(compactModes, v) {
				mode = v
			} else if n := nearest(v, compactModes); n != "" {
				t.errf("compact", "unknown setting %q; did you mean %q?", clip(v), n)
			} else {
				t.errf("compact", "unknown setting %q; use true, false, \"short\" (135K, 1.2M) or \"gb\" (5k, 410m, 1.2bn, 3trn)", clip(v))
			}
		default:
			t.errf("compact", "must be true, false, \"short\" or \"gb\", not %s", typeName(v))
		}
		if mode != "" {
			k.compact, set = &mode, true
		}
	}
	return k, set
}

// apply returns nf with the keys that k sets.
func (k *numberKeys) apply(nf numberFormat) numberFormat {
	if k == nil {
		return nf
	}
	if k.decimals != nil {
		nf.decimals, nf.shared = *k.decimals, -1
	}
	if k.prefix != nil {
		nf.prefix = *k.prefix
	}
	if k.suffix != nil {
		nf.suffix = *k.suffix
	}
	if k.compact != nil {
		nf.compact, nf.gb = *k.compact != "off", *k.compact == "gb"
	}
	return nf
}

// checkGB rejects compact = "gb" outside English: its units are English
// words. key names where it was set.
func checkGB(k *numberKeys, locale, key string, e *errs) {
	if l := locales[locale]; k != nil && k.compact != nil && *k.compact == "gb" && locale != "en" && l != nil {
		e.add(key, "\"gb\" (k, m, bn, trn) is English newsroom style; locale %q writes %s, %s and %s with compact = true", locale, strings.TrimSpace(l.thousand), strings.TrimSpace(l.million), strings.TrimSpace(l.billion))
	}
}

// readSeriesFormats reads series_formats: number keys by series name,
// for types whose rows hold a value per series.
func (fig *Figure) readSeriesFormats(t *table) {
	v, ok := t.get("series_formats")
	if !ok {
		return
	}
	m, isTable := v.(map[string]any)
	if !isTable || len(m) == 0 {
		t.errf("series_formats", "must be a table of series names, e.g. series_formats = { \"Rate\" = { suffix = \"%%\", decimals = 1 } }, not %s", typeName(v))
		return
	}
	if fig.kind.series >= 0 {
		t.errf("series_formats", "%s chart has no series of its own format; set decimals, prefix and suffix for the figure", aKind(fig.kind.name))
		return
	}
	fig.SeriesFormats = make([]*numberKeys, len(fig.Series))
	for _, name := range sortedKeys(m) {
		key := "series_formats." + tomlKey(name)
		sm, isTable := m[name].(map[string]any)
		if !isTable {
			t.errf(key, "must be a table such as { decimals = 1, suffix = \"%%\" }, not %s", typeName(m[name]))
			continue
		}
		st := newTable(sm, t.prefix+key+".", t.e)
		k, _ := readNumberKeys(st, true)
		st.unknown()
		i := slices.Index(fig.Series, name)
		if i < 0 {
			msg := fmt.Sprintf("%q names no series of the figure", clip(name))
			if n := nearest(name, fig.Series); n != "" {
				msg += fmt.Sprintf("; did you mean %q?", n)
			}
			t.errf(key, "%s", msg)
			continue
		}
		checkGB(&k, fig.Style.Locale, key+".compact", t.e)
		fig.SeriesFormats[i] = &k
	}
}

// tomlKey writes a name as it would stand in a TOML key path: bare when
// it can be, else quoted, so that a series named "B.c" is not read as
// two keys in a message.
func tomlKey(name string) string {
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
			return strconv.Quote(name)
		}
	}
	return name
}
