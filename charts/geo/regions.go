package geo

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/presschart/presschart/charts/internal/edit"
	"golang.org/x/text/unicode/norm"
)

// country is a row of the countries table (regions_table.go).
type country struct {
	a2, a3, num string
	ne          string   // the name Natural Earth labels it with, if it draws it
	en          []string // English names, ISO's first
	local       [len(nameLocales)]string
	more        []string // the other names the languages give it
}

// A Region is a region a figure names, resolved: its code in the layer
// and its name in English.
type Region struct {
	Code string // ISO 3166-1 alpha-3, or a state's two-digit FIPS code
	Name string
}

// index maps a folded name or code to the regions it may mean.
type index struct {
	m     map[string][]Region
	names []string // folded keys, for suggestions
}

var (
	countryIndex, stateIndex     index
	countryIndexed, stateIndexed sync.Once
)

// Country resolves how a figure names a country: its ISO 3166-1 alpha-3
// code ("NPL"), alpha-2 code ("NP"), numeric code ("524"), English name
// or other English names ("Nepal"; "Russia" or "Russian Federation"), or
// its name in one of presschart's languages ("Népal", "尼泊尔"). Case,
// accents and punctuation do not matter. A name that means two
// countries, or none, is an error; for none, the nearest names are
// suggested.
func Country(s string) (Region, error) {
	if whole, ok := partOf[fold(s)]; ok {
		return Region{}, fmt.Errorf("%q is part of %s (%s), which the boundaries draw whole; give the figure for %s", s, countryName(whole), whole, whole)
	}
	countryIndexed.Do(func() {
		countryIndex = index{m: map[string][]Region{}}
		for _, c := range countries {
			r := Region{Code: c.a3, Name: c.en[0]}
			for _, k := range []string{c.a2, c.a3, c.num} {
				countryIndex.add(k, r)
			}
			for _, n := range c.en {
				countryIndex.add(n, r)
			}
			for _, n := range c.local {
				countryIndex.add(n, r)
			}
			for _, n := range c.more {
				countryIndex.add(n, r)
			}
			countryIndex.add(c.ne, r)
		}
		// Natural Earth's short names, as its boundaries label them,
		// and the regions it draws that ISO does not list.
		for name, a3 := range naturalEarthNames {
			countryIndex.add(name, Region{Code: a3, Name: countryName(a3)})
		}
		for name, code := range naturalEarthCodes {
			r := Region{Code: code, Name: name}
			countryIndex.add(name, r)
			countryIndex.add(code, r)
		}
		for name, a3 := range newsroomNames {
			countryIndex.add(name, Region{Code: a3, Name: countryName(a3)})
		}
		countryIndex.sort()
	})
	return countryIndex.lookup(s, "country")
}

// State resolves how a figure names a US state (or DC, or Puerto Rico):
// its postal code ("CA"), two-digit FIPS code ("06") or name
// ("California").
func State(s string) (Region, error) {
	stateIndexed.Do(func() {
		stateIndex = index{m: map[string][]Region{}}
		for _, st := range states {
			r := Region{Code: st.fips, Name: st.name}
			stateIndex.add(st.postal, r)
			stateIndex.add(st.fips, r)
			stateIndex.add(st.name, r)
		}
		for name, fips := range stateNames {
			for _, st := range states {
				if st.fips == fips {
					stateIndex.add(name, Region{Code: st.fips, Name: st.name})
				}
			}
		}
		stateIndex.sort()
	})
	return stateIndex.lookup(s, "US state")
}

func countryName(a3 string) string {
	for _, c := range countries {
		if c.a3 == a3 {
			return c.en[0]
		}
	}
	return a3
}

func (ix *index) add(key string, r Region) {
	k := fold(key)
	if k == "" {
		return
	}
	for _, have := range ix.m[k] {
		if have == r {
			return
		}
	}
	if len(ix.m[k]) == 0 {
		ix.names = append(ix.names, k)
	}
	ix.m[k] = append(ix.m[k], r)
}

func (ix *index) sort() { sort.Strings(ix.names) }

func (ix *index) lookup(s, what string) (Region, error) {
	k := fold(s)
	switch rs := ix.m[k]; len(rs) {
	case 1:
		return rs[0], nil
	case 0:
	default:
		var opts []string
		for _, r := range rs {
			opts = append(opts, fmt.Sprintf("%s (%s)", r.Code, r.Name))
		}
		sort.Strings(opts)
		return Region{}, fmt.Errorf("%q may be more than one %s: %s; give its code", s, what, strings.Join(opts, " or "))
	}
	if near := ix.nearest(k); len(near) > 0 {
		return Region{}, fmt.Errorf("no %s is named %q; did you mean %s?", what, s, strings.Join(near, " or "))
	}
	return Region{}, fmt.Errorf("no %s is named %q", what, s)
}

// nearest returns up to three regions' names whose folded names are
// within a few edits of k, nearest first.
func (ix *index) nearest(k string) []string {
	type cand struct {
		d    int
		name string
	}
	limit := min(3, len([]rune(k))/4) // short codes have no near misses worth naming
	var cs []cand
	seen := map[Region]bool{}
	for _, n := range ix.names {
		if d := edit.Distance(k, n, limit); d <= limit {
			for _, r := range ix.m[n] {
				if !seen[r] {
					seen[r] = true
					cs = append(cs, cand{d, fmt.Sprintf("%q (%s)", r.Name, r.Code)})
				}
			}
		}
	}
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].d != cs[j].d {
			return cs[i].d < cs[j].d
		}
		return cs[i].name < cs[j].name
	})
	if len(cs) == 0 && len([]rune(k)) >= 3 {
		// No near spelling: the names that hold it as a word ("Korea").
		for _, n := range ix.names {
			if strings.HasPrefix(n, k+" ") || strings.HasSuffix(n, " "+k) || strings.Contains(n, " "+k+" ") {
				for _, r := range ix.m[n] {
					if !seen[r] {
						seen[r] = true
						cs = append(cs, cand{0, fmt.Sprintf("%q (%s)", r.Name, r.Code)})
					}
				}
			}
		}
	}
	var out []string
	for i := 0; i < len(cs) && i < 3; i++ {
		out = append(out, cs[i].name)
	}
	return out
}

// fold is a name as lookups compare it: lower case, accents and dots
// dropped, other punctuation a space, spaces single.
func fold(s string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r), r == '.':
			// Accents and dots go: "Népal" is "nepal", "U.K." "uk".
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		default:
			space = true
		}
	}
	return b.String()
}

// naturalEarthNames are the short names Natural Earth's boundaries give
// countries where ISO's English names differ.
var naturalEarthNames = map[string]string{
	"Dem. Rep. Congo":           "COD",
	"Central African Rep.":      "CAF",
	"Bosnia and Herz.":          "BIH",
	"Dominican Rep.":            "DOM",
	"Eq. Guinea":                "GNQ",
	"S. Sudan":                  "SSD",
	"Solomon Is.":               "SLB",
	"Falkland Is.":              "FLK",
	"Fr. S. Antarctic Lands":    "ATF",
	"W. Sahara":                 "ESH",
	"Côte d'Ivoire":             "CIV",
	"eSwatini":                  "SWZ",
	"Macedonia":                 "MKD",
	"N. Mariana Is.":            "MNP",
	"Cayman Is.":                "CYM",
	"Turks and Caicos Is.":      "TCA",
	"U.S. Virgin Is.":           "VIR",
	"British Virgin Is.":        "VGB",
	"Faeroe Is.":                "FRO",
	"Heard I. and McDonald Is.": "HMD",
	"Marshall Is.":              "MHL",
	"Cook Is.":                  "COK",
	"Wallis and Futuna Is.":     "WLF",
	"St. Kitts and Nevis":       "KNA",
	"St. Vin. and Gren.":        "VCT",
	"St. Pierre and Miquelon":   "SPM",
	"Antigua and Barb.":         "ATG",
	"São Tomé and Principe":     "STP",
	"Fr. Polynesia":             "PYF",
	"Br. Indian Ocean Ter.":     "IOT",
	"S. Geo. and the Is.":       "SGS",
	"Ashmore and Cartier Is.":   "AUS",
	"Pitcairn Is.":              "PCN",
	"Norfolk Island":            "NFK",
	"Vatican":                   "VAT",
	"St-Martin":                 "MAF",
	"St-Barthélemy":             "BLM",
}

// newsroomNames are names newsrooms use that neither ISO nor the
// languages' tables give.
var newsroomNames = map[string]string{
	"DRC": "COD", "DR Congo": "COD", "Congo-Kinshasa": "COD", "Congo Kinshasa": "COD",
	"Congo-Brazzaville": "COG", "Congo Brazzaville": "COG", "Republic of Congo": "COG",
	"East Timor": "TLS", "The Bahamas": "BHS", "The Gambia": "GMB", "Northern Cyprus": "CYN",
	"Lao PDR": "LAO", "Kyrgyz Republic": "KGZ", "Slovak Republic": "SVK",
	"Britain": "GBR", "Swaziland": "SWZ", "Viet Nam": "VNM", "Vatican City": "VAT",
	"Holy See": "VAT", "Holland": "NLD", "Falkland Islands": "FLK", "UAE": "ARE",
	"Palestinian territories": "PSE", "Burma": "MMR", "Türkiye": "TUR",
	"Micronesia": "FSM", "Federated States of Micronesia": "FSM", "São Tomé and Príncipe": "STP",
}

// partOf are parts of a country that a figure might name, which the
// boundaries draw as the whole country: naming one is an error that
// says so, rather than a map coloured wrongly.
var partOf = map[string]string{
	fold("England"): "GBR", fold("Scotland"): "GBR", fold("Wales"): "GBR", fold("Northern Ireland"): "GBR",
	fold("Zanzibar"): "TZA",
}

// naturalEarthCodes are the regions Natural Earth draws as countries
// that ISO 3166-1 does not list, by the codes Natural Earth gives them
// (its ADM0_A3).
var naturalEarthCodes = map[string]string{
	"Somaliland":        "SOL",
	"N. Cyprus":         "CYN",
	"Indian Ocean Ter.": "IOA",
	"Siachen Glacier":   "KAS",
}

// CountryName is how a map labels a country (by its alpha-3 code) in a
// language (a locale such as "fr" or "zh-Hant"; its first part is
// used). In English it is the short name Natural Earth labels maps with
// ("Russia", "Czechia", "Taiwan", "Dem. Rep. Congo"), else ISO's; in
// another language its name there, ISO's formal form ("Syrien, Arabische
// Republik") left for a shorter one where the language has one, else
// cut at the comma; English where the table has none. Natural Earth's
// own regions keep their names.
func CountryName(code, locale string) string {
	lang, _, _ := strings.Cut(strings.ToLower(locale), "-")
	for i := range countries {
		c := &countries[i]
		if c.a3 != code {
			continue
		}
		if n, ok := newsroomLabels[lang][code]; ok {
			return n
		}
		for j, l := range nameLocales {
			if l == lang && c.local[j] != "" {
				return plainName(c.local[j])
			}
		}
		if c.ne != "" && !strings.Contains(c.ne, ".") {
			return c.ne
		}
		return plainName(c.en[0]) // not Natural Earth's abbreviations ("Dem. Rep. Congo")
	}
	for name, c := range naturalEarthCodes {
		if c == code {
			return name
		}
	}
	return code
}

// plainName is a name without ISO's formal tail: "Moldova, Republic
// of" is "Moldova"; "Holy See (Vatican City State)" "Holy See".
func plainName(s string) string {
	if i := strings.IndexAny(s, ",(（"); i > 0 {
		return strings.TrimSpace(s[:i])
	}
	return s
}

// newsroomLabels are the names newsrooms write on maps where the tables
// give a formal or outdated one ("Russische Föderation", "Macedonia"),
// or, for the two Congos, a name that cannot be told from the other's,
// by language and ISO alpha-3 code.
var newsroomLabels = map[string]map[string]string{
	"en": {"MKD": "North Macedonia", "SWZ": "Eswatini", "COD": "DR Congo", "COG": "Republic of the Congo", "BIH": "Bosnia and Herzegovina",
		"CAF": "Central African Republic", "DOM": "Dominican Republic", "GNQ": "Equatorial Guinea", "SSD": "South Sudan"},
	"de": {"RUS": "Russland", "COD": "DR Kongo", "COG": "Republik Kongo", "BOL": "Bolivien", "MKD": "Nordmazedonien"},
	"fr": {"COD": "RD Congo", "COG": "Congo"},
	"es": {"COD": "RD del Congo", "COG": "República del Congo", "PRK": "Corea del Norte", "KOR": "Corea del Sur", "SYR": "Siria"},
	"pt": {"COD": "RD Congo", "COG": "República do Congo"},
	"nl": {"RUS": "Rusland", "PRK": "Noord-Korea", "KOR": "Zuid-Korea", "SYR": "Syrië", "IRN": "Iran", "COD": "Congo-Kinshasa",
		"COG": "Congo-Brazzaville", "TZA": "Tanzania", "VEN": "Venezuela", "BOL": "Bolivia", "MDA": "Moldavië", "MKD": "Noord-Macedonië"},
	"ru": {"RUS": "Россия", "PRK": "КНДР", "KOR": "Южная Корея"},
	"uk": {"PRK": "КНДР", "KOR": "Південна Корея"},
	"ja": {"RUS": "ロシア", "PRK": "北朝鮮", "KOR": "韓国", "IRN": "イラン", "SYR": "シリア", "VEN": "ベネズエラ", "BOL": "ボリビア", "MDA": "モルドバ"},
	"ko": {"RUS": "러시아", "KOR": "한국"},
}
