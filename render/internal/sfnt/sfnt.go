// Package sfnt reads what annexgen needs of a TrueType font: the table directory, whether the PDF
// writer can embed it (one rule for font discovery and for the PDF), the PostScript name, the
// character map and the advance widths.
//
// Parse reads the table directory and the headers only; characters are looked up in the cmap
// subtables as they are asked for, so checking a font costs little more than opening it. A Font
// is read-only after Parse and safe for concurrent use.
package sfnt

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"unicode/utf16"
)

// sfnt version tags.
const (
	TagTrueType   = 0x00010000
	TagAppleTrue  = 0x74727565 // "true"
	TagCFF        = 0x4F54544F // "OTTO"
	TagCollection = 0x74746366 // "ttcf"
	TagWOFF       = 0x774F4646 // "wOFF"
	TagWOFF2      = 0x774F4632 // "wOF2"
)

// ErrNotTrueType is wrapped by the errors for fonts that are valid but not TrueType outlines
// (CFF-based OpenType, web fonts), which the PDF writer cannot embed.
var ErrNotTrueType = errors.New("TrueType 形式ではないフォントです")

// ErrBadFont is wrapped by the errors for data that is not a font the PDF writer can read.
var ErrBadFont = errors.New("フォントファイルとして読めません")

// fontError is an error of a kind (ErrNotTrueType or ErrBadFont) with its own message.
type fontError struct {
	kind error
	msg  string
}

func (e *fontError) Error() string { return e.msg }
func (e *fontError) Unwrap() error { return e.kind }

// BadFont returns an ErrBadFont error with a Japanese message.
func BadFont(format string, args ...any) error {
	return &fontError{ErrBadFont, fmt.Sprintf(format, args...)}
}

// NotTrueType returns an ErrNotTrueType error saying what the font is.
func NotTrueType(what string) error {
	return &fontError{ErrNotTrueType, what + "は PDF に埋め込めません。TrueType 形式（.ttf）のフォントを指定してください"}
}

// requiredTables are the tables the PDF writer reads from a TrueType font.
var requiredTables = []string{"cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp"}

// Table is one entry of an sfnt table directory.
type Table struct {
	Tag            string
	Checksum       uint32
	Offset, Length uint32
}

// ReadTables reads the table directory of the sfnt font starting at off in data and checks
// that every table lies inside data.
func ReadTables(data []byte, off int) (version uint32, tables []Table, err error) {
	if off < 0 || off+12 > len(data) {
		return 0, nil, BadFont("ファイルが途中で切れているか壊れています")
	}
	version = binary.BigEndian.Uint32(data[off:])
	n := int(binary.BigEndian.Uint16(data[off+4:]))
	dir := off + 12
	if n == 0 || dir+16*n > len(data) {
		return 0, nil, BadFont("フォントの内部構造が壊れています")
	}
	tables = make([]Table, n)
	for i := range tables {
		rec := data[dir+16*i:]
		t := Table{
			Tag:      string(rec[:4]),
			Checksum: binary.BigEndian.Uint32(rec[4:]),
			Offset:   binary.BigEndian.Uint32(rec[8:]),
			Length:   binary.BigEndian.Uint32(rec[12:]),
		}
		if uint64(t.Offset)+uint64(t.Length) > uint64(len(data)) {
			return 0, nil, BadFont("ファイルが途中で切れているか壊れています（%s テーブル）", strings.TrimSpace(t.Tag))
		}
		tables[i] = t
	}
	return version, tables, nil
}

// Font is a TrueType font the PDF writer can embed.
type Font struct {
	Data []byte // the font file
	Name string // PostScript name (name ID 6) cleaned by CleanName; "" when the font has none

	unitsPerEm  uint32
	numHMetrics int
	numGlyphs   int
	hmtx        []byte
	bmp         format4 // platform 3 encoding 1: the subtable the PDF writer reads for the BMP
	beyond      []group // platform 3 encoding 10, format 12: characters beyond the BMP
}

// Parse checks that data is a TrueType font the PDF writer can embed (TrueType outlines, the
// tables it reads, a Windows Unicode format 4 character map) and reads its headers.
func Parse(data []byte) (*Font, error) {
	if len(data) < 4 {
		return nil, BadFont("ファイルが短すぎます")
	}
	version, tables, err := ReadTables(data, 0)
	if err != nil {
		return nil, err
	}
	if version != TagTrueType && version != TagAppleTrue {
		if version == TagCFF {
			return nil, NotTrueType("CFF（PostScript）アウトラインの OpenType フォント")
		}
		return nil, BadFont("フォントファイルではありません")
	}
	byTag := make(map[string][]byte, len(tables))
	for _, t := range tables {
		byTag[t.Tag] = data[t.Offset : t.Offset+t.Length]
	}
	if _, ok := byTag["CFF "]; ok {
		return nil, NotTrueType("CFF（PostScript）アウトラインのフォント")
	}
	for _, tag := range requiredTables {
		if _, ok := byTag[tag]; !ok {
			return nil, BadFont("TrueType のアウトラインがありません（%s テーブルがありません）", tag)
		}
	}
	f := &Font{Data: data, Name: postScriptName(byTag["name"])}
	head, hhea, maxp := byTag["head"], byTag["hhea"], byTag["maxp"]
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 {
		return nil, BadFont("フォントの内部構造が壊れています（head・hhea・maxp テーブル）")
	}
	f.unitsPerEm = uint32(binary.BigEndian.Uint16(head[18:]))
	f.numHMetrics = int(binary.BigEndian.Uint16(hhea[34:]))
	f.numGlyphs = int(binary.BigEndian.Uint16(maxp[4:]))
	f.hmtx = byTag["hmtx"]
	if f.unitsPerEm == 0 || f.numHMetrics == 0 || len(f.hmtx) < 4*f.numHMetrics {
		return nil, BadFont("フォントの内部構造が壊れています（hmtx テーブル）")
	}
	cmap := byTag["cmap"]
	sub := subtable(cmap, 3, 1, 4)
	if sub == nil {
		return nil, BadFont("Unicode の文字コード表（cmap）がありません")
	}
	if f.bmp, err = parseFormat4(sub); err != nil {
		return nil, err
	}
	f.beyond = parseFormat12(subtable(cmap, 3, 10, 12), f.numGlyphs)
	return f, nil
}

// Glyph returns the glyph index of r as the PDF writer finds it (the format 4 subtable for the
// BMP, the format 12 one beyond), 0 when the font has no glyph for r or maps it to a glyph it
// does not have (a damaged font).
func (f *Font) Glyph(r rune) int {
	g := 0
	switch {
	case r < 0 || r > 0x10FFFF:
	case r <= 0xFFFF:
		g = f.bmp.glyph(r)
	default:
		g = lookupGroup(f.beyond, r)
	}
	if g >= f.numGlyphs {
		return 0
	}
	return g
}

// Advance returns the advance width of glyph in thousandths of an em, rounded down as the PDF
// writer writes it into a font's width array.
func (f *Font) Advance(glyph int) int {
	if glyph >= f.numHMetrics {
		glyph = f.numHMetrics - 1
	}
	w := uint32(binary.BigEndian.Uint16(f.hmtx[4*glyph:]))
	return int(w * 1000 / f.unitsPerEm)
}

// EachBMP calls fn for every character of the BMP the font has (as Glyph finds it), with its
// glyph, in the order of the character map.
func (f *Font) EachBMP(fn func(r rune, glyph int)) {
	f.bmp.each(func(r rune, glyph int) {
		if glyph < f.numGlyphs {
			fn(r, glyph)
		}
	})
}

// CleanName keeps the characters of s allowed in a PostScript name that need no escape in a
// PDF name (printable ASCII except the PDF delimiters and '#').
func CleanName(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r > 32 && r < 127 && !strings.ContainsRune("[](){}<>/%#", r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// postScriptName returns name ID 6 of a 'name' table, preferring the Windows Unicode record.
func postScriptName(name []byte) string {
	if len(name) < 6 {
		return ""
	}
	count := int(binary.BigEndian.Uint16(name[2:]))
	strs := int(binary.BigEndian.Uint16(name[4:]))
	var mac string
	for i := range count {
		rec := 6 + 12*i
		if rec+12 > len(name) {
			break
		}
		platform := binary.BigEndian.Uint16(name[rec:])
		encoding := binary.BigEndian.Uint16(name[rec+2:])
		id := binary.BigEndian.Uint16(name[rec+6:])
		length := int(binary.BigEndian.Uint16(name[rec+8:]))
		off := strs + int(binary.BigEndian.Uint16(name[rec+10:]))
		if id != 6 || off+length > len(name) {
			continue
		}
		s := name[off : off+length]
		switch {
		case platform == 3 && (encoding == 1 || encoding == 10), platform == 0:
			u := make([]uint16, len(s)/2)
			for j := range u {
				u[j] = binary.BigEndian.Uint16(s[2*j:])
			}
			if v := CleanName(string(utf16.Decode(u))); v != "" {
				return v
			}
		case platform == 1 && encoding == 0 && mac == "":
			mac = CleanName(string(s))
		}
	}
	return mac
}
