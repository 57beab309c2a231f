//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// within runs f and fails the test if it has not returned in a minute:
// for inputs that used to block forever.
func within(t *testing.T, what string, f func() result) result {
	t.Helper()
	done := make(chan result, 1)
	go func() { done <- f() }()
	select {
	case r := <-done:
		return r
	case <-time.After(time.Minute):
		t.Fatalf("%s still running after a minute", what)
	}
	return result{}
}

// TestNonRegularInputs gives a named pipe as the workbook and as the
// password file, and a device: each is refused at once in Japanese.
func TestNonRegularInputs(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.xlsx")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	out := filepath.Join(dir, "out")
	for _, args := range [][]string{
		{"validate", fifo},
		{"render", "-o", out, fifo},
		{"validate", os.DevNull},
	} {
		r := within(t, strings.Join(args, " "), func() result { return annexgen(t, nil, args...) })
		want := "名前付きパイプ（FIFO）です。"
		if args[1] == os.DevNull {
			want = "デバイスファイルです。"
		}
		if r.status != exitRejected || !strings.Contains(r.stdout+r.stderr, want) {
			t.Errorf("%q: status %d, want %d and %q\n%s%s", args, r.status, exitRejected, want, r.stdout, r.stderr)
		}
	}
	if files := listFiles(t, dir); len(files) != 1 {
		t.Errorf("files %v, want the pipe alone", files)
	}
	pw := filepath.Join(dir, "password.fifo")
	if err := syscall.Mkfifo(pw, 0o600); err != nil {
		t.Fatal(err)
	}
	r := within(t, "--password-file FIFO", func() result {
		return annexgen(t, nil, "validate", "--password-file", pw, sample("clinic.xlsx"))
	})
	if r.status != exitUsage || !strings.Contains(r.stderr, "パスワードファイルが通常のファイルではありません") {
		t.Errorf("--password-file FIFO: status %d\n%s", r.status, r.stderr)
	}
}
