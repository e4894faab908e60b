//go:build race

package charts

// raceEnabled says the tests run under the race detector, which makes
// code several times slower: the per-input time budget widens.
const raceEnabled = true
