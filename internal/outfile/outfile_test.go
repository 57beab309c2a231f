package outfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestCommitWritesAll(t *testing.T) {
	dir := t.TempDir()
	files := []File{
		{Path: filepath.Join(dir, "a.md"), Data: []byte("A")},
		{Path: filepath.Join(dir, "sub", "b.pdf"), Data: []byte("B")},
	}
	if err := Commit(files, false); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		got, err := os.ReadFile(f.Path)
		if err != nil || string(got) != string(f.Data) {
			t.Errorf("%s = %q, %v; want %q", f.Path, got, err, f.Data)
		}
	}
	assertNoTemp(t, dir)
	assertNoTemp(t, filepath.Join(dir, "sub"))
}

func TestCommitRefusesOverwrite(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "b.md")
	os.WriteFile(old, []byte("old"), 0o644)
	files := []File{
		{Path: filepath.Join(dir, "a.md"), Data: []byte("A")},
		{Path: old, Data: []byte("new")},
	}
	err := Commit(files, false)
	var ee *ExistsError
	if !errors.As(err, &ee) || ee.Path != old {
		t.Fatalf("err = %v, want ExistsError for %s", err, old)
	}
	if _, err := os.Stat(files[0].Path); !os.IsNotExist(err) {
		t.Errorf("a.md was written although the group was refused")
	}
	if got, _ := os.ReadFile(old); string(got) != "old" {
		t.Errorf("existing file changed to %q", got)
	}
	if err := Commit(files, true); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(old); string(got) != "new" {
		t.Errorf("with force: %q, want new", got)
	}
}

func TestCommitRollsBack(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Log("running as root: using a path under a regular file to force a failure")
	}
	dir := t.TempDir()
	blocker := filepath.Join(dir, "blocker")
	os.WriteFile(blocker, nil, 0o644)
	files := []File{
		{Path: filepath.Join(dir, "a.md"), Data: []byte("A")},
		{Path: filepath.Join(blocker, "b.pdf"), Data: []byte("B")}, // parent is a file
	}
	err := Commit(files, false)
	var we *WriteError
	if !errors.As(err, &we) || we.Path != files[1].Path {
		t.Fatalf("err = %v, want WriteError for %s", err, files[1].Path)
	}
	if want := "出力先の途中にフォルダではなくファイルがあります"; !strings.Contains(err.Error(), want) {
		t.Errorf("message %q does not say %q", err, want)
	}
	if _, err := os.Stat(files[0].Path); !os.IsNotExist(err) {
		t.Errorf("a.md remains after a failed group")
	}
	assertNoTemp(t, dir)
}

func assertNoTemp(t *testing.T, dir string) {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(dir, ".annexgen-*"))
	if len(m) > 0 {
		t.Errorf("temporary files left: %v", m)
	}
}

// TestForceRestoresEarlierOutputs replaces two earlier outputs when the
// second cannot be put in place: both keep their earlier contents.
func TestForceRestoresEarlierOutputs(t *testing.T) {
	dir := t.TempDir()
	md, pdf := filepath.Join(dir, "a.md"), filepath.Join(dir, "a.pdf")
	os.WriteFile(md, []byte("old md"), 0o644)
	os.WriteFile(pdf, []byte("old pdf"), 0o644)
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	for _, p := range []place{
		failingRename{osPlace{}, pdf},
		failingRename{rootPlace{root}, "a.pdf"},
	} {
		files := []File{{Path: md, Data: []byte("new md")}, {Path: pdf, Data: []byte("new pdf")}}
		base := ""
		if _, ok := p.(failingRename).place.(rootPlace); ok {
			files[0].Path, files[1].Path, base = "a.md", "a.pdf", dir
		}
		err := commit(p, base, files, true)
		var we *WriteError
		if !errors.As(err, &we) || we.Path != pdf {
			t.Fatalf("err = %v, want a WriteError for %s", err, pdf)
		}
		for path, want := range map[string]string{md: "old md", pdf: "old pdf"} {
			if got, _ := os.ReadFile(path); string(got) != want {
				t.Errorf("%s = %q after a failed replacement, want %q", path, got, want)
			}
		}
		assertNoTemp(t, dir)
	}
}

// failingRename is a place where putting a new file at path fails.
type failingRename struct {
	place
	path string
}

func (f failingRename) rename(from, to string) error {
	if strings.HasSuffix(from, ".tmp") && to == f.path {
		return &os.LinkError{Op: "rename", Old: from, New: to, Err: os.ErrPermission}
	}
	return f.place.rename(from, to)
}

// TestForceRefusesFolder leaves a folder where an output should go as it is.
func TestForceRefusesFolder(t *testing.T) {
	dir := t.TempDir()
	md := filepath.Join(dir, "a.md")
	os.WriteFile(md, []byte("old"), 0o644)
	os.MkdirAll(filepath.Join(dir, "a.pdf", "inside"), 0o755)
	err := Commit([]File{{Path: md, Data: []byte("new")}, {Path: filepath.Join(dir, "a.pdf"), Data: []byte("pdf")}}, true)
	if err == nil || !strings.Contains(err.Error(), "同じ名前のフォルダがあります") {
		t.Fatalf("err = %v, want a refusal naming the folder", err)
	}
	if got, _ := os.ReadFile(md); string(got) != "old" {
		t.Errorf("a.md = %q, want it unchanged", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "a.pdf", "inside")); err != nil {
		t.Errorf("the folder was touched: %v", err)
	}
	assertNoTemp(t, dir)
}

// TestCommitInStaysInside refuses to write through a link inside the
// folder that leads out of it.
func TestCommitInStaysInside(t *testing.T) {
	dir, outside := t.TempDir(), t.TempDir()
	if err := os.Symlink(outside, filepath.Join(dir, "sub")); err != nil {
		t.Fatal(err)
	}
	err := CommitIn(dir, []File{{Path: filepath.Join("sub", "a.md"), Data: []byte("x")}}, false)
	if err == nil || !strings.Contains(err.Error(), "リンク") {
		t.Errorf("err = %v, want a refusal naming the link", err)
	}
	if entries, _ := os.ReadDir(outside); len(entries) != 0 {
		t.Errorf("written outside: %v", entries)
	}
	if err := CommitIn(dir, []File{{Path: "../a.md", Data: []byte("x")}}, false); err == nil {
		t.Error("a path leading out of the folder was accepted")
	}
}

func TestStopRefusesLaterCommits(t *testing.T) {
	defer func() { commits.stopped = false }()
	Stop()
	dir := t.TempDir()
	if err := Commit([]File{{Path: filepath.Join(dir, "a.md")}}, false); !errors.Is(err, ErrStopped) {
		t.Errorf("err = %v, want ErrStopped", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("written after Stop: %v", entries)
	}
}

// TestWriteErrorSaysWhy checks that a write error says in Japanese why the
// file could not be written, whatever layer the cause is wrapped in.
func TestWriteErrorSaysWhy(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want string
	}{
		{&fs.PathError{Op: "open", Path: "a", Err: syscall.EACCES}, "書き込む権限がありません"},
		{&fs.PathError{Op: "open", Path: "a", Err: syscall.ENOENT}, "フォルダがありません"},
		{&os.LinkError{Op: "rename", Old: "a", New: "b", Err: syscall.EISDIR}, "同じ名前のフォルダがあります"},
		{&fs.PathError{Op: "write", Path: "a", Err: syscall.ENOSPC}, "ディスクの空き容量が足りません"},
		{&fs.PathError{Op: "open", Path: "a", Err: syscall.EROFS}, "読み取り専用の場所です"},
		{&fs.PathError{Op: "open", Path: "a", Err: syscall.ENOTDIR}, "フォルダではなくファイルがあります"},
		{&fs.PathError{Op: "openat", Path: "a", Err: errors.New("path escapes from parent")}, "外を指すリンク"},
	} {
		msg := (&WriteError{Path: "out/a.pdf", Err: tc.err}).Error()
		if !strings.HasPrefix(msg, "out/a.pdf: ") || !strings.Contains(msg, tc.want) {
			t.Errorf("%v: %q, want the path and %q", tc.err, msg, tc.want)
		}
	}
}
