package pdf

import "regexp"

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

	// compressLevel is the zlib level for content streams (gopdf compresses with
	// klauspost/compress). Text operators compress well at any level; the embedded fonts
	// dominate both time and size (BenchmarkCompressLevel).
	compressLevel = 3
)

// headingStyle is the look of a heading level.
type headingStyle struct {
	size, leading, before, after float64
	align                        alignment
	underline                    bool
}

// headingStyles set headings as a contract does: the document title is the only large type;
// sections (別表, parts) are a little larger than the body, articles and items are body size,
// all in bold ゴシック.
var headingStyles = [7]headingStyle{
	1: {size: 16, leading: 1.5, before: 0, after: 14, align: alignCenter},
	2: {size: 11.5, leading: 1.5, before: 18, after: 6, align: alignLeft},
	3: {size: 10.5, leading: 1.6, before: 12, after: 3, align: alignLeft},
	4: {size: 10.5, leading: 1.6, before: 10, after: 2, align: alignLeft},
	5: {size: 10.5, leading: 1.6, before: 8, after: 2, align: alignLeft},
	6: {size: 10.5, leading: 1.6, before: 8, after: 2, align: alignLeft},
}

// sectionSize is the size of a heading below level 2 that titles a group of deeper headings.
const sectionSize = 11.0

// articleStyle is the look of an article heading (第1条（目的）) at any level below the title:
// body size, with the text following closely.
var articleStyle = headingStyle{size: bodySize, leading: bodyLeading, before: 12, after: 2, align: alignLeft}

// article matches the heading of an article: 第1条, 第十二条, 第３条の２.
var article = regexp.MustCompile(`^第[0-9０-９一二三四五六七八九十百]+条`)

// styleOf returns the style of a heading.
func styleOf(h *heading) headingStyle {
	level := min(max(h.level, 1), 6)
	if level > 1 && article.MatchString(h.plain) {
		return articleStyle
	}
	return headingStyles[level]
}
