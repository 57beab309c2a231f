// Package xlsx reads a filled-in checklist workbook (.xlsx) into a
// checklist.Checklist and validates it. Sheets and header columns are
// found by name, in any order; a file that is not a readable workbook
// gives a *FileError, anything wrong inside it a checklist.Finding with
// its sheet and cell.
//
// The reader keeps a layout of where each column was found and hands it
// to checklist.Validate as a checklist.Locator, so that the rules, which
// speak of items and fields, report cells ("Part2!G14").
package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"github.com/annexgen/annexgen/checklist"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/xuri/excelize/v2"
)

// headerSearchRows is how far down a sheet its header row is looked for.
const headerSearchRows = 30

// Load reads and validates the workbook at path. err != nil only when the
// file is not a readable workbook at all; it is then a *FileError.
// Findings are in workbook order (sheet, row, column).
//
// Hidden rows and hidden sheets are read like visible ones: they are part
// of the agreement, and an info finding says they were read. A workbook
// beyond the bounds of a real checklist (5,000 rows, about a million
// cells or 4 MB of text in all, 32,767 characters in a cell, 10,000 zip
// parts, 128 MB unzipped) gives a finding or a *FileError, never an
// exhausted machine.
func Load(path string, opt checklist.Options) (*checklist.Checklist, checklist.Findings, error) {
	// Looked at before opening: opening a named pipe would block.
	if st, err := os.Stat(path); err == nil && !st.IsDir() && !st.Mode().IsRegular() {
		return nil, nil, fileError(path, reasonNotRegular, nil)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fileError(path, osReason(err), err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, nil, fileError(path, osReason(err), err)
	}
	if st.IsDir() && strings.EqualFold(filepath.Ext(path), ".numbers") {
		return nil, nil, fileError(path, reasonNumbers, nil) // a Numbers document saved as a package
	}
	if st.IsDir() {
		return nil, nil, fileError(path, reasonDirectory, nil)
	}
	if !st.Mode().IsRegular() {
		return nil, nil, fileError(path, reasonNotRegular, nil)
	}
	return readWorkbook(path, f, st.Size(), opt)
}

// Read is Load for a workbook held in memory or in an uploaded file
// (bytes.Reader, multipart.File) of the given size; name is used in
// messages. Nothing is written to disk.
func Read(r io.ReaderAt, size int64, name string, opt checklist.Options) (*checklist.Checklist, checklist.Findings, error) {
	return readWorkbook(name, r, size, opt)
}

// liveTemp holds the temporary folders of the workbooks being read.
var liveTemp sync.Map

// RemoveTemp removes the temporary folders of the workbooks being read,
// for a program that must exit at once (on a signal) without leaving
// excelize's files behind. Reading those workbooks then fails.
func RemoveTemp() {
	liveTemp.Range(func(k, _ any) bool {
		os.RemoveAll(k.(string))
		return true
	})
}

// openReader opens a package with excelize (a test makes it fail).
var openReader = excelize.OpenReader

// readWorkbook checks what the file is, opens it with excelize and reads
// it. A panic inside excelize makes the file unreadable, never a crash.
func readWorkbook(name string, ra io.ReaderAt, size int64, opt checklist.Options) (c *checklist.Checklist, fs checklist.Findings, err error) {
	defer func() {
		if p := recover(); p != nil {
			c, fs, err = nil, nil, fileError(name, reasonBroken, &panicError{p, debug.Stack()})
		}
	}()
	reason, encrypted, pkg := sniffPackage(ra, size, opt)
	if reason != "" {
		var err error
		switch reason {
		case reasonPassword:
			err = ErrPasswordMissing
		case reasonBadPassword:
			err = ErrPasswordWrong
		}
		return nil, nil, fileError(name, reason, err)
	}
	src := io.NewSectionReader(ra, 0, size)
	if pkg != nil {
		src = io.NewSectionReader(bytes.NewReader(pkg), 0, int64(len(pkg)))
	}
	tmp, err := os.MkdirTemp("", "annexgen-")
	if err != nil {
		return nil, nil, fileError(name, reasonUnreadable, err)
	}
	liveTemp.Store(tmp, true)
	defer func() {
		os.RemoveAll(tmp)
		liveTemp.Delete(tmp)
	}()
	x, err := openReader(src, excelizeOptions(opt, tmp))
	if err != nil {
		if x != nil {
			x.Close()
		}
		reason := openReason(err, encrypted)
		if reason == reasonBadPassword {
			err = fmt.Errorf("%w: %w", ErrPasswordWrong, err)
		}
		return nil, nil, fileError(name, reason, err)
	}
	defer x.Close()
	r := newBookReader(x)
	r.deadline = time.Now().Add(maxReadTime)
	c, err = r.read()
	if err != nil {
		var fe *FileError
		if !errors.As(err, &fe) {
			fe = fileError(name, reasonBroken, err)
		}
		fe.File = name
		return nil, nil, fe
	}
	fs = mergeFindings(r.findings, checklist.Validate(c, opt, locator{&r.layout, &c.Info}))
	orderFindings(fs, r.sheetIndex)
	return c, fs, nil
}

// mergeFindings adds the validator's findings to the reader's, leaving out
// those about a cell the reader already found an error in: a value that
// could not be read is reported once.
func mergeFindings(read, valid checklist.Findings) checklist.Findings {
	bad := map[[2]string]bool{}
	for _, f := range read {
		if f.Severity == checklist.SeverityError && f.Cell != "" {
			bad[[2]string{f.Sheet, f.Cell}] = true
		}
	}
	out := append(checklist.Findings(nil), read...)
	for _, f := range valid {
		if f.Cell != "" && bad[[2]string{f.Sheet, f.Cell}] {
			continue
		}
		out = append(out, f)
	}
	return out
}

// bookReader reads one workbook into a Checklist.
type bookReader struct {
	x          *excelize.File
	date1904   bool
	dateStyles map[int]bool // style id: shows a date
	findings   checklist.Findings
	layout     layout
	sheets     []string // as written, in workbook order
	infoSheet  bool     // the 基本情報 sheet exists
	// What is left of the bounds on rows, cells and bytes of text.
	rowsLeft, cellsLeft, textLeft int
	deadline                      time.Time // past it, the file is given up (zero: none)
}

func newBookReader(x *excelize.File) *bookReader {
	return &bookReader{
		x:          x,
		dateStyles: map[int]bool{},
		layout:     layout{parts: map[string]*partLayout{}, unread: map[string]bool{}, levelItems: -1},
		rowsLeft:   maxBookRows,
		cellsLeft:  maxBookCells,
		textLeft:   maxBookText,
	}
}

// sheetIndex gives the position of a sheet in the workbook, -1 for a sheet
// it lacks (a missing 基本情報 is reported first).
func (b *bookReader) sheetIndex(name string) int {
	for i, s := range b.sheets {
		if s == name {
			return i
		}
	}
	return -1
}

// where locates a finding of the reader.
type where struct {
	sheet string
	ref   string
	item  *checklist.Item // nil when the finding is not about one item
}

func (b *bookReader) add(m checklist.Message, at where, args ...any) {
	b.findings = append(b.findings, checklist.NewFinding(m, checklist.Cell{Sheet: at.sheet, Ref: at.ref}, at.item, args...))
}

// The kinds of sheet, by their normalised names.
var sheetKinds = map[string]string{
	foldKey(checklist.SheetInfo):   checklist.SheetInfo,
	foldKey(checklist.SheetPart1):  checklist.SheetPart1,
	foldKey(checklist.SheetPart2):  checklist.SheetPart2,
	foldKey(checklist.SheetLevels): checklist.SheetLevels,
}

func (b *bookReader) read() (*checklist.Checklist, error) {
	if props, err := b.x.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		b.date1904 = *props.Date1904
	}
	b.sheets = b.x.GetSheetList()
	found := b.classify()
	c := &checklist.Checklist{}
	c.Info.Hospital.Key = checklist.HospitalKey
	c.Info.DocKind = "契約書別紙"
	if name := found[checklist.SheetInfo]; name != "" {
		g, err := b.grid(name)
		if err != nil {
			return nil, err
		}
		b.infoSheet = true
		if g != nil {
			b.readInfo(g, &c.Info)
		}
	} else {
		b.add(checklist.MsgHeaderMissingInfo, where{sheet: checklist.SheetInfo})
	}
	b.missingParts(found)
	for _, kind := range []string{checklist.SheetPart1, checklist.SheetPart2} {
		name := found[kind]
		if name == "" {
			continue
		}
		g, err := b.grid(name)
		if err != nil {
			return nil, err
		}
		if g == nil {
			b.layout.unread[kind] = true
			continue
		}
		if p, ok := b.readPart(g, kind, &c.Info); ok {
			c.Parts = append(c.Parts, p)
		}
	}
	if name := found[checklist.SheetLevels]; name != "" {
		g, err := b.grid(name)
		if err != nil {
			return nil, err
		}
		if g != nil {
			c.Levels = b.readLevels(g, c.Parts)
		}
	}
	return c, nil
}

// findHeader returns the first row within headerSearchRows whose cells
// include every name, compared by bareKey; 0 if there is none.
func findHeader(g *grid, names ...string) int {
	for r := 1; r <= min(len(g.rows), headerSearchRows); r++ {
		have := map[string]bool{}
		for _, v := range g.rows[r-1] {
			have[bareKey(v)] = true
		}
		all := true
		for _, n := range names {
			all = all && have[n]
		}
		if all {
			return r
		}
	}
	return 0
}

var (
	reVendorLabel  = regexp.MustCompile(`^事業者([A-Z]{1,2})$`)
	reContactLabel = regexp.MustCompile(`^事業者([A-Z]{1,2})(担当者|所在地|代表者)$`)
)

// readInfo reads 基本情報: labels in column A, values in column B.
func (b *bookReader) readInfo(g *grid, info *checklist.Info) {
	seen := map[string]int{} // label key -> row
	type contact struct {
		key, field, label, value string
		row                      int
	}
	var contacts []contact
	var docKind string
	docRow := 0
	for r := 1; r <= len(g.rows); r++ {
		label := b.text(g, r, 0, nil)
		key := bareKey(label)
		if key == "" {
			continue
		}
		if first, dup := seen[key]; dup {
			b.add(checklist.MsgBasicDuplicate, where{sheet: g.name, ref: cellRef(r, 0)}, label, first, r, first)
			continue
		}
		seen[key] = r
		switch key {
		case "医療機関名":
			info.Hospital.Name = b.text(g, r, 1, nil)
			info.Hospital.Cell = checklist.Cell{Sheet: g.name, Ref: cellRef(r, 1)}
		case "対象システム":
			info.System = b.text(g, r, 1, nil)
		case "文書種別":
			docKind, docRow = b.text(g, r, 1, nil), r
		case "契約名":
			info.Contract = b.text(g, r, 1, nil)
		case "初回確認日":
			info.FirstDate = b.date(g, r, 1, "初回確認日", nil)
		case "作成日":
			info.Created = b.date(g, r, 1, "作成日", nil)
		case "版数":
			info.Version = b.text(g, r, 1, nil)
		case "医療機関担当者":
			info.Hospital.Contact = b.text(g, r, 1, nil)
		default:
			if b.readSigning(g, r, key, info) {
				continue
			}
			if m := reVendorLabel.FindStringSubmatch(key); m != nil {
				info.Vendors = append(info.Vendors, checklist.Party{Key: m[1], Name: b.text(g, r, 1, nil), Cell: checklist.Cell{Sheet: g.name, Ref: cellRef(r, 1)}})
			} else if m := reContactLabel.FindStringSubmatch(key); m != nil {
				contacts = append(contacts, contact{m[1], m[2], label, b.text(g, r, 1, nil), r})
			}
		}
	}
	for _, ct := range contacts {
		found := false
		for i := range info.Vendors {
			if info.Vendors[i].Key == ct.key {
				setPartyDetail(&info.Vendors[i], ct.field, ct.value)
				found = true
			}
		}
		if !found {
			b.add(checklist.MsgVendorUnknownContact, where{sheet: g.name, ref: cellRef(ct.row, 0)}, ct.label, ct.key, ct.key)
		}
	}
	b.checkInfo(g, info, seen, docKind, docRow)
	b.checkSigningDates(g, info, seen)
}

// checkInfo reports the required 基本情報 values that are missing and
// reads 文書種別 (row docRow, 0 when absent); seen gives the row of each
// label read.
func (b *bookReader) checkInfo(g *grid, info *checklist.Info, seen map[string]int, docKind string, docRow int) {
	at := func(row int) where { return where{sheet: g.name, ref: cellRef(row, 1)} }
	for _, req := range []struct{ label, what, value string }{
		{"医療機関名", "医療機関の名称", info.Hospital.Name},
		{"対象システム", "対象システムの名称", info.System},
	} {
		row, ok := seen[req.label]
		switch {
		case !ok:
			b.add(checklist.MsgBasicMissingLabel, where{sheet: g.name}, req.label, req.label)
		case req.value == "":
			b.add(checklist.MsgBasicMissingValue, at(row), req.label, req.what)
		}
	}
	if len(info.Vendors) == 0 {
		b.add(checklist.MsgBasicMissingVendor, where{sheet: g.name})
	}
	for _, v := range info.Vendors {
		if v.Name == "" {
			row, _ := seen["事業者"+v.Key]
			b.add(checklist.MsgBasicMissingValue, at(row), "事業者"+v.Key, "事業者の名称")
		}
	}
	switch foldKey(docKind) {
	case "", foldKey("契約書別紙"):
	case "SLA":
		info.DocKind = "SLA"
	case foldKey("覚書"):
		info.DocKind = "覚書"
	default:
		b.add(checklist.MsgBasicInvalid, at(docRow), checklist.Quote(docKind))
	}
	if info.FirstDate.IsZero() {
		if row, ok := seen["初回確認日"]; !ok {
			b.add(checklist.MsgFirstDateMissing, where{sheet: g.name})
		} else if g.raw(row, 1) == "" {
			b.add(checklist.MsgFirstDateMissingValue, at(row))
		}
	}
}
