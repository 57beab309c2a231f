package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strings"
)

// Bounds on the XML of a package, enforced while streaming each part and
// before excelize builds anything from it. A real checklist's largest part
// is well under a megabyte, a few thousand rows and a hundred merges.
const (
	maxPartBytes    = maxUnzipXMLBytes // one XML part, unzipped: nothing is ever spilled to a temporary file
	maxXMLDepth     = 64               // elements nested in elements
	maxPartElements = 1 << 20          // elements of one part
	maxSheetRows    = 100000           // <row> elements of one sheet
	maxSheetCells   = 1 << 19          // <c> elements of one sheet
	maxSheetMerges  = 10000            // <mergeCell> elements of one sheet
	maxRelsBytes    = 1 << 20          // a relationships part read to find the workbook
	maxSheets       = 1000             // sheets of a workbook
)

// The reasons a package is refused before excelize reads it.
const (
	reasonDuplicateEntry = "ファイルの中に同じ名前の部品（%s）が2つあり、どちらが正しいか決められません。Excel で開けるか確かめ、保存し直してください。"
	reasonSharedSheet    = "シート「%s」と「%s」が同じシートのデータを指しています。壊れたファイルです。Excel で開けるか確かめ、保存し直してください。"
	reasonPartLarge      = "ファイルの中の部品（%s）が大きすぎます（展開して16 MB 超）。確認表の行だけを残し、不要な行や列・シートを削除してください。"
	reasonPartDeep       = "ファイルの中の部品（%s）の構造が深すぎます（入れ子%d段超）。確認表ではないか、壊れたファイルです。Excel で開けるか確かめ、保存し直してください。"
	reasonPartElements   = "ファイルの中の部品（%s）の要素が多すぎます（%s）。確認表の行だけを残し、不要な行や列・結合セルを削除してください。"
	reasonManySheets     = "シートが%d枚あり、多すぎます（%d枚まで）。確認表のシート（基本情報・Part1・Part2・サービスレベル）だけを残してください。"
	reasonRowTwice       = "シートのデータ（%s）に同じ行（%d行目）が2回あります。壊れたファイルです。Excel で開けるか確かめ、保存し直してください。"
)

// officeDocument is the type of the package relationship to the workbook part.
const (
	relOfficeDocument       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
	relOfficeDocumentStrict = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"
)

// pkgEntry is one zip entry under its normalised name.
type pkgEntry struct {
	name string // forward slashes
	f    *zip.File
	data []byte // the part as it will be read, when it was rewritten
}

// checkedPackage is what checkPackage found.
type checkedPackage struct {
	workbook string     // the workbook part, "" if the package has none
	entries  []pkgEntry // in zip order
	rewrite  bool       // names or parts changed: excelize must read the rewritten package
}

// checkPackage looks at every entry of a zip package before excelize
// does: duplicate names, the workbook part found as Excel finds it (the
// officeDocument relationship of _rels/.rels), two sheets sharing one
// part, and every XML part streamed within the bounds above. Sheets whose
// rows or cells are not in order are rewritten in order. It returns the
// package to open (nil: the file as it is) or why the file is refused.
func checkPackage(zr *zip.Reader) (pkg []byte, reason string, err error) {
	cp := &checkedPackage{}
	seen := map[string]bool{}
	for _, f := range zr.File {
		name := strings.ReplaceAll(f.Name, "\\", "/")
		if name != f.Name {
			cp.rewrite = true
		}
		key := strings.ToLower(strings.TrimPrefix(name, "/"))
		if seen[key] {
			return nil, fmt.Sprintf(reasonDuplicateEntry, name), nil
		}
		seen[key] = true
		cp.entries = append(cp.entries, pkgEntry{name: strings.TrimPrefix(name, "/"), f: f})
	}
	cp.workbook = cp.findWorkbook()
	if cp.workbook == "" {
		return nil, "", nil // not a workbook: zipReason says what it is
	}
	if r := cp.sharedSheets(); r != "" {
		return nil, r, nil
	}
	for i := range cp.entries {
		e := &cp.entries[i]
		if e.f.FileInfo().IsDir() || !isXMLPart(e.name) && !looksXML(e.f) {
			continue
		}
		if e.f.UncompressedSize64 > maxPartBytes {
			return nil, fmt.Sprintf(reasonPartLarge, e.name), nil
		}
		sorted, reason, err := scanPart(e.f, e.name)
		if reason != "" || err != nil {
			return nil, reason, err
		}
		if sorted != nil {
			e.data, cp.rewrite = sorted, true
		}
	}
	if !cp.rewrite {
		return nil, "", nil
	}
	pkg, err = cp.zip()
	return pkg, "", err
}

// isXMLPart reports a part that excelize may parse as XML.
func isXMLPart(name string) bool {
	n := strings.ToLower(name)
	return strings.HasSuffix(n, ".xml") || strings.HasSuffix(n, ".rels") || strings.HasSuffix(n, ".vml")
}

// looksXML reports whether a part whose name does not say so holds XML
// all the same (excelize parses a sheet part whatever its name).
func looksXML(f *zip.File) bool {
	rc, err := f.Open()
	if err != nil {
		return false
	}
	defer rc.Close()
	head := make([]byte, 512)
	n, _ := io.ReadFull(rc, head)
	head = bytes.TrimLeft(bytes.TrimPrefix(head[:n], []byte("\xef\xbb\xbf")), " \t\r\n")
	return bytes.HasPrefix(head, []byte("<"))
}

// entry returns the entry of a part name, case-insensitively.
func (cp *checkedPackage) entry(name string) *pkgEntry {
	name = strings.TrimPrefix(name, "/")
	for i := range cp.entries {
		if strings.EqualFold(cp.entries[i].name, name) {
			return &cp.entries[i]
		}
	}
	return nil
}

// relationship is one <Relationship> of a .rels part.
type relationship struct {
	ID     string `xml:"Id,attr"`
	Type   string `xml:"Type,attr"`
	Target string `xml:"Target,attr"`
	Mode   string `xml:"TargetMode,attr"`
}

// rels reads a relationships part, nil if it is absent or unreadable.
func (cp *checkedPackage) rels(name string) []relationship {
	e := cp.entry(name)
	if e == nil || e.f.UncompressedSize64 > maxRelsBytes {
		return nil
	}
	rc, err := e.f.Open()
	if err != nil {
		return nil
	}
	defer rc.Close()
	var doc struct {
		Rels []relationship `xml:"Relationship"`
	}
	if xml.NewDecoder(io.LimitReader(rc, maxRelsBytes)).Decode(&doc) != nil {
		return nil
	}
	return doc.Rels
}

// findWorkbook returns the workbook part: the target of the package's
// officeDocument relationship, or xl/workbook.xml when the package has no
// such relationship.
func (cp *checkedPackage) findWorkbook() string {
	for _, r := range cp.rels("_rels/.rels") {
		if r.Type != relOfficeDocument && r.Type != relOfficeDocumentStrict {
			continue
		}
		if e := cp.entry(resolve("", r.Target)); e != nil && isWorkbook(e.f) {
			return e.name
		}
	}
	if e := cp.entry("xl/workbook.xml"); e != nil {
		return e.name
	}
	return ""
}

// isWorkbook reports whether a part's root element is <workbook>.
func isWorkbook(f *zip.File) bool {
	rc, err := f.Open()
	if err != nil {
		return false
	}
	defer rc.Close()
	d := xml.NewDecoder(io.LimitReader(rc, 64<<10))
	for {
		tok, err := d.RawToken()
		if err != nil {
			return false
		}
		if t, ok := tok.(xml.StartElement); ok {
			return t.Name.Local == "workbook"
		}
	}
}

// resolve returns the part a relationship target names, from the folder
// of the part that holds the relationship.
func resolve(dir, target string) string {
	target = strings.ReplaceAll(target, "\\", "/")
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return strings.TrimPrefix(path.Clean(path.Join("/", dir, target)), "/")
}

// sharedSheets returns why the workbook is refused when two of its sheets
// point at the same sheet part, or it has more than maxSheets; or "".
func (cp *checkedPackage) sharedSheets() string {
	e := cp.entry(cp.workbook)
	if e == nil || e.f.UncompressedSize64 > maxPartBytes {
		return ""
	}
	rc, err := e.f.Open()
	if err != nil {
		return ""
	}
	defer rc.Close()
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if xml.NewDecoder(io.LimitReader(rc, maxPartBytes)).Decode(&wb) != nil {
		return ""
	}
	if len(wb.Sheets) > maxSheets {
		return fmt.Sprintf(reasonManySheets, len(wb.Sheets), maxSheets)
	}
	dir := path.Dir(cp.workbook)
	targets := map[string]string{}
	for _, r := range cp.rels(path.Join(dir, "_rels", path.Base(cp.workbook)+".rels")) {
		if r.Mode != "External" {
			targets[r.ID] = strings.ToLower(resolve(dir, r.Target))
		}
	}
	owner := map[string]string{} // part -> sheet name
	for _, s := range wb.Sheets {
		t, ok := targets[s.RID]
		if !ok {
			continue
		}
		if first, dup := owner[t]; dup {
			return fmt.Sprintf(reasonSharedSheet, first, s.Name)
		}
		owner[t] = s.Name
	}
	return ""
}

// zip writes the package with its normalised names and rewritten parts,
// uncompressed: it is read once, from memory.
func (cp *checkedPackage) zip() ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range cp.entries {
		if e.f.FileInfo().IsDir() {
			continue
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: e.name, Method: zip.Store})
		if err != nil {
			return nil, err
		}
		if e.data != nil {
			_, err = w.Write(e.data)
		} else {
			err = copyEntry(w, e.f)
		}
		if err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// copyEntry copies an entry's content, no more than the unzipped limit.
func copyEntry(w io.Writer, f *zip.File) error {
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	_, err = io.Copy(w, io.LimitReader(rc, maxUnzipBytes))
	return err
}
