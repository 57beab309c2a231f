package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"
)

// sfnt version tags.
const (
	tagTrueType   = 0x00010000
	tagAppleTrue  = 0x74727565 // "true"
	tagCFF        = 0x4F54544F // "OTTO"
	tagCollection = 0x74746366 // "ttcf"
	tagWOFF       = 0x774F4646 // "wOFF"
	tagWOFF2      = 0x774F4632 // "wOF2"
)

// ErrNotTrueType is wrapped by the errors of Load for fonts that are valid but not TrueType
// outlines (CFF-based OpenType, web fonts), which the PDF writer cannot embed.
var ErrNotTrueType = errors.New("TrueType 形式ではないフォントです")

// ErrBadFont is wrapped by the errors of Load and ExtractTTC for data that is not a readable font.
var ErrBadFont = errors.New("フォントファイルとして読めません")

// fontError is an error of a kind (ErrNotTrueType or ErrBadFont) with its own message.
type fontError struct {
	kind error
	msg  string
}

func (e *fontError) Error() string { return e.msg }
func (e *fontError) Unwrap() error { return e.kind }

// badFont returns an ErrBadFont error with a Japanese message.
func badFont(format string, args ...any) error {
	return &fontError{ErrBadFont, fmt.Sprintf(format, args...)}
}

// notTrueType returns an ErrNotTrueType error saying what the font is.
func notTrueType(what string) error {
	return &fontError{ErrNotTrueType, what + "は PDF に埋め込めません。TrueType 形式（.ttf）のフォントを指定してください"}
}

// requiredTables are the tables the PDF writer reads from a TrueType font.
var requiredTables = []string{"cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp"}

// table is one entry of an sfnt table directory.
type table struct {
	tag            string
	checksum       uint32
	offset, length uint32
}

// readTables reads the table directory of the sfnt font starting at off in data and checks
// that every table lies inside data.
func readTables(data []byte, off int) (version uint32, tables []table, err error) {
	if off < 0 || off+12 > len(data) {
		return 0, nil, badFont("ファイルが途中で切れているか壊れています")
	}
	version = binary.BigEndian.Uint32(data[off:])
	n := int(binary.BigEndian.Uint16(data[off+4:]))
	dir := off + 12
	if n == 0 || dir+16*n > len(data) {
		return 0, nil, badFont("フォントの内部構造が壊れています")
	}
	tables = make([]table, n)
	for i := range tables {
		rec := data[dir+16*i:]
		t := table{
			tag:      string(rec[:4]),
			checksum: binary.BigEndian.Uint32(rec[4:]),
			offset:   binary.BigEndian.Uint32(rec[8:]),
			length:   binary.BigEndian.Uint32(rec[12:]),
		}
		if uint64(t.offset)+uint64(t.length) > uint64(len(data)) {
			return 0, nil, badFont("ファイルが途中で切れているか壊れています（%s テーブル）", strings.TrimSpace(t.tag))
		}
		tables[i] = t
	}
	return version, tables, nil
}

// collectionOffsets returns the offsets of the faces of a TrueType collection.
func collectionOffsets(data []byte) ([]int, error) {
	if len(data) < 12 || binary.BigEndian.Uint32(data) != tagCollection {
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
	version, tables, err := readTables(data, offs[n])
	if err != nil {
		return nil, err
	}
	size := 12 + 16*len(tables)
	for _, t := range tables {
		size += int(t.length+3) &^ 3
	}
	out := make([]byte, 12+16*len(tables), size)
	head := data[offs[n]:]
	binary.BigEndian.PutUint32(out, version)
	copy(out[4:12], head[4:12]) // numTables, searchRange, entrySelector, rangeShift
	for i, t := range tables {
		rec := out[12+16*i:]
		copy(rec[:4], t.tag)
		binary.BigEndian.PutUint32(rec[4:], t.checksum)
		binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(rec[12:], t.length)
		out = append(out, data[t.offset:t.offset+t.length]...)
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
	case tagTrueType, tagAppleTrue:
		if index > 0 {
			return nil, badFont("コレクション（.ttc）ではないため %d 番のフォントはありません", index)
		}
		face, err := newFace(data, -1)
		if err != nil {
			return nil, err
		}
		if tag == tagAppleTrue { // same outlines; the PDF writer only accepts the standard tag
			face.Data = append([]byte(nil), data...)
			binary.BigEndian.PutUint32(face.Data, tagTrueType)
		}
		return face, nil
	case tagCollection:
		return parseCollection(data, index, prefer)
	case tagCFF:
		return nil, notTrueType("CFF（PostScript）アウトラインの OpenType フォント")
	case tagWOFF, tagWOFF2:
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
		if off := offs[index]; off+4 <= len(data) && binary.BigEndian.Uint32(data[off:]) == tagCFF {
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

// newFace checks that data is a TrueType font the PDF writer can embed and reads its name and
// character map.
func newFace(data []byte, index int) (*Face, error) {
	_, tables, err := readTables(data, 0)
	if err != nil {
		return nil, err
	}
	byTag := make(map[string]table, len(tables))
	for _, t := range tables {
		byTag[t.tag] = t
	}
	if _, ok := byTag["CFF "]; ok {
		return nil, notTrueType("CFF（PostScript）アウトラインのフォント")
	}
	for _, tag := range requiredTables {
		if _, ok := byTag[tag]; !ok {
			return nil, badFont("TrueType のアウトラインがありません（%s テーブルがありません）", tag)
		}
	}
	face := &Face{Data: data, index: index}
	if t, ok := byTag["name"]; ok {
		face.Name = postScriptName(data[t.offset : t.offset+t.length])
	}
	t := byTag["cmap"]
	face.cmap = parseCmap(data[t.offset : t.offset+t.length])
	if face.cmap == nil {
		return nil, badFont("Unicode の文字コード表（cmap）がありません")
	}
	return face, nil
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
			if v := cleanName(string(utf16.Decode(u))); v != "" {
				return v
			}
		case platform == 1 && encoding == 0 && mac == "":
			mac = cleanName(string(s))
		}
	}
	return mac
}

// cleanName keeps the characters allowed in a PostScript name (printable ASCII except the
// PDF delimiters), so that the name can go into a PDF BaseFont.
func cleanName(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r > 32 && r < 127 && !strings.ContainsRune("[](){}<>/%", r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// cmapTable is a parsed Unicode character map: either format 12 groups or format 4 segments.
type cmapTable struct {
	groups   []cmapGroup // format 12, sorted by end
	segments []cmapGroup // format 4, sorted by end; start/end/delta/rangeOffset position
	sub      []byte      // the format 4 subtable, for glyph ID array lookups
}

// cmapGroup is a format 12 group (start, end, glyph) or a format 4 segment (start, end,
// idDelta in glyph, and the byte position of its idRangeOffset entry in pos, 0 when zero).
type cmapGroup struct {
	start, end, glyph uint32
	pos               int
}

// parseCmap reads the best Unicode subtable of a 'cmap' table: format 12 (full Unicode)
// before format 4 (BMP). It returns nil when there is none.
func parseCmap(cmap []byte) *cmapTable {
	if len(cmap) < 4 {
		return nil
	}
	n := int(binary.BigEndian.Uint16(cmap[2:]))
	var fmt4, fmt12 []byte
	for i := range n {
		rec := 4 + 8*i
		if rec+8 > len(cmap) {
			break
		}
		platform := binary.BigEndian.Uint16(cmap[rec:])
		encoding := binary.BigEndian.Uint16(cmap[rec+2:])
		off := int(binary.BigEndian.Uint32(cmap[rec+4:]))
		if !(platform == 0 || platform == 3 && (encoding == 1 || encoding == 10)) || off+4 > len(cmap) || off < 0 {
			continue
		}
		sub := cmap[off:]
		switch binary.BigEndian.Uint16(sub) {
		case 4:
			if fmt4 == nil {
				fmt4 = sub
			}
		case 12:
			if fmt12 == nil {
				fmt12 = sub
			}
		}
	}
	if t := parseFormat12(fmt12); t != nil {
		return t
	}
	return parseFormat4(fmt4)
}

func parseFormat12(sub []byte) *cmapTable {
	if len(sub) < 16 {
		return nil
	}
	n := binary.BigEndian.Uint32(sub[12:])
	if uint64(16)+12*uint64(n) > uint64(len(sub)) {
		return nil
	}
	groups := make([]cmapGroup, n)
	for i := range groups {
		g := sub[16+12*i:]
		groups[i] = cmapGroup{start: binary.BigEndian.Uint32(g), end: binary.BigEndian.Uint32(g[4:]), glyph: binary.BigEndian.Uint32(g[8:])}
	}
	sort.Slice(groups, func(i, j int) bool { return groups[i].end < groups[j].end })
	return &cmapTable{groups: groups}
}

func parseFormat4(sub []byte) *cmapTable {
	if len(sub) < 14 {
		return nil
	}
	segX2 := int(binary.BigEndian.Uint16(sub[6:]))
	n := segX2 / 2
	ends, starts, deltas, ranges := 14, 16+segX2, 16+2*segX2, 16+3*segX2
	if ranges+segX2 > len(sub) {
		return nil
	}
	segs := make([]cmapGroup, n)
	for i := range segs {
		s := cmapGroup{
			end:   uint32(binary.BigEndian.Uint16(sub[ends+2*i:])),
			start: uint32(binary.BigEndian.Uint16(sub[starts+2*i:])),
			glyph: uint32(binary.BigEndian.Uint16(sub[deltas+2*i:])),
		}
		if binary.BigEndian.Uint16(sub[ranges+2*i:]) != 0 {
			s.pos = ranges + 2*i
		}
		segs[i] = s
	}
	sort.SliceStable(segs, func(i, j int) bool { return segs[i].end < segs[j].end })
	return &cmapTable{segments: segs, sub: sub}
}

// glyph returns the glyph ID of r, 0 when the font has none.
func (c *cmapTable) glyph(r rune) uint32 {
	if r < 0 || r > 0x10FFFF {
		return 0
	}
	u := uint32(r)
	if c.groups != nil {
		i := sort.Search(len(c.groups), func(i int) bool { return c.groups[i].end >= u })
		if i < len(c.groups) && c.groups[i].start <= u {
			return c.groups[i].glyph + (u - c.groups[i].start)
		}
		return 0
	}
	i := sort.Search(len(c.segments), func(i int) bool { return c.segments[i].end >= u })
	if i == len(c.segments) || c.segments[i].start > u {
		return 0
	}
	s := c.segments[i]
	if s.pos == 0 {
		return (u + s.glyph) & 0xFFFF
	}
	at := s.pos + int(binary.BigEndian.Uint16(c.sub[s.pos:])) + 2*int(u-s.start)
	if at+2 > len(c.sub) {
		return 0
	}
	g := uint32(binary.BigEndian.Uint16(c.sub[at:]))
	if g == 0 {
		return 0
	}
	return (g + s.glyph) & 0xFFFF
}

// HasRune reports whether the font has a glyph for r. Faces made by Load and Find answer from
// the character map parsed when loading.
func (f *Face) HasRune(r rune) bool {
	c := f.cmap
	if c == nil {
		g, err := newFace(f.Data, -1)
		if err != nil {
			return false
		}
		c = g.cmap
	}
	return c.glyph(r) != 0
}
