package pdf

// Page geometry and type sizes, in points. The text block is a whole number of full-width
// characters wide, as in Japanese typesetting, so lines of kanji and kana fill it exactly.
const (
	pageWidth  = 595.28 // A4, as gopdf.PageSizeA4
	pageHeight = 841.89

	bodySize     = 10.5
	bodyLeading  = 1.7 // line pitch as a multiple of the type size
	charsPerLine = 45

	textWidth    = charsPerLine * bodySize // 472.5 pt = 166.7 mm
	marginLeft   = (pageWidth - textWidth) / 2
	marginTop    = 72.0 // 25.4 mm to the top of the text block
	marginBottom = 68.0
	bodyTop      = marginTop
	bodyBottom   = pageHeight - marginBottom
	bodyHeight   = bodyBottom - bodyTop

	headerBaseline = 46.0 // running header, 16 mm from the top edge
	footerBaseline = pageHeight - 36.0
	headerSize     = 8.5
	footerSize     = 9.0

	paragraphGap = 5.0 // between paragraphs and other blocks

	tableSize    = 9.5
	tableLeading = 1.5
	cellPadX     = 5.0
	cellPadY     = 3.5
	ruleWidth    = 0.5

	tocSize    = 10.5
	tocLeading = 1.75

	// ascent places the baseline in the em box of CJK fonts (ideographic em box 0.88/0.12).
	ascent = 0.88

	// compressLevel is the zlib level for content streams. Measured on the 12-page fixture
	// (BenchmarkCompressLevel): levels 1, 6 and 9 give 265, 261 and 261 KB in 33, 31 and 38 ms;
	// the embedded fonts, which gopdf always compresses at its default level, dominate both.
	compressLevel = 6
)

// headingStyle is the look of a heading level.
type headingStyle struct {
	size, leading, before, after float64
	align                        alignment
	underline                    bool
}

var headingStyles = [7]headingStyle{
	1: {size: 16, leading: 1.5, before: 0, after: 14, align: alignCenter},
	2: {size: 13, leading: 1.45, before: 20, after: 8, align: alignLeft, underline: true},
	3: {size: 11.5, leading: 1.5, before: 14, after: 4, align: alignLeft},
	4: {size: 10.5, leading: 1.6, before: 10, after: 2, align: alignLeft},
	5: {size: 10.5, leading: 1.6, before: 8, after: 2, align: alignLeft},
	6: {size: 10.5, leading: 1.6, before: 8, after: 2, align: alignLeft},
}
