package gopdf

import (
	"fmt"
	"io"
)

type cacheContentLine struct {
	pageHeight float64
	x1         float64
	y1         float64
	x2         float64
	y2         float64
	opts       lineOptions
}

func (c *cacheContentLine) write(w io.Writer, protection *PDFProtection) error {
	fmt.Fprintf(w, "q\n")
	for _, extGStateIndex := range c.opts.extGStateIndexes {
		fmt.Fprintf(w, "/GS%d gs\n", extGStateIndex)
	}
	writeLine(w, func(b []byte) []byte {
		b = appendFixed(b, c.x1, 2)
		b = append(b, ' ')
		b = appendFixed(b, c.pageHeight-c.y1, 2)
		b = append(b, " m "...)
		b = appendFixed(b, c.x2, 2)
		b = append(b, ' ')
		b = appendFixed(b, c.pageHeight-c.y2, 2)
		return append(b, " l S\n"...)
	})
	fmt.Fprintf(w, "Q\n")
	return nil
}
