package main

import (
	"regexp"
	"sync"
)

// lazyRegexp compiles a pattern the first time it is used, not at start-up.
func lazyRegexp(pattern string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pattern) })
}
