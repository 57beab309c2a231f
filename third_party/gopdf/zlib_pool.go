package gopdf

import (
	"compress/zlib"
	"io"
	"sync"
)

// zlibWriters keeps zlib writers for reuse, one pool per compression level
// (zlib.HuffmanOnly … zlib.BestCompression). A new writer allocates about
// 1 MB of state, which dominates the cost of compressing small streams.
var zlibWriters [zlib.BestCompression - zlib.HuffmanOnly + 1]sync.Pool

// getZlibWriter returns a zlib writer at level writing to w; give it back
// with putZlibWriter after Close.
func getZlibWriter(w io.Writer, level int) (*zlib.Writer, error) {
	if level < zlib.HuffmanOnly || level > zlib.BestCompression {
		return zlib.NewWriterLevel(w, level)
	}
	if zw, ok := zlibWriters[level-zlib.HuffmanOnly].Get().(*zlib.Writer); ok {
		zw.Reset(w)
		return zw, nil
	}
	return zlib.NewWriterLevel(w, level)
}

// putZlibWriter puts a closed writer made by getZlibWriter at level back
// into its pool.
func putZlibWriter(zw *zlib.Writer, level int) {
	if level < zlib.HuffmanOnly || level > zlib.BestCompression {
		return
	}
	zw.Reset(nil)
	zlibWriters[level-zlib.HuffmanOnly].Put(zw)
}
