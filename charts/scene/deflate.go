package scene

import (
	"bytes"
	"encoding/binary"
	"hash/adler32"
	"math/bits"
	"sync"
)

// This file writes a zlib (RFC 1950) stream of deflate blocks (RFC 1951)
// made for a PNG's filtered rows of palette indices, where a general
// encoder spends most of its time finding what the picture's shape
// already says:
//   - a row equal to the row above (most rows of a chart) is one
//     back-reference of a row's length, found without a search, and its
//     checksum is the row above's, combined without reading it again;
//   - elsewhere each position tries one byte back (runs of one colour),
//     one row up (edges that go on down the figure) and the last four
//     places its next four bytes were seen (glyphs, dashes, ticks), with
//     one step of lazy matching;
//   - blocks use Huffman codes built for their own tokens.
// On the story's 70 PNGs (out/) its streams are 5% smaller in total than
// klauspost/compress's level 6, which presschart used before, and 9%
// smaller at the median, in half to two thirds of its time; the standard
// library's level 6 is 2.5% smaller again, at four to five times ours
// (TestDeflateSize, BenchmarkDeflate). A blank band costs what
// klauspost's does at any width (TestDeflateBlank).

const (
	window   = 1 << 15 // the farthest a back-reference may reach
	maxMatch = 258     // the longest back-reference
	hashBits = 12
	// blockTokens is how many tokens a block holds before its Huffman
	// codes are written and new ones begun.
	blockTokens = 1 << 15
	// lazyBelow: a match shorter than this waits a byte to see whether
	// the next position begins a longer one.
	lazyBelow = 8
	// ways is how many earlier places of the same four bytes are tried.
	ways = 4
)

// A token is a literal byte (below 1<<31) or a match: 1<<31 | (length-3)<<16 | (distance-1).
type token uint32

const matchFlag = 1 << 31

// deflater holds one stream's state; it is reused between figures.
type deflater struct {
	table  [1 << hashBits][ways]int32 // position+1 where four bytes hashing here were last seen, and the time before
	tokens []token
	w      bitWriter
}

// deflaters holds deflaters not in use (a few hundred KB each), kept
// from figure to figure; a sync.Pool would let the collector take them.
var deflaters struct {
	sync.Mutex
	free []*deflater
}

func getDeflater() *deflater {
	deflaters.Lock()
	defer deflaters.Unlock()
	if n := len(deflaters.free); n > 0 {
		d := deflaters.free[n-1]
		deflaters.free = deflaters.free[:n-1]
		return d
	}
	return new(deflater)
}

func putDeflater(d *deflater) {
	deflaters.Lock()
	defer deflaters.Unlock()
	if len(deflaters.free) < 4 {
		d.w.out = nil // the caller's
		deflaters.free = append(deflaters.free, d)
	}
}

// zlibRows appends to dst the zlib stream of s: rows of stride bytes
// each (a filter byte, then the row), where same[y] says row y repeats
// row y-1 byte for byte. It returns the extended slice.
func zlibRows(dst []byte, s []byte, stride int, same []bool) []byte {
	if stride < 1 {
		stride, same = max(len(s), 1), nil // one row
	}
	d := getDeflater()
	defer putDeflater(d)
	clear(d.table[:])
	d.tokens = d.tokens[:0]
	d.w = bitWriter{out: dst}
	d.w.out = append(d.w.out, 0x78, 0x9c) // deflate, 32 KB window, default level
	d.parse(s, stride, same)
	d.block(true)
	d.w.flush()
	return binary.BigEndian.AppendUint32(d.w.out, rowsAdler(s, stride, same))
}

// parse turns s into tokens, writing a block each time blockTokens fill.
func (d *deflater) parse(s []byte, stride int, same []bool) {
	n := len(s)
	rows := stride >= 4 && stride <= window
	up := stride
	if !rows {
		up = 0 // no row-above candidate
	}
	rowEnd := 0
	// uniform says whether the row above the repeated rows being
	// written, its filter byte with it, is one value.
	uniform, uniformKnown := false, false
	// next is the match found ahead at next.at by lazy matching.
	next := struct{ at, length, dist int }{at: -1}
	i := 0
	for i < n {
		if len(d.tokens) >= blockTokens {
			d.block(false)
		}
		if i >= rowEnd {
			y := i / stride
			rowEnd = (y + 1) * stride
			if rows && y > 0 && i == y*stride && y < len(same) && same[y] {
				// A repeated row: a back-reference of its length, one row
				// up, or one byte back when the row above is one colour
				// and its filter byte (a blank band on a background of
				// index 0), which runs on from the bytes before it.
				if !uniformKnown {
					above := s[i-stride : i]
					uniform = bytes.Equal(above[1:], above[:len(above)-1])
					uniformKnown = true
				}
				if uniform {
					d.match(stride, 1)
				} else {
					d.match(stride, stride)
				}
				i = rowEnd
				continue
			}
			uniformKnown = false
		}
		if n-i < 4 {
			d.tokens = append(d.tokens, token(s[i]))
			i++
			continue
		}
		h := hash4(s[i:])
		l, dist := next.length, next.dist
		if next.at != i {
			l, dist = d.find(s, i, up, h, 0)
		}
		d.insert(h, i)
		if l >= 3 && l < lazyBelow && i+1 <= n-4 {
			l1, d1 := d.find(s, i+1, up, hash4(s[i+1:]), l)
			if l1 > l {
				// The next position does better: this byte goes as a
				// literal, and the next begins the match.
				d.tokens = append(d.tokens, token(s[i]))
				i++
				next.at, next.length, next.dist = i, l1, d1
				continue
			}
		}
		if l < 3 {
			d.tokens = append(d.tokens, token(s[i]))
			i++
			continue
		}
		d.match(l, dist)
		// Index the match's first and last few positions: enough for
		// glyphs and ticks to be found again, without hashing the
		// inside of long runs.
		end := i + l
		for j := i + 1; j < end && j < i+4 && j <= n-4; j++ {
			d.insert(hash4(s[j:]), j)
		}
		for j := max(end-3, i+4); j < end && j <= n-4; j++ {
			d.insert(hash4(s[j:]), j)
		}
		i = end
	}
}

// match adds a back-reference of length l at distance dist, as long as
// l wants: it runs on from the last token when that is a reference at
// the same distance (repeated rows one after another, a run that a row
// started), up to the longest a token may be, and is cut into tokens of
// at least 3 bytes.
func (d *deflater) match(l, dist int) {
	if n := len(d.tokens); n > 0 {
		if t := d.tokens[n-1]; t&matchFlag != 0 && int(t&0xffff) == dist-1 {
			have := int(t>>16&0xff) + 3
			add := min(l, maxMatch-have)
			if r := l - add; r > 0 && r < 3 {
				add = l - 3
			}
			if add > 0 {
				d.tokens[n-1] = matchFlag | token(have+add-3)<<16 | token(dist-1)
				l -= add
			}
		}
	}
	for l > 0 {
		k := min(l, maxMatch)
		if r := l - k; r > 0 && r < 3 {
			k = l - 3
		}
		d.tokens = append(d.tokens, matchFlag|token(k-3)<<16|token(dist-1))
		l -= k
	}
}

// find returns the longest match at i longer than beat, among one byte
// back, one row up and the table's last sightings of i's four bytes; a
// length of 0 means none, and one under 3 none worth writing.
func (d *deflater) find(s []byte, i, up int, h uint32, beat int) (length, dist int) {
	lim := min(len(s)-i, maxMatch)
	if beat >= lim {
		return 0, 0
	}
	a := s[i : i+lim]
	length = beat
	if i >= 1 {
		if l := longer(a, s[i-1:], length); l > 0 {
			length, dist = l, 1
		}
	}
	if up > 0 && i >= up && length < lim {
		if l := longer(a, s[i-up:], length); l > 0 {
			length, dist = l, up
		}
	}
	for _, c := range d.table[h] {
		c := int(c) - 1
		if c < 0 || i-c > window || length == lim {
			break
		}
		if i-c == 1 || i-c == up {
			continue
		}
		if l := longer(a, s[c:], max(length, 3)); l > 0 {
			length, dist = l, i-c
		}
	}
	if dist == 0 || length == 3 && dist > 4096 {
		return 0, 0 // none, or three bytes that cost less as literals than from far away
	}
	return length, dist
}

// longer is how many leading bytes of a equal b's, when that is more
// than than; else 0. The byte at than is compared first, so that most
// places that cannot do better cost one comparison.
func longer(a, b []byte, than int) int {
	if than >= len(a) || a[than] != b[than] {
		return 0
	}
	if l := matchLen(a, b); l > than {
		return l
	}
	return 0
}

// insert records that the four bytes at i hash to h.
func (d *deflater) insert(h uint32, i int) {
	b := &d.table[h]
	copy(b[1:], b[:ways-1])
	b[0] = int32(i + 1)
}

// matchLen is how many leading bytes of a (at most len(a)) equal b's.
func matchLen(a, b []byte) int {
	n := 0
	for len(a)-n >= 8 && len(b)-n >= 8 {
		if x := binary.LittleEndian.Uint64(a[n:]) ^ binary.LittleEndian.Uint64(b[n:]); x != 0 {
			return n + bits.TrailingZeros64(x)/8
		}
		n += 8
	}
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

func hash4(b []byte) uint32 {
	return (binary.LittleEndian.Uint32(b) * 2654435761) >> (32 - hashBits)
}

// rowsAdler is the Adler-32 checksum of s; a repeated row adds the sums
// of the row above, which need not be read again.
func rowsAdler(s []byte, stride int, same []bool) uint32 {
	const mod = 65521
	a, b := uint64(1), uint64(0)
	var sum, weighted uint64 // the last row's byte sum and its sum weighted stride..1
	for y := 0; y*stride < len(s); y++ {
		row := s[y*stride : min((y+1)*stride, len(s))]
		if !(y > 0 && y < len(same) && same[y] && len(row) == stride) {
			// A row's own checksum, begun at a=1, is (1+sum, len+weighted).
			c := adler32.Checksum(row)
			sum = (uint64(c&0xffff) + mod - 1) % mod
			weighted = (uint64(c>>16) + mod - uint64(len(row))%mod) % mod
		}
		b = (b + uint64(len(row))%mod*a + weighted) % mod
		a = (a + sum) % mod
	}
	return uint32(b<<16 | a)
}

// block writes the tokens gathered so far as one block with Huffman
// codes of its own (BTYPE 2), and empties them.
func (d *deflater) block(final bool) {
	var litFreq [286]int32
	var distFreq [30]int32
	for _, t := range d.tokens {
		if t&matchFlag == 0 {
			litFreq[t]++
			continue
		}
		litFreq[257+int(lengthCode[(t>>16)&0xff])]++
		distFreq[distCode(int(t&0xffff))]++
	}
	litFreq[256] = 1 // end of block
	var litLen [286]uint8
	var distLen [30]uint8
	huffLengths(litFreq[:], litLen[:], 15)
	huffLengths(distFreq[:], distLen[:], 15)
	var litCode [286]uint16
	var distCodes [30]uint16
	canonical(litLen[:], litCode[:])
	canonical(distLen[:], distCodes[:])

	nlit := 286
	for nlit > 257 && litLen[nlit-1] == 0 {
		nlit--
	}
	ndist := 30
	for ndist > 1 && distLen[ndist-1] == 0 {
		ndist--
	}
	// The code lengths, run-length coded with symbols 16 to 18.
	var lens [286 + 30]uint8
	all := append(append(lens[:0], litLen[:nlit]...), distLen[:ndist]...)
	type clSym struct{ sym, extra uint8 }
	var syms [286 + 30]clSym
	cl := syms[:0]
	for i := 0; i < len(all); {
		v := all[i]
		run := 1
		for i+run < len(all) && all[i+run] == v {
			run++
		}
		i += run
		if v == 0 {
			for run >= 11 {
				k := min(run, 138)
				cl = append(cl, clSym{18, uint8(k - 11)})
				run -= k
			}
			if run >= 3 {
				cl = append(cl, clSym{17, uint8(run - 3)})
				run = 0
			}
			for ; run > 0; run-- {
				cl = append(cl, clSym{0, 0})
			}
			continue
		}
		cl = append(cl, clSym{v, 0})
		run--
		for run >= 3 {
			k := min(run, 6)
			cl = append(cl, clSym{16, uint8(k - 3)})
			run -= k
		}
		for ; run > 0; run-- {
			cl = append(cl, clSym{v, 0})
		}
	}
	var clFreq [19]int32
	for _, c := range cl {
		clFreq[c.sym]++
	}
	var clLen [19]uint8
	var clCode [19]uint16
	huffLengths(clFreq[:], clLen[:], 7)
	canonical(clLen[:], clCode[:])
	order := [19]uint8{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15}
	nclen := 19
	for nclen > 4 && clLen[order[nclen-1]] == 0 {
		nclen--
	}

	w := &d.w
	fin := uint64(0)
	if final {
		fin = 1
	}
	w.put(fin|2<<1, 3)
	w.put(uint64(nlit-257), 5)
	w.put(uint64(ndist-1), 5)
	w.put(uint64(nclen-4), 4)
	for _, o := range order[:nclen] {
		w.put(uint64(clLen[o]), 3)
	}
	for _, c := range cl {
		w.put(uint64(clCode[c.sym]), uint(clLen[c.sym]))
		switch c.sym {
		case 16:
			w.put(uint64(c.extra), 2)
		case 17:
			w.put(uint64(c.extra), 3)
		case 18:
			w.put(uint64(c.extra), 7)
		}
	}
	for _, t := range d.tokens {
		if t&matchFlag == 0 {
			w.put(uint64(litCode[t]), uint(litLen[t]))
			continue
		}
		l := int(t>>16) & 0xff
		lc := lengthCode[l]
		w.put(uint64(litCode[257+int(lc)]), uint(litLen[257+int(lc)]))
		if e := lengthExtra[lc]; e > 0 {
			w.put(uint64(l-int(lengthBase[lc])), uint(e))
		}
		dist := int(t & 0xffff)
		dc := distCode(dist)
		w.put(uint64(distCodes[dc]), uint(distLen[dc]))
		if e := distExtra[dc]; e > 0 {
			w.put(uint64(dist-int(distBase[dc])), uint(e))
		}
	}
	w.put(uint64(litCode[256]), uint(litLen[256]))
	d.tokens = d.tokens[:0]
}

// The length codes 257..285 (as 0..28): base length minus 3, extra bits.
var (
	lengthBase  [29]uint8
	lengthExtra [29]uint8
	lengthCode  [256]uint8 // length-3 to its code
	distBase    [30]uint16 // base distance minus 1
	distExtra   [30]uint8
	distLow     [256]uint8 // distance-1 below 256 to its code
	distHigh    [256]uint8 // (distance-1)>>7 to its code, from 256 up
)

func init() {
	base := 0
	for c := 0; c < 28; c++ {
		e := 0
		if c >= 8 {
			e = c/4 - 1
		}
		lengthBase[c], lengthExtra[c] = uint8(base), uint8(e)
		for k := 0; k < 1<<e; k++ {
			lengthCode[base+k] = uint8(c)
		}
		base += 1 << e
	}
	lengthBase[28], lengthExtra[28] = 255, 0
	lengthCode[255] = 28
	base = 0
	for c := 0; c < 30; c++ {
		e := 0
		if c >= 2 {
			e = c/2 - 1
		}
		distBase[c], distExtra[c] = uint16(base), uint8(e)
		for k := 0; k < 1<<e; k++ {
			if v := base + k; v < 256 {
				distLow[v] = uint8(c)
			} else {
				distHigh[v>>7] = uint8(c)
			}
		}
		base += 1 << e
	}
}

// distCode is the code of a distance minus 1.
func distCode(d int) int {
	if d < 256 {
		return int(distLow[d])
	}
	return int(distHigh[d>>7])
}

// huffLengths sets lens to a length-limited Huffman code's lengths for
// freq. Fewer than two symbols in use get a second, so that every code
// is complete, as some decoders require.
func huffLengths(freq []int32, lens []uint8, limit int) {
	type sym struct {
		f int32
		s uint16
	}
	var buf [286]sym
	syms := buf[:0]
	for s, f := range freq {
		if f > 0 {
			syms = append(syms, sym{f, uint16(s)})
		}
	}
	for s := 0; len(syms) < 2; s++ {
		if freq[s] == 0 {
			syms = append(syms, sym{1, uint16(s)})
		}
	}
	// Ascending by frequency, ties by symbol: the same input makes the
	// same code.
	for i := 1; i < len(syms); i++ {
		for j := i; j > 0 && (syms[j].f < syms[j-1].f || syms[j].f == syms[j-1].f && syms[j].s < syms[j-1].s); j-- {
			syms[j], syms[j-1] = syms[j-1], syms[j]
		}
	}
	n := len(syms)
	var abuf [286]int32
	a := abuf[:n]
	for i, s := range syms {
		a[i] = s.f
	}
	minRedundancy(a)
	// Lengths over the limit are cut, and shorter codes lengthened until
	// the code is complete again.
	var count [32]int
	for _, l := range a {
		count[min(int(l), limit)]++
	}
	total := 0
	for l := 1; l <= limit; l++ {
		total += count[l] << (limit - l)
	}
	for total > 1<<limit {
		count[limit]--
		for l := limit - 1; l > 0; l-- {
			if count[l] > 0 {
				count[l]--
				count[l+1] += 2
				break
			}
		}
		total--
	}
	for i := range lens {
		lens[i] = 0
	}
	// The rarest symbols take the longest codes.
	i := 0
	for l := limit; l >= 1; l-- {
		for k := 0; k < count[l]; k++ {
			lens[syms[i].s] = uint8(l)
			i++
		}
	}
}

// minRedundancy turns a, weights in ascending order (two or more), into
// the lengths of a Huffman code for them, in place (Moffat and
// Katajainen, "In-place calculation of minimum-redundancy codes", 1995).
func minRedundancy(a []int32) {
	n := len(a)
	leaf, root := 0, 0
	for next := 0; next < n-1; next++ {
		if leaf >= n || (root < next && a[root] < a[leaf]) {
			a[next] = a[root]
			a[root] = int32(next)
			root++
		} else {
			a[next] = a[leaf]
			leaf++
		}
		if leaf >= n || (root < next && a[root] < a[leaf]) {
			a[next] += a[root]
			a[root] = int32(next)
			root++
		} else {
			a[next] += a[leaf]
			leaf++
		}
	}
	a[n-2] = 0
	for next := n - 3; next >= 0; next-- {
		a[next] = a[a[next]] + 1
	}
	avail, used, depth := 1, 0, 0
	root, next := n-2, n-1
	for avail > 0 {
		for root >= 0 && int(a[root]) == depth {
			used++
			root--
		}
		for avail > used {
			a[next] = int32(depth)
			next--
			avail--
		}
		avail, depth, used = 2*used, depth+1, 0
	}
}

// canonical sets codes to the canonical code of lens, bit-reversed as
// deflate writes them (first bit lowest).
func canonical(lens []uint8, codes []uint16) {
	var count [16]int
	for _, l := range lens {
		count[l]++
	}
	count[0] = 0
	var next [16]int
	code := 0
	for l := 1; l < 16; l++ {
		code = (code + count[l-1]) << 1
		next[l] = code
	}
	for s, l := range lens {
		if l == 0 {
			codes[s] = 0
			continue
		}
		codes[s] = uint16(bits.Reverse16(uint16(next[l])) >> (16 - l))
		next[l]++
	}
}

// bitWriter packs codes first bit lowest, as deflate reads them.
type bitWriter struct {
	out  []byte
	bits uint64
	n    uint
}

// put writes the low nb bits of v (nb at most 16).
func (w *bitWriter) put(v uint64, nb uint) {
	w.bits |= v << w.n
	w.n += nb
	if w.n >= 32 {
		w.out = binary.LittleEndian.AppendUint32(w.out, uint32(w.bits))
		w.bits >>= 32
		w.n -= 32
	}
}

// flush writes what bits remain, padded to a byte.
func (w *bitWriter) flush() {
	for w.n > 0 {
		w.out = append(w.out, byte(w.bits))
		w.bits >>= 8
		w.n -= min(w.n, 8)
	}
	w.bits = 0
}
