package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/annexgen/annexgen/render/internal/sfnt"
)

// collectionOffsets returns the offsets of the faces of a TrueType collection.
func collectionOffsets(data []byte) ([]int, error) {
	if len(data) < 12 || binary.BigEndian.Uint32(data) != sfnt.TagCollection {
		return nil, badFont("TrueType コレクション（.ttc）ではありません")
	}
	n := binary.BigEndian.Uint32(data[8:])
	if n == 0 || uint64(12)+4*uint64(n) > uint64(len(data)) {
		return nil, badFont("コレクションのフォント一覧が壊れています")
	}
	offs := make([]int, n)
	for i := range offs {
		offs[i] = int(binary.BigEndian.Uint32(data[12+4*i:]))
	}
	return offs, nil
}

// ExtractTTC returns face n (counted from 0) of the TrueType collection data as a standalone
// font: the face's table directory and tables copied, offsets recomputed, every table aligned
// to four bytes. Checksums are kept as in the collection.
func ExtractTTC(data []byte, n int) ([]byte, error) {
	offs, err := collectionOffsets(data)
	if err != nil {
		return nil, err
	}
	if n < 0 || n >= len(offs) {
		return nil, badFont("コレクションには %d 番のフォントがありません（0〜%d 番）", n, len(offs)-1)
	}
	version, tables, err := sfnt.ReadTables(data, offs[n])
	if err != nil {
		return nil, err
	}
	size := 12 + 16*len(tables)
	for _, t := range tables {
		size += int(t.Length+3) &^ 3
	}
	out := make([]byte, 12+16*len(tables), size)
	head := data[offs[n]:]
	binary.BigEndian.PutUint32(out, version)
	copy(out[4:12], head[4:12]) // numTables, searchRange, entrySelector, rangeShift
	for i, t := range tables {
		rec := out[12+16*i:]
		copy(rec[:4], t.Tag)
		binary.BigEndian.PutUint32(rec[4:], t.Checksum)
		binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(rec[12:], t.Length)
		out = append(out, data[t.Offset:t.Offset+t.Length]...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out, nil
}

// splitFace splits "file.ttc#N" into the file and the face number; index is -1 without "#N".
func splitFace(path string) (file string, index int) {
	if i := strings.LastIndexByte(path, '#'); i >= 0 {
		if n, err := strconv.Atoi(path[i+1:]); err == nil && n >= 0 {
			return path[:i], n
		}
	}
	return path, -1
}

// Load reads one font file: a TrueType .ttf, face N of a TrueType collection written
// "file.ttc#N", or a .ttc whose first TrueType face is taken. CFF-based fonts (.otf, most
// .ttc on macOS) are rejected with an error wrapping ErrNotTrueType.
func Load(path string) (*Face, error) {
	file, index := splitFace(path)
	if _, err := os.Stat(path); err == nil {
		file, index = path, -1 // a file whose name really contains '#'
	}
	face, err := loadFile(file, index, nil)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("フォントファイル %s が見つかりません", file)
	}
	if err != nil {
		return nil, fmt.Errorf("フォントファイル %s は使えません: %w", file, err)
	}
	return face, nil
}

// loadFile reads a font file and makes a Face of it (see parseFace for index and prefer).
func loadFile(file string, index int, prefer []string) (*Face, error) {
	data, err := readFontFile(file)
	if err != nil {
		return nil, err
	}
	face, err := parseFace(data, index, prefer)
	if err != nil {
		return nil, err
	}
	face.Path = file
	if face.index >= 0 {
		face.Path = fmt.Sprintf("%s#%d", file, face.index)
	}
	if face.Name == "" {
		face.Name = strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
	}
	return face, nil
}

// parseFace makes a Face from font data. For a collection it takes face index, or when index
// is -1 the first TrueType face whose PostScript name is in prefer, else the first TrueType
// face. Face.index is the face taken from a collection, -1 for a single font.
func parseFace(data []byte, index int, prefer []string) (*Face, error) {
	if len(data) < 4 {
		return nil, badFont("ファイルが短すぎます")
	}
	switch tag := binary.BigEndian.Uint32(data); tag {
	case sfnt.TagTrueType, sfnt.TagAppleTrue:
		if index > 0 {
			return nil, badFont("コレクション（.ttc）ではないため %d 番のフォントはありません", index)
		}
		face, err := newFace(data, -1)
		if err != nil {
			return nil, err
		}
		if tag == sfnt.TagAppleTrue { // same outlines; the PDF writer only accepts the standard tag
			face.Data = append([]byte(nil), data...)
			binary.BigEndian.PutUint32(face.Data, sfnt.TagTrueType)
		}
		return face, nil
	case sfnt.TagCollection:
		return parseCollection(data, index, prefer)
	case sfnt.TagCFF:
		return nil, notTrueType("CFF（PostScript）アウトラインの OpenType フォント")
	case sfnt.TagWOFF, sfnt.TagWOFF2:
		return nil, notTrueType("Web フォント（WOFF）")
	}
	return nil, badFont("フォントファイルではありません")
}

// parseCollection picks and extracts a face of a TrueType collection (see parseFace).
func parseCollection(data []byte, index int, prefer []string) (*Face, error) {
	offs, err := collectionOffsets(data)
	if err != nil {
		return nil, err
	}
	if index >= 0 {
		if index >= len(offs) {
			return nil, badFont("コレクションには %d 番のフォントがありません（0〜%d 番）", index, len(offs)-1)
		}
		if off := offs[index]; off+4 <= len(data) && binary.BigEndian.Uint32(data[off:]) == sfnt.TagCFF {
			return nil, notTrueType(fmt.Sprintf("コレクションの %d 番の CFF（PostScript）アウトラインのフォント", index))
		}
		sfnt, err := ExtractTTC(data, index)
		if err != nil {
			return nil, err
		}
		return newFace(sfnt, index)
	}
	var first *Face
	var firstErr error
	for i := range offs {
		face, err := parseCollection(data, i, nil)
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		if first == nil {
			first = face
		}
		for _, name := range prefer {
			if face.Name == name {
				return face, nil
			}
		}
		if len(prefer) == 0 {
			break
		}
	}
	if first == nil {
		return nil, firstErr
	}
	return first, nil
}

// ErrNotTrueType is wrapped by the errors of Load for fonts that are valid but not TrueType
// outlines (CFF-based OpenType, web fonts), which the PDF writer cannot embed.
var ErrNotTrueType = sfnt.ErrNotTrueType

// ErrBadFont is wrapped by the errors of Load and ExtractTTC for data that is not a readable font.
var ErrBadFont = sfnt.ErrBadFont

var (
	badFont     = sfnt.BadFont
	notTrueType = sfnt.NotTrueType
)

// newFace checks, by the rule the PDF writer needs, that data is a TrueType font it can embed,
// and keeps the parsed font.
func newFace(data []byte, index int) (*Face, error) {
	font, err := sfnt.Parse(data)
	if err != nil {
		return nil, err
	}
	return &Face{Name: font.Name, Data: data, index: index, font: font}, nil
}

// HasRune reports whether the font has a glyph for r, as the PDF writer finds it.
func (f *Face) HasRune(r rune) bool {
	font, err := f.Font()
	return err == nil && font.Glyph(r) != 0
}

// Font returns the parsed font: the one read when loading for faces made by Load and Find,
// else parsed from Data.
func (f *Face) Font() (*sfnt.Font, error) {
	if f.font != nil {
		return f.font, nil
	}
	return sfnt.Parse(f.Data)
}
