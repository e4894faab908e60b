package charts

import (
	"regexp"
	"sync"
)

// lazyRegexp compiles a pattern the first time it is used, not when the
// program starts: a run pays only for the patterns it needs (compiling
// them all at start-up was a tenth of a cold run's time before main).
func lazyRegexp(pattern string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pattern) })
}
