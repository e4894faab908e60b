package geo

// states are the US states, DC and the territories us-atlas draws, with
// their FIPS codes (the boundaries' ids) and postal codes.
var states = [...]struct{ fips, postal, name string }{
	{"01", "AL", "Alabama"}, {"02", "AK", "Alaska"}, {"04", "AZ", "Arizona"},
	{"05", "AR", "Arkansas"}, {"06", "CA", "California"}, {"08", "CO", "Colorado"},
	{"09", "CT", "Connecticut"}, {"10", "DE", "Delaware"}, {"11", "DC", "District of Columbia"},
	{"12", "FL", "Florida"}, {"13", "GA", "Georgia"}, {"15", "HI", "Hawaii"},
	{"16", "ID", "Idaho"}, {"17", "IL", "Illinois"}, {"18", "IN", "Indiana"},
	{"19", "IA", "Iowa"}, {"20", "KS", "Kansas"}, {"21", "KY", "Kentucky"},
	{"22", "LA", "Louisiana"}, {"23", "ME", "Maine"}, {"24", "MD", "Maryland"},
	{"25", "MA", "Massachusetts"}, {"26", "MI", "Michigan"}, {"27", "MN", "Minnesota"},
	{"28", "MS", "Mississippi"}, {"29", "MO", "Missouri"}, {"30", "MT", "Montana"},
	{"31", "NE", "Nebraska"}, {"32", "NV", "Nevada"}, {"33", "NH", "New Hampshire"},
	{"34", "NJ", "New Jersey"}, {"35", "NM", "New Mexico"}, {"36", "NY", "New York"},
	{"37", "NC", "North Carolina"}, {"38", "ND", "North Dakota"}, {"39", "OH", "Ohio"},
	{"40", "OK", "Oklahoma"}, {"41", "OR", "Oregon"}, {"42", "PA", "Pennsylvania"},
	{"44", "RI", "Rhode Island"}, {"45", "SC", "South Carolina"}, {"46", "SD", "South Dakota"},
	{"47", "TN", "Tennessee"}, {"48", "TX", "Texas"}, {"49", "UT", "Utah"},
	{"50", "VT", "Vermont"}, {"51", "VA", "Virginia"}, {"53", "WA", "Washington"},
	{"54", "WV", "West Virginia"}, {"55", "WI", "Wisconsin"}, {"56", "WY", "Wyoming"},
	{"60", "AS", "American Samoa"}, {"66", "GU", "Guam"},
	{"69", "MP", "Commonwealth of the Northern Mariana Islands"},
	{"72", "PR", "Puerto Rico"}, {"78", "VI", "United States Virgin Islands"},
}

// stateNames are other names newsrooms give states: the AP Stylebook's
// abbreviations ("Calif.") and DC's and the territories' usual names.
var stateNames = map[string]string{
	"Ala.": "01", "Ariz.": "04", "Ark.": "05", "Calif.": "06", "Colo.": "08", "Conn.": "09",
	"Del.": "10", "Fla.": "12", "Ga.": "13", "Ill.": "17", "Ind.": "18", "Kan.": "20",
	"Ky.": "21", "La.": "22", "Md.": "24", "Mass.": "25", "Mich.": "26", "Minn.": "27",
	"Miss.": "28", "Mo.": "29", "Mont.": "30", "Neb.": "31", "Nev.": "32", "N.H.": "33",
	"N.J.": "34", "N.M.": "35", "N.Y.": "36", "N.C.": "37", "N.D.": "38", "Okla.": "40",
	"Ore.": "41", "Pa.": "42", "R.I.": "44", "S.C.": "45", "S.D.": "46", "Tenn.": "47",
	"Vt.": "50", "Va.": "51", "Wash.": "53", "W.Va.": "54", "Wis.": "55", "Wyo.": "56",
	"Washington DC": "11", "Washington, D.C.": "11", "D.C.": "11",
	"US Virgin Islands": "78", "U.S. Virgin Islands": "78", "Northern Mariana Islands": "69",
}
