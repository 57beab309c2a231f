package gopdf

import (
	"github.com/klauspost/compress/zlib"
	"io"
	"sync"
)

// zlibKeep is how many idle zlib writers are kept per compression level.
const zlibKeep = 4

// zlibWriters keeps idle zlib writers for reuse, a few per compression level
// (zlib.HuffmanOnly … zlib.BestCompression). A new writer allocates about
// 1 MB of state, which dominates the cost of compressing small streams. A
// plain list rather than a sync.Pool: a pool is emptied by the garbage
// collector, which runs about once per document.
var zlibWriters struct {
	sync.Mutex
	idle [zlib.BestCompression - zlib.HuffmanOnly + 1][]*zlib.Writer
}

// getZlibWriter returns a zlib writer at level writing to w; give it back
// with putZlibWriter after Close.
func getZlibWriter(w io.Writer, level int) (*zlib.Writer, error) {
	if level < zlib.HuffmanOnly || level > zlib.BestCompression {
		return zlib.NewWriterLevel(w, level)
	}
	zlibWriters.Lock()
	idle := zlibWriters.idle[level-zlib.HuffmanOnly]
	var zw *zlib.Writer
	if n := len(idle); n > 0 {
		zw = idle[n-1]
		zlibWriters.idle[level-zlib.HuffmanOnly] = idle[:n-1]
	}
	zlibWriters.Unlock()
	if zw == nil {
		return zlib.NewWriterLevel(w, level)
	}
	zw.Reset(w)
	return zw, nil
}

// putZlibWriter keeps a closed writer made by getZlibWriter at level for
// reuse.
func putZlibWriter(zw *zlib.Writer, level int) {
	if level < zlib.HuffmanOnly || level > zlib.BestCompression {
		return
	}
	zw.Reset(nil)
	zlibWriters.Lock()
	defer zlibWriters.Unlock()
	if idle := zlibWriters.idle[level-zlib.HuffmanOnly]; len(idle) < zlibKeep {
		zlibWriters.idle[level-zlib.HuffmanOnly] = append(idle, zw)
	}
}
