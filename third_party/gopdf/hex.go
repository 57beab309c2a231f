package gopdf

import "unicode/utf16"

const upperHexDigits = "0123456789ABCDEF"

// appendHex4 appends v as fmt's "%04X" does: upper-case hexadecimal digits,
// at least four of them.
func appendHex4(dst []byte, v uint) []byte {
	n := 4
	for x := v >> 16; x > 0; x >>= 4 {
		n++
	}
	for i := n - 1; i >= 0; i-- {
		dst = append(dst, upperHexDigits[(v>>(4*uint(i)))&0xF])
	}
	return dst
}

// appendUTF16Hex appends r as the hexadecimal digits of its UTF-16 code
// units: four for a character of the BMP, eight (a surrogate pair) beyond.
func appendUTF16Hex(dst []byte, r rune) []byte {
	if r > 0xFFFF {
		if hi, lo := utf16.EncodeRune(r); hi != utf8RuneError {
			return appendHex4(appendHex4(dst, uint(hi)), uint(lo))
		}
	}
	return appendHex4(dst, uint(r))
}

// utf8RuneError is what utf16.EncodeRune returns for a rune it cannot
// encode.
const utf8RuneError = '\uFFFD'
