package pdf

import (
	"math"
	"regexp"
	"strings"

	"github.com/annexgen/annexgen/render/linebreak"
)

// itemMarker matches the start of a hard line whose continuation lines hang under the text after
// it: a numbered item （１） or (1), a paragraph number ２ or an item number 一 followed by a
// full-width space, or a short label ending in a colon (理由：, 対象システム：).
var itemMarker = regexp.MustCompile(`^(?:` +
	`[（(][0-9０-９]{1,3}[）)][ 　]*` +
	`|[0-9０-９]{1,3}　+` +
	`|[一二三四五六七八九十]{1,3}　+` +
	`|[^ 　：:。、「」（）]{1,12}：[ 　]*` +
	`)`)

// maxHang is the widest hanging indent, as a fraction of the measure: a longer marker is no
// marker.
const maxHang = 1.0 / 3

// hangIndent returns the width of the item marker that starts the piece, or 0 when it starts
// with none or when nothing follows the marker.
func (p *hardLine) hangIndent(width float64) float64 {
	m := itemMarker.FindString(p.text)
	if m == "" || len(m) == len(p.text) {
		return 0
	}
	solid := strings.TrimRight(m, " 　")
	var w float64
	if solid != "" {
		// The natural width of the marker, with any kern after its last mark (「）　」) and any
		// Japanese–Latin space inside it.
		w = linebreak.Break(solid, math.MaxFloat32, p.size, p.measure)[0].Width
	}
	for off, r := range m[len(solid):] {
		w += p.measure(len(solid)+off, r)
	}
	if w <= 0 || w > width*maxHang {
		return 0
	}
	return w
}
