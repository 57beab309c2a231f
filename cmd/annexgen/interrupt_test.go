package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestInterrupt runs the real binary over a folder of workbooks, presses
// Ctrl-C once the first documents are written, and checks that the run
// stops with a summary and leaves only complete files behind.
func TestInterrupt(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "annexgen")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	in := filepath.Join(dir, "in")
	src, err := os.ReadFile(sample("hospital.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(in, 0o755)
	const n = 400
	for i := 0; i < n; i++ {
		os.WriteFile(filepath.Join(in, strings.Repeat("x", 1+i%7)+string(rune('a'+i%26))+string(rune('a'+i/26))+".xlsx"), src, 0o644)
	}
	out := filepath.Join(dir, "out")
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(bin, "render", "--to", "md", "-j", "1", "-o", out, in)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		entries, _ := os.ReadDir(out)
		if len(entries) > 0 || time.Now().After(deadline) {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	cmd.Process.Signal(syscall.SIGINT)
	err = cmd.Wait()
	ee, ok := err.(*exec.ExitError)
	if !ok || ee.ExitCode() != 130 {
		t.Fatalf("exit %v, want status 130\nstderr: %s", err, stderr.String())
	}
	if !strings.Contains(stderr.String(), "中断しました") {
		t.Errorf("no summary of the interruption: %q", stderr.String())
	}
	entries, _ := os.ReadDir(out)
	if len(entries) == 0 || len(entries) >= n {
		t.Errorf("%d outputs, want some but not all %d", len(entries), n)
	}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".sla.md") {
			t.Errorf("unexpected file %s (a temporary file left behind?)", e.Name())
		}
		b, _ := os.ReadFile(filepath.Join(out, e.Name()))
		if !bytes.Contains(b, []byte("記名押印")) {
			t.Errorf("%s is incomplete", e.Name())
		}
	}
	if got := strings.Count(stdout.String(), "\n"); got != len(entries) {
		t.Errorf("the summary lists %d outputs, the folder holds %d", got, len(entries))
	}
}
