//go:build !linux

package scene

// mapBuf is not available here: buffers come from Go's heap.
func mapBuf(n int) (buf, whole []byte) { return nil, nil }

// unmapBuf is never called here.
func unmapBuf(whole []byte) {}
