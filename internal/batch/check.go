package batch

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/annexgen/annexgen/checklist"
	"github.com/annexgen/annexgen/checklist/xlsx"
)

// CheckInput refuses, without opening it, a path that is not a regular
// file with contents: a named pipe or a device, which could block the
// reader forever, or an empty file (which is also how the kernel's /proc
// files look). A missing file passes: the reader says so. The error is an
// *xlsx.FileError.
func CheckInput(path string) error {
	info, err := os.Stat(path)
	if err != nil || info.IsDir() {
		return nil // the reader describes these
	}
	var reason string
	switch mode := info.Mode(); {
	case mode&fs.ModeNamedPipe != 0:
		reason = "名前付きパイプ（FIFO）です。"
	case mode&fs.ModeSocket != 0:
		reason = "ソケットです。"
	case mode&fs.ModeDevice != 0:
		reason = "デバイスファイルです。"
	case !mode.IsRegular():
		reason = "通常のファイルではありません。"
	case info.Size() == 0:
		return &xlsx.FileError{File: path, Reason: "ファイルが空です（0 バイト）。確認表の .xlsx ファイルを指定してください。"}
	default:
		return nil
	}
	return &xlsx.FileError{File: path, Reason: reason + "読み込まずに飛ばしました。確認表の .xlsx ファイルを指定してください。"}
}

// noStem is the reason an input named only by its extension (".xlsx")
// is refused: its outputs would be named ".annex.md", hidden, or beside
// the output folder.
func noStem(path string) error {
	return &xlsx.FileError{File: path, Reason: "ファイル名が拡張子だけです。「確認表.xlsx」のように名前を付けてください。"}
}

// hasStem reports whether the input's name has something before its extension.
func hasStem(in Input) bool {
	return stem(filepath.Base(in.Rel)) != ""
}

// Unreadable is the finding of a file that is not a readable workbook:
// one error, which says why.
func Unreadable(err error) checklist.Finding {
	msg := err.Error()
	var fe *xlsx.FileError
	if errors.As(err, &fe) {
		msg = fe.Reason
	}
	return checklist.NewFinding(checklist.MsgFileUnreadable, checklist.Cell{}, nil, msg)
}
