//go:build race

package main

// raceEnabled says the tests run under the race detector, which makes
// code several times slower: time bounds meant for a real build widen.
const raceEnabled = true
