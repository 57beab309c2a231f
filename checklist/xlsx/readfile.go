package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"github.com/annexgen/annexgen/checklist"
	"io"
	"io/fs"
	"strings"
	"syscall"
	"time"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
)

// Limits that keep a hostile or broken file from exhausting memory. A
// filled-in checklist is well under 1 MB.
const (
	maxFileBytes     = 64 << 20        // the file itself
	maxUnzipBytes    = 128 << 20       // all parts, unzipped
	maxUnzipXMLBytes = 16 << 20        // a worksheet or the shared strings above this would be spilled to a temporary file
	maxReadTime      = 8 * time.Second // reading one workbook, the documents' time aside
)

// FileError says why a file is not a readable workbook at all.
type FileError struct {
	File   string // the file's path or name
	Reason string // in Japanese, for the user
	Err    error  // the underlying error, if any
}

// Error returns "FILE: Reason".
func (e *FileError) Error() string { return e.File + ": " + e.Reason }

// Unwrap returns the underlying error.
func (e *FileError) Unwrap() error { return e.Err }

// The reasons a file is not read. Each says what the file is and what to do.
const (
	reasonEmpty       = "ファイルが空です（0 バイト）。確認表の .xlsx ファイルを指定してください。"
	reasonTooLarge    = "ファイルが大きすぎます（64 MB 超）。確認表の .xlsx ファイルか確かめてください。"
	reasonUnzipLarge  = "ファイルの中身を展開すると大きすぎます（128 MB 超）。確認表ではないか、壊れたファイルです。Excel で開けるか確かめ、保存し直してください。"
	reasonManyParts   = "ファイルの中の部品（シートや画像など）が多すぎます（1万個超）。確認表ではないか、壊れたファイルです。Excel で開けるか確かめ、保存し直してください。"
	reasonWord        = "Word 文書（.docx）です。確認表の .xlsx ファイルを指定してください。"
	reasonBadText     = "セルの文字のデータが壊れているため読み込めません（文字コードが正しくないか、使えない制御文字があります）。Excel で開けるか確かめ、保存し直してください。"
	reasonLoop        = "リンク（シンボリックリンク）が循環していて、ファイルにたどり着けません。リンクではなくファイルそのものを指定してください。"
	reasonXLS         = "古い Excel 形式（.xls）のファイルです。Excel で開き、「Excel ブック (*.xlsx)」の形式で保存し直してください。"
	reasonXLSB        = "Excel バイナリブック（.xlsb）です。Excel で開き、「Excel ブック (*.xlsx)」の形式で保存し直してください。"
	reasonODS         = "OpenDocument 形式（.ods）のファイルです。「Excel 2007-365 (.xlsx)」の形式で保存し直してください。"
	reasonPassword    = "パスワードで保護されています。パスワードを指定するか、保護を解除して保存し直してください。"
	reasonBadPassword = "パスワードが違います。正しいパスワードを指定してください。"
	reasonNotXLSX     = "Excel ブック（.xlsx）ではありません。確認表の .xlsx ファイルを指定してください。"
	reasonBroken      = "ファイルが壊れているため読み込めません。Excel で開けるか確かめ、保存し直してください。"
	reasonBrokenSheet = "シート「%s」が壊れているため読み込めません。Excel で開けるか確かめ、保存し直してください。"
	reasonNotFound    = "ファイルが見つかりません。ファイル名と場所を確かめてください。"
	reasonDenied      = "ファイルを開く権限がありません。"
	reasonDirectory   = "フォルダーです。確認表の .xlsx ファイルを指定してください。"
	reasonUnreadable  = "ファイルを読み込めません。"
	reasonNotRegular  = "通常のファイルではありません（名前付きパイプやデバイスなど）。確認表の .xlsx ファイルを指定してください。"
	reasonTooSlow     = "ファイルの読み込みに時間がかかりすぎるため（%d秒超）、読み込みを打ち切りました。確認表の行だけを残し、不要な行や列・シートを削除してください。"
)

var (
	oleSignature = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	zipSignature = []byte("PK")
	// encryptedPackage is the stream name an encrypted OOXML file keeps
	// inside its OLE container, as stored there (UTF-16LE).
	encryptedPackage = utf16LE("EncryptedPackage")
)

func utf16LE(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

// osReason translates an error from opening or reading a file.
func osReason(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return reasonNotFound
	case errors.Is(err, fs.ErrPermission):
		return reasonDenied
	case errors.Is(err, syscall.ELOOP):
		return reasonLoop
	}
	return reasonUnreadable
}

// sniff looks at the raw bytes before excelize does, to tell the common
// non-workbooks apart. It returns "" when the file may be an .xlsx, and
// whether it is an encrypted OLE container.
func sniff(ra io.ReaderAt, size int64, opt checklist.Options) (reason string, encrypted bool) {
	reason, encrypted, _ = sniffPackage(ra, size, opt)
	return reason, encrypted
}

// sniffPackage is sniff that also checks a zip package (checkPackage) and
// returns the package to open instead of the file when it had to be
// rewritten (nil: the file as it is).
func sniffPackage(ra io.ReaderAt, size int64, opt checklist.Options) (reason string, encrypted bool, pkg []byte) {
	if size == 0 {
		return reasonEmpty, false, nil
	}
	if size > maxFileBytes {
		return reasonTooLarge, false, nil
	}
	head := make([]byte, 8)
	n, _ := ra.ReadAt(head, 0)
	head = head[:n]
	switch {
	case bytes.Equal(head, oleSignature):
		all := make([]byte, size)
		if _, err := ra.ReadAt(all, 0); err != nil && err != io.EOF {
			return reasonBroken, false, nil
		}
		if !bytes.Contains(all, encryptedPackage) {
			return oleReason(all), false, nil
		}
		if opt.Password == "" {
			return reasonPassword, true, nil
		}
		// Decrypted here, so that the package inside is checked like any other.
		dec, err := excelize.Decrypt(all, &excelize.Options{Password: opt.Password})
		if err != nil || !bytes.HasPrefix(dec, zipSignature) {
			return reasonBadPassword, true, nil
		}
		reason, _, pkg := sniffPackage(bytes.NewReader(dec), int64(len(dec)), opt)
		if pkg == nil {
			pkg = dec
		}
		return reason, true, pkg
	case bytes.HasPrefix(head, zipSignature):
		if zipEntries(ra, size) > maxZipEntries {
			return reasonManyParts, false, nil
		}
		zr, err := zip.NewReader(ra, size)
		if err != nil {
			return reasonBroken, false, nil
		}
		var unzipped uint64
		for _, f := range zr.File {
			unzipped += f.UncompressedSize64
		}
		if unzipped > maxUnzipBytes {
			return reasonUnzipLarge, false, nil
		}
		pkg, reason, err := checkPackage(zr)
		switch {
		case err != nil:
			return reasonBroken, false, nil
		case reason != "":
			return reason, false, nil
		case pkg != nil:
			return "", false, pkg
		}
		return zipReason(zr), false, nil
	}
	return headReason(ra, size), false, nil
}

// maxZipEntries bounds the parts of a workbook: a checklist has dozens.
const maxZipEntries = 10000

// zipEntries counts the entries of a zip's central directory the way
// archive/zip reads them (one header after the other from the offset in
// the end record), stopping past maxZipEntries, so that a zip of a
// million empty entries is refused before it is read. It returns 0 when
// it cannot tell, and leaves the verdict to archive/zip.
func zipEntries(ra io.ReaderAt, size int64) int {
	const endLen, headerLen = 22, 46
	tail := make([]byte, min(size, 64<<10+endLen))
	if _, err := ra.ReadAt(tail, size-int64(len(tail))); err != nil && err != io.EOF {
		return 0
	}
	end := bytes.LastIndex(tail, []byte("PK\x05\x06"))
	if end < 0 || len(tail)-end < endLen {
		return 0
	}
	offset := int64(binary.LittleEndian.Uint32(tail[end+16:]))
	if offset == 0xFFFFFFFF && end >= 20 && bytes.Equal(tail[end-20:end-16], []byte("PK\x06\x07")) {
		// Zip64: the locator points at the zip64 end record, which holds the offset.
		rec := make([]byte, 56)
		if _, err := ra.ReadAt(rec, int64(binary.LittleEndian.Uint64(tail[end-12:]))); err != nil ||
			!bytes.Equal(rec[:4], []byte("PK\x06\x06")) {
			return 0
		}
		offset = int64(binary.LittleEndian.Uint64(rec[48:]))
	}
	header := make([]byte, headerLen)
	n := 0
	for ; n <= maxZipEntries; n++ {
		if offset < 0 || offset > size-headerLen {
			break
		}
		if _, err := ra.ReadAt(header, offset); err != nil || !bytes.Equal(header[:4], []byte("PK\x01\x02")) {
			break
		}
		offset += headerLen + int64(binary.LittleEndian.Uint16(header[28:])) +
			int64(binary.LittleEndian.Uint16(header[30:])) + int64(binary.LittleEndian.Uint16(header[32:]))
	}
	return n
}

// zipReason tells an .xlsx from other zip files (.ods, .docx, …).
func zipReason(zr *zip.Reader) string {
	hasWorkbook, binary, word := false, false, false
	for _, f := range zr.File {
		name := strings.ToLower(strings.ReplaceAll(f.Name, "\\", "/"))
		switch {
		case name == "word/document.xml":
			word = true
		case name == "xl/workbook.bin":
			binary = true
		case name == "mimetype":
			if f.UncompressedSize64 > 200 {
				continue
			}
			rc, err := f.Open()
			if err != nil {
				continue
			}
			b, _ := io.ReadAll(io.LimitReader(rc, 200))
			rc.Close()
			if strings.Contains(string(b), "opendocument.spreadsheet") {
				return reasonODS
			}
		case strings.HasPrefix(name, "index/") && strings.HasSuffix(name, ".iwa"),
			name == "index.xml" || name == "index.xml.gz":
			return reasonNumbers
		case name == "_rels/.rels":
			if hasOfficeDocument(zr) {
				hasWorkbook = true
			}
		case strings.HasPrefix(name, "xl/") && strings.HasSuffix(name, "workbook.xml"),
			strings.HasPrefix(name, "xl/") && strings.HasSuffix(name, "workbook2.xml"):
			hasWorkbook = true
		}
	}
	switch {
	case hasWorkbook:
	case binary:
		return reasonXLSB
	case word:
		return reasonWord
	default:
		return reasonNotXLSX
	}
	return ""
}

// openReason translates an error of excelize.OpenReader or OpenFile.
func openReason(err error, encrypted bool) string {
	switch {
	case errors.Is(err, excelize.ErrWorkbookPassword):
		return reasonBadPassword
	case encrypted:
		// A wrong password can also decrypt to garbage that is not a zip.
		return reasonBadPassword
	case errors.Is(err, excelize.ErrWorkbookFileFormat):
		return reasonXLS
	case strings.Contains(err.Error(), "unzip size exceeds"):
		return reasonUnzipLarge
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return osReason(err)
	}
	return reasonBroken
}

// excelizeOptions are the options every workbook is opened with; tmp is
// the folder of excelize's temporary files, one the caller owns and removes.
func excelizeOptions(opt checklist.Options, tmp string) excelize.Options {
	return excelize.Options{
		Password:          opt.Password,
		UnzipSizeLimit:    maxUnzipBytes,
		UnzipXMLSizeLimit: maxUnzipXMLBytes,
		TmpDir:            tmp,
	}
}

// Errors that a *FileError wraps when a password is needed, so that
// callers can say how to give one.
var (
	ErrPasswordMissing = errors.New("xlsx: password missing")
	ErrPasswordWrong   = errors.New("xlsx: password wrong")
)

// fileError builds the error for a file that is not read.
func fileError(name, reason string, err error) *FileError {
	return &FileError{File: name, Reason: reason, Err: err}
}

// panicError records a panic while reading a file, with where it happened.
type panicError struct {
	value any
	stack []byte
}

func (e *panicError) Error() string { return fmt.Sprintf("panic: %v", e.value) }
