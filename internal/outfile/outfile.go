// Package outfile writes a group of output files all or nothing: each file
// goes to a temporary file in its folder first and is renamed into place, an
// existing file is replaced only when asked, and when one file of the group
// cannot be put in place the group is undone: the new files are removed and
// the files they replaced are put back.
package outfile

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
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
	return fmt.Sprintf("%s: 出力ファイルが既にあります。置き換えるには --force を付けてください", e.Path)
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

// ErrStopped is returned by Commit after Stop.
var ErrStopped = errors.New("中断したため書き込みませんでした")

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
	case strings.Contains(err.Error(), "path escapes from parent"):
		return "出力先のフォルダの中に、外を指すリンク（シンボリックリンク）があります。リンクを通しては書き込みません"
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

// commits lets Stop wait for the groups being written and refuse new ones.
var commits struct {
	sync.RWMutex
	stopped bool
}

// Stop waits until every group being written is complete or undone, and
// makes later calls of Commit and CommitIn fail with ErrStopped: after it
// returns, no temporary file of this package is left and none is made.
// The program calls it before exiting on an interruption.
func Stop() {
	commits.Lock()
	commits.stopped = true
	commits.Unlock()
}

// Commit writes files, each at its path. Unless force is set, it first
// checks that none of them exists and refuses to replace any (an
// *ExistsError), so that nothing is written at all. Folders are created as
// needed. When a file cannot be written or put in place, the files of this
// call put in place before it are removed, the files they replaced are
// restored, and the error is a *WriteError. A reader never sees a
// half-written file.
func Commit(files []File, force bool) error {
	return commit(osPlace{}, "", files, force)
}

// CommitIn is Commit for files whose paths are relative to dir (which is
// created if needed), never written through a symbolic link inside dir
// that leads out of it. Errors name the files as filepath.Join(dir, path).
func CommitIn(dir string, files []File, force bool) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return &WriteError{Path: dir, Err: err}
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return &WriteError{Path: dir, Err: err}
	}
	defer root.Close()
	for _, f := range files {
		if !filepath.IsLocal(f.Path) {
			return &WriteError{Path: filepath.Join(dir, f.Path), Err: errors.New("出力先のフォルダの外です")}
		}
	}
	return commit(rootPlace{root}, dir, files, force)
}

// staged is one file of a group on its way into place.
type staged struct {
	File
	tmp    string // the complete new contents, beside Path
	backup string // the earlier file moved aside, or ""
	placed bool
}

func commit(p place, dir string, files []File, force bool) error {
	commits.RLock()
	defer commits.RUnlock()
	if commits.stopped {
		return ErrStopped
	}
	shown := func(name string) string { return filepath.Join(dir, name) }
	for _, f := range files {
		info, err := p.lstat(f.Path)
		switch {
		case err == nil && !force:
			return &ExistsError{Path: shown(f.Path)}
		case err == nil && info.IsDir():
			return &WriteError{Path: shown(f.Path), Err: syscall.EISDIR}
		}
	}
	group := make([]staged, len(files))
	defer func() {
		for _, s := range group {
			if s.tmp != "" {
				p.remove(s.tmp) // a no-op once renamed into place
			}
		}
	}()
	for i, f := range files {
		group[i].File = f
		tmp, err := writeTemp(p, f)
		if err != nil {
			return &WriteError{Path: shown(f.Path), Err: err}
		}
		group[i].tmp = tmp
	}
	for i := range group {
		if err := place1(p, &group[i], force); err != nil {
			undo(p, group)
			var ee *ExistsError
			if errors.As(err, &ee) {
				return &ExistsError{Path: shown(ee.Path)}
			}
			return &WriteError{Path: shown(group[i].Path), Err: err}
		}
	}
	for _, s := range group {
		if s.backup != "" {
			p.remove(s.backup)
		}
	}
	return nil
}

// writeTemp writes f's contents to a new temporary file beside f.Path and
// returns its name.
func writeTemp(p place, f File) (string, error) {
	if err := p.mkdirAll(filepath.Dir(f.Path)); err != nil {
		return "", err
	}
	name, tmp, err := create(p, filepath.Dir(f.Path), ".tmp")
	if err != nil {
		return "", err
	}
	_, err = tmp.Write(f.Data)
	if err == nil {
		err = tmp.Chmod(0o644)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		p.remove(name)
		return "", err
	}
	return name, nil
}

// create makes a new file of a random name ".annexgen-*"+ext in dir.
func create(p place, dir, ext string) (string, *os.File, error) {
	for range 100 {
		var b [8]byte
		rand.Read(b[:])
		name := filepath.Join(dir, ".annexgen-"+hex.EncodeToString(b[:])+ext)
		f, err := p.create(name)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return name, f, err
	}
	return "", nil, fs.ErrExist
}

// place1 puts one staged file in place. With force an earlier file is
// moved aside first, to be restored by undo or removed when the whole
// group is in place.
func place1(p place, s *staged, force bool) error {
	if force {
		if _, err := p.lstat(s.Path); err == nil {
			name, f, err := create(p, filepath.Dir(s.Path), ".old")
			if err != nil {
				return err
			}
			f.Close()
			if err := p.rename(s.Path, name); err != nil {
				p.remove(name)
				return err
			}
			s.backup = name
		}
		if err := p.rename(s.tmp, s.Path); err != nil {
			return err
		}
		s.placed = true
		return nil
	}
	// A hard link fails when the target exists, which closes the window
	// between the check in commit and this write.
	err := p.link(s.tmp, s.Path)
	switch {
	case err == nil:
		s.placed = true
		return nil
	case errors.Is(err, fs.ErrExist):
		return &ExistsError{Path: s.Path}
	}
	// The file system cannot link (FAT, some network shares): check, then rename.
	if _, err := p.lstat(s.Path); err == nil {
		return &ExistsError{Path: s.Path}
	}
	if err := p.rename(s.tmp, s.Path); err != nil {
		return err
	}
	s.placed = true
	return nil
}

// undo removes the files of group put in place and restores the ones they
// replaced.
func undo(p place, group []staged) {
	for _, s := range group {
		if s.placed {
			p.remove(s.Path)
		}
		if s.backup != "" {
			p.rename(s.backup, s.Path)
		}
	}
}
