package gopdf

import (
	"io"
)

type cacheContentTextColorRGB struct {
	r, g, b uint8
}

func (c cacheContentTextColorRGB) write(w io.Writer, protection *PDFProtection) error {
	writeLine(w, func(b []byte) []byte {
		b = appendFixed(b, float64(c.r)/255, 3)
		b = append(b, ' ')
		b = appendFixed(b, float64(c.g)/255, 3)
		b = append(b, ' ')
		b = appendFixed(b, float64(c.b)/255, 3)
		return append(append(append(b, ' '), colorTypeFillRGB...), '\n')
	})
	return nil
}

func (c cacheContentTextColorRGB) equal(obj ICacheColorText) bool {
	rgb, ok := obj.(cacheContentTextColorRGB)
	if !ok {
		return false
	}

	return c.r == rgb.r && c.g == rgb.g && c.b == rgb.b
}
