package markdown

import (
	"strconv"
	"strings"

	"github.com/annexgen/annexgen/document"
)

// Escape returns s as literal CommonMark/GFM inline text: parsed back, it
// gives s and no markup.
//
// Every ASCII character that can start inline markup (\ ` * _ [ ] < > | ~
// & { } #) is backslash-escaped; so is a character that would start a block
// at the beginning of a line (- + = : and the . or ) of a "1. " or "1) "
// list marker).
// Spaces and tabs at the start or end of a line are written as character
// references (&#32; &#9;), so they are neither stripped nor read as an
// indent; so is a backslash ending a line (&#92;), which some readers would
// otherwise take with the next character. Line breaks (LF, CRLF or CR) become hard line breaks (a backslash
// at the end of the line); line breaks at the very end of s are dropped,
// because Markdown cannot end a paragraph with one. NUL and invalid UTF-8
// become U+FFFD, as a Markdown reader would make them.
//
// The result holds no blank line, so it stays inside the paragraph, heading
// or list item where it is placed. Table cells and headings take a single
// line: the template function "line" escapes for them.
func Escape(s string) string {
	s = document.Normalize(s)
	if s == "" {
		return ""
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteString("\\\n")
		}
		writeLine(&b, line)
	}
	return b.String()
}

// EscapeLine is Escape for text that must stay on one line (a heading, a
// GFM table cell, a list entry): line breaks become spaces.
func EscapeLine(s string) string {
	s = strings.ReplaceAll(document.Normalize(s), "\n", " ")
	var b strings.Builder
	writeLine(&b, s)
	return b.String()
}

// isBlankByte reports whether c is stripped, or read as indentation, at the
// start or end of a Markdown line.
func isBlankByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\v' || c == '\f'
}

// alwaysEscaped lists the ASCII characters escaped wherever they are.
const alwaysEscaped = "\\`*_[]<>|~&{}#"

// lineStartEscaped lists the characters escaped at the start of a line,
// where they could open a list, a setext underline, a thematic break or a
// table delimiter row.
const lineStartEscaped = "-+=:"

// writeLine writes one line of text (without line breaks), escaped.
func writeLine(b *strings.Builder, line string) {
	start := 0
	for start < len(line) && isBlankByte(line[start]) {
		start++
	}
	end := len(line)
	for end > start && isBlankByte(line[end-1]) {
		end--
	}
	writeRefs(b, line[:start])
	body := line[start:end]
	// The "." or ")" after leading digits would make an ordered list.
	listDot := -1
	digits := 0
	for digits < len(body) && body[digits] >= '0' && body[digits] <= '9' {
		digits++
	}
	if digits > 0 && digits < len(body) && (body[digits] == '.' || body[digits] == ')') &&
		(digits+1 == len(body) || body[digits+1] == ' ' || body[digits+1] == '\t') {
		listDot = digits
	}
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c == '\\' && i == len(body)-1 {
			// goldmark (v1.8) reads an escaped backslash followed by a
			// backslash line break as no line break at all, so a backslash
			// ending a line is written as a reference.
			b.WriteString("&#92;")
			continue
		}
		if strings.IndexByte(alwaysEscaped, c) >= 0 ||
			(i == 0 && strings.IndexByte(lineStartEscaped, c) >= 0) ||
			i == listDot {
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	writeRefs(b, line[end:])
}

// writeRefs writes blank bytes as numeric character references.
func writeRefs(b *strings.Builder, blanks string) {
	for i := 0; i < len(blanks); i++ {
		b.WriteString("&#")
		b.WriteString(strconv.Itoa(int(blanks[i])))
		b.WriteByte(';')
	}
}
