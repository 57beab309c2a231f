package outfile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
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
