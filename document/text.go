package document

import (
	"strings"
	"unicode/utf8"
)

// Normalize returns cell text as every document prints it: CRLF and CR
// turned into LF, NUL and invalid UTF-8 into U+FFFD, and the line breaks
// at its end removed. The text fields of a Document hold normalized text,
// so that a field that looks empty is empty.
func Normalize(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if strings.ContainsAny(s, "\r\x00") {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
		s = strings.ReplaceAll(s, "\x00", "\uFFFD")
	}
	return strings.TrimRight(s, "\n")
}
