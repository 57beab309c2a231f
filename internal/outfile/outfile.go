// Package outfile writes a group of output files all or nothing: each file
// goes to a temporary file in its folder first and is renamed into place, an
// existing file is replaced only when asked, and when one file of the group
// cannot be written the files already written for the group are removed.
package outfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// File is one output: its path and its complete contents.
type File struct {
	Path string
	Data []byte
}

// ExistsError reports an output that exists already and may not be replaced.
type ExistsError struct {
	Path string
}

func (e *ExistsError) Error() string {
	return fmt.Sprintf("%s: 出力ファイルが既にあります。上書きするには --force を付けてください", e.Path)
}

// WriteError reports an output that could not be written.
type WriteError struct {
	Path string
	Err  error
}

func (e *WriteError) Error() string {
	return fmt.Sprintf("%s: 出力ファイルを書き込めません（%s）", e.Path, describe(e.Err))
}

func (e *WriteError) Unwrap() error { return e.Err }

func describe(err error) string {
	switch {
	case errors.Is(err, fs.ErrPermission):
		return "書き込む権限がありません"
	case errors.Is(err, fs.ErrNotExist):
		return "フォルダがありません"
	case errors.Is(err, syscall.ENOTDIR):
		return "出力先の途中にフォルダではなくファイルがあります"
	case errors.Is(err, syscall.EISDIR):
		return "同じ名前のフォルダがあります"
	case errors.Is(err, syscall.ENOSPC):
		return "ディスクの空き容量が足りません"
	case errors.Is(err, syscall.EROFS):
		return "読み取り専用の場所です"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err.Error()
	}
	return err.Error()
}

// Commit writes files. Unless force is set, it first checks that none of
// them exists and refuses to replace any (an *ExistsError), so that nothing
// is written at all. Folders are created as needed. When a file cannot be
// written, the files of this call written before it are removed and the
// error is a *WriteError. A reader never sees a half-written file.
func Commit(files []File, force bool) error {
	if !force {
		for _, f := range files {
			if _, err := os.Lstat(f.Path); err == nil {
				return &ExistsError{Path: f.Path}
			}
		}
	}
	var written []string
	for _, f := range files {
		if err := write(f, force); err != nil {
			for _, p := range written {
				os.Remove(p)
			}
			return err
		}
		written = append(written, f.Path)
	}
	return nil
}

// write puts one file in place through a temporary file in the same folder.
func write(f File, force bool) error {
	dir := filepath.Dir(f.Path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return &WriteError{Path: f.Path, Err: err}
	}
	tmp, err := os.CreateTemp(dir, ".annexgen-*.tmp")
	if err != nil {
		return &WriteError{Path: f.Path, Err: err}
	}
	name := tmp.Name()
	defer os.Remove(name) // a no-op once the file is renamed or linked away
	if _, err := tmp.Write(f.Data); err != nil {
		tmp.Close()
		return &WriteError{Path: f.Path, Err: err}
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return &WriteError{Path: f.Path, Err: err}
	}
	if err := tmp.Close(); err != nil {
		return &WriteError{Path: f.Path, Err: err}
	}
	if force {
		if err := os.Rename(name, f.Path); err != nil {
			return &WriteError{Path: f.Path, Err: err}
		}
		return nil
	}
	// A hard link fails when the target exists, which closes the window
	// between the check in Commit and this write.
	err = os.Link(name, f.Path)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, fs.ErrExist):
		return &ExistsError{Path: f.Path}
	}
	// The file system cannot link (FAT, some network shares): check, then rename.
	if _, statErr := os.Lstat(f.Path); statErr == nil {
		return &ExistsError{Path: f.Path}
	}
	if err := os.Rename(name, f.Path); err != nil {
		return &WriteError{Path: f.Path, Err: err}
	}
	return nil
}
