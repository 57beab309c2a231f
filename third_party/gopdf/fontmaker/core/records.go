package core

import (
	"bytes"
	"encoding/binary"
	"io"
)

// readRecords reads n records of size bytes each at the reader's position in one piece, without
// allocating more than the data left, and advances the reader past them.
func readRecords(fd *bytes.Reader, n, size uint) ([]byte, error) {
	if n > uint(fd.Len())/size {
		return nil, io.ErrUnexpectedEOF
	}
	buf := make([]byte, n*size)
	if _, err := io.ReadFull(fd, buf); err != nil {
		return nil, err
	}
	return buf, nil
}

// readUShorts reads n big-endian 16-bit values.
func readUShorts(fd *bytes.Reader, n uint) ([]uint, error) {
	buf, err := readRecords(fd, n, 2)
	if err != nil {
		return nil, err
	}
	out := make([]uint, n)
	for i := range out {
		out[i] = uint(binary.BigEndian.Uint16(buf[2*i:]))
	}
	return out, nil
}

// readULongs reads n big-endian 32-bit values.
func readULongs(fd *bytes.Reader, n uint) ([]uint, error) {
	buf, err := readRecords(fd, n, 4)
	if err != nil {
		return nil, err
	}
	out := make([]uint, n)
	for i := range out {
		out[i] = uint(binary.BigEndian.Uint32(buf[4*i:]))
	}
	return out, nil
}
