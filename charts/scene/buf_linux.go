package scene

import (
	"syscall"
	"unsafe"
)

// mapBuf maps at least n bytes, aligned to a huge page, and asks for huge
// pages (MADV_HUGEPAGE; where the system has them off, the advice is
// ignored). It returns the aligned buffer and the whole mapping, which
// unmapBuf takes; nil when mapping fails.
func mapBuf(n int) (buf, whole []byte) {
	size := (n + hugePage - 1) / hugePage * hugePage
	whole, err := syscall.Mmap(-1, 0, size+hugePage, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		return nil, nil
	}
	off := (hugePage - int(uintptr(unsafe.Pointer(&whole[0])))%hugePage) % hugePage
	buf = whole[off : off+size : off+size]
	const madvHugepage = 14
	_ = syscall.Madvise(buf, madvHugepage)
	return buf, whole
}

// unmapBuf gives a mapping from mapBuf back to the system.
func unmapBuf(whole []byte) { _ = syscall.Munmap(whole) }
