package docx

import (
	"strings"
	"unicode"
)

// xmlBuffer builds the text of an XML part.
type xmlBuffer struct{ strings.Builder }

// raw writes markup as it is.
func (b *xmlBuffer) raw(parts ...string) {
	for _, s := range parts {
		b.WriteString(s)
	}
}

// text writes s as character data: markup characters escaped, and characters that XML 1.0
// cannot carry handled by clean.
func (b *xmlBuffer) text(s string) { writeEscaped(b, s, false) }

// attr writes s as the value of an attribute in double quotes.
func (b *xmlBuffer) attr(s string) { writeEscaped(b, s, true) }

func writeEscaped(b *xmlBuffer, s string, attr bool) {
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			if attr {
				b.WriteString("&quot;")
			} else {
				b.WriteByte('"')
			}
		case '\t':
			if attr {
				b.WriteString("&#9;")
			} else {
				b.WriteByte('\t')
			}
		case '\n':
			if attr {
				b.WriteString("&#10;")
			} else {
				b.WriteByte('\n')
			}
		default:
			if c, ok := clean(r); ok {
				b.WriteRune(c)
			}
		}
	}
}

// clean returns the character written for r. Control characters other than tab and line feed
// cannot stand in an XML 1.0 document, or draw nothing in Word: they are left out, as the PDF
// leaves them out. U+FFFE and U+FFFF, which are not characters, become U+FFFD.
func clean(r rune) (rune, bool) {
	switch {
	case r == '\t' || r == '\n':
		return r, true
	case unicode.Is(unicode.Cc, r):
		return 0, false
	case r == 0xFFFE || r == 0xFFFF:
		return '\uFFFD', true
	}
	return r, true
}

// plainText is s as it is written: the characters clean leaves out removed.
func plainText(s string) string {
	return strings.Map(func(r rune) rune {
		if c, ok := clean(r); ok {
			return c
		}
		return -1
	}, s)
}
