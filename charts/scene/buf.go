package scene

import "sync"

// Pixel buffers are recycled between figures: a batch renders many
// figures of one size, and a fresh 4 MB buffer each time costs as much in
// garbage collection as the drawing. A canvas-sized buffer is mapped
// apart from Go's heap where the system can back it with huge pages
// (mapBuf): touching a fresh 4 KB page costs a trap, and a 2x canvas is
// a thousand of them, a tenth of a short run's time.

// bufs holds buffers from Go's heap.
var bufs sync.Pool

// mapped holds mapped buffers not in use; at most maxMapped are kept,
// the rest are unmapped.
var mapped struct {
	sync.Mutex
	free [][]byte
	live map[*byte][]byte // first byte of each mapped buffer, in use or free: its whole mapping
}

const maxMapped = 4

// mapMin is the smallest buffer worth mapping (a 2x figure's palette
// indices are about a megabyte); mappings are whole huge pages.
const mapMin = 256 << 10

// hugePage is the size of a huge page on the systems that have them.
const hugePage = 2 << 20

// getBuf returns a buffer of n bytes, zeroed if zero is set.
func getBuf(n int, zero bool) []byte {
	var s []byte
	if n >= mapMin {
		s = getMapped(n)
	}
	if s == nil {
		if b, ok := bufs.Get().(*[]byte); ok && cap(*b) >= n {
			s = (*b)[:n]
		} else {
			return make([]byte, n)
		}
	}
	if zero {
		clear(s)
	}
	return s
}

// putBuf returns a buffer from getBuf for reuse.
func putBuf(b []byte) {
	if cap(b) == 0 {
		return
	}
	b = b[:cap(b)]
	mapped.Lock()
	whole, ok := mapped.live[&b[0]]
	switch {
	case !ok:
		mapped.Unlock()
		bufs.Put(&b)
		return
	case len(mapped.free) < maxMapped:
		mapped.free = append(mapped.free, b)
		whole = nil
	default:
		delete(mapped.live, &b[0])
	}
	mapped.Unlock()
	if whole != nil {
		unmapBuf(whole)
	}
}

// getMapped returns a free mapped buffer of at least n bytes, or maps a
// new one; nil where mapping is not available.
func getMapped(n int) []byte {
	mapped.Lock()
	for i, b := range mapped.free {
		if cap(b) >= n {
			mapped.free = append(mapped.free[:i], mapped.free[i+1:]...)
			mapped.Unlock()
			return b[:n]
		}
	}
	mapped.Unlock()
	b, whole := mapBuf(n)
	if b == nil {
		return nil
	}
	mapped.Lock()
	if mapped.live == nil {
		mapped.live = make(map[*byte][]byte)
	}
	mapped.live[&b[0]] = whole
	mapped.Unlock()
	return b[:n]
}
