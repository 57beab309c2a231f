package gopdf

import "io"

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

// writeHex4 writes v to w as fmt's "%04X" does, without fmt's allocations.
func writeHex4(w io.Writer, v uint) error {
	var buf [16]byte
	_, err := w.Write(appendHex4(buf[:0], v))
	return err
}
