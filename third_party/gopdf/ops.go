package gopdf

import (
	"bytes"
	"io"
	"math"
	"strconv"
)

// writeLine writes the bytes build appends to a slice as one write: into
// the free capacity of w when w is a bytes.Buffer, so that the frequent
// operators of a content stream are formatted without fmt and without
// allocating.
func writeLine(w io.Writer, build func(dst []byte) []byte) {
	if bw, ok := w.(*bytes.Buffer); ok {
		bw.Write(build(bw.AvailableBuffer()))
		return
	}
	var buf [128]byte
	w.Write(build(buf[:0]))
}

// appendFixed appends v as fmt's "%.<prec>f" does.
func appendFixed(dst []byte, v float64, prec int) []byte {
	return strconv.AppendFloat(dst, v, 'f', prec, 64)
}

// appendTrim appends v as FormatFloatTrim formats it.
func appendTrim(dst []byte, v float64) []byte {
	const precisionFactor = 1000.0
	return strconv.AppendFloat(dst, math.Round(precisionFactor*v)/precisionFactor, 'f', -1, 64)
}
