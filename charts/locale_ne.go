package charts

// ne: Nepali, with the Gregorian month names (जनवरी…), as the dates are
// Gregorian, not Bikram Sambat. Sentences end with the danda । (U+0964).
// Numbers are grouped in threes, not in lakhs: the grouping is fixed. A
// million is मिलियन and a trillion ट्रिलियन, since लाख, करोड and खर्ब are
// other powers of ten; अर्ब is exactly 10^9.
var localeNE = locale{
	script: "deva",
	group:  ",", decimal: ".", percent: "", group4: true, thousand: nbsp + "हजार", million: nbsp + "मिलियन", billion: nbsp + "अर्ब", trillion: nbsp + "ट्रिलियन", points: "प्रतिशत बिन्दु", to: "देखि",
	months:      [12]string{"जनवरी", "फेब्रुअरी", "मार्च", "अप्रिल", "मे", "जुन", "जुलाई", "अगस्ट", "सेप्टेम्बर", "अक्टोबर", "नोभेम्बर", "डिसेम्बर"},
	quarters:    [4]string{"पहिलो त्रैमास", "दोस्रो त्रैमास", "तेस्रो त्रैमास", "चौथो त्रैमास"},
	week:        "हप्ता %[1]d, %[2]d",
	monthYear:   "%[1]s %[2]d",
	quarterYear: "%[1]s %[2]d",
	dayMonth:    "%[1]s %[2]s",
	dataLink:    "तथ्याङ्कको स्रोत",
	stop:        "।",
	logScale:    "लघुगणकीय स्केल।",
	rolling:     "पछिल्ला %d मानको औसत।",
	oneSquare:   "एउटा वर्ग =",
	change:      "%[1]s (%[2]s) बाट %[3]s (%[4]s) मा।",
	highlighted: "हाइलाइट गरिएको: %s।",
	annotated:   "टिप्पणीहरू: %s।",
	of:          "कुल %s",
	more:        "र थप %d",
	estimates:   "%[1]s: अनुमान %[2]s देखि %[3]s सम्म",
	fromTo:      "%[1]s: %[2]s (%[3]s) बाट %[4]s (%[5]s) मा",
	before:      "पहिले",
	after:       "पछि",
	net:         "खुद",
	other:       "अन्य",
	quotes:      [4]string{"“", "”", "‘", "’"},
	valueAt:     "%[1]s (%[2]s)",
	highest:     "सबैभन्दा बढी %[1]s (%[2]s)",
	gaps:        "%[2]d मध्ये %[1]d बिन्दुमा मान छैन",
	nouns: map[string]string{
		"column":         "स्तम्भ चार्ट",
		"bar":            "बार चार्ट",
		"range":          "दायरा चार्ट",
		"waffle":         "वाफल चार्ट",
		"stack":          "थुप्रिएको बार",
		"donut":          "डोनट चार्ट",
		"number":         "मुख्य अङ्क",
		"dumbbell":       "डम्बेल चार्ट",
		"slope":          "स्लोप चार्ट",
		"line":           "रेखा चार्ट",
		"area":           "क्षेत्र चार्ट",
		"grouped-column": "समूहबद्ध स्तम्भ चार्ट",
		"grouped-bar":    "समूहबद्ध बार चार्ट",
		"stacked-column": "थुप्रिएको स्तम्भ चार्ट",
		"stacked-bar":    "थुप्रिएको बार चार्ट",
	},
}
