package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// stuckName is the input that the test binary never finishes converting.
const stuckName = "stuck.xlsx"

var built struct {
	once sync.Once
	bin  string
	err  error
	out  []byte
}

// binary builds annexgen once for the tests that run it as a process,
// with stuckName as a file whose conversion never ends.
func binary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	built.once.Do(func() {
		dir, err := os.MkdirTemp("", "annexgen-test-")
		if err != nil {
			built.err = err
			return
		}
		built.bin = filepath.Join(dir, "annexgen")
		built.out, built.err = exec.Command("go", "build", "-ldflags", "-X main.stall="+stuckName, "-o", built.bin, ".").CombinedOutput()
	})
	if built.err != nil {
		t.Fatalf("build: %v\n%s", built.err, built.out)
	}
	return built.bin
}

func TestMain(m *testing.M) {
	code := m.Run()
	if built.bin != "" {
		os.RemoveAll(filepath.Dir(built.bin))
	}
	os.Exit(code)
}

// waitFor polls until cond holds, failing the test after a minute.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(time.Minute); !cond(); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("waited a minute for %s", what)
		}
	}
}

// exitStatus waits for cmd and returns its exit status; a process still
// running after a minute is killed and fails the test.
func exitStatus(t *testing.T, cmd *exec.Cmd) int {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if ee, ok := err.(*exec.ExitError); ok {
			return ee.ExitCode()
		}
		if err != nil {
			t.Fatal(err)
		}
		return 0
	case <-time.After(time.Minute):
		cmd.Process.Kill()
		<-done
		t.Fatal("the process did not end a minute after the signal")
	}
	return -1
}

// TestInterruptStuckValidate presses Ctrl-C while validate is stuck on a
// file: the process ends with status 130 all the same.
func TestInterruptStuckValidate(t *testing.T) {
	bin := binary(t)
	in := t.TempDir()
	os.WriteFile(filepath.Join(in, stuckName), []byte("never read"), 0o644)
	var stderr bytes.Buffer
	cmd := exec.Command(bin, "validate", in)
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(200 * time.Millisecond) // let it reach the file; a signal sent before ends it too
	cmd.Process.Signal(syscall.SIGINT)
	if status := exitStatus(t, cmd); status != exitStopped {
		t.Errorf("status %d, want %d\n%s", status, exitStopped, stderr.String())
	}
}

// TestValidateStopsWhenCancelled checks files no more once interrupted.
func TestValidateStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errOut bytes.Buffer
	status := run(&env{stdout: &out, stderr: &errOut, getenv: func(string) string { return "" }, ctx: ctx}, []string{"validate", sample("clinic.xlsx")})
	if status != exitStopped || !strings.Contains(errOut.String(), "中断しました。0件を確認し") {
		t.Errorf("status %d, stderr %q", status, errOut.String())
	}
}

// TestInterruptStuckFile presses Ctrl-C (and sends SIGTERM) while a file
// never finishes: the process still ends, with status 130, the finished
// file's outputs complete and nothing else in the output folder.
func TestInterruptStuckFile(t *testing.T) {
	bin := binary(t)
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		dir := t.TempDir()
		in := filepath.Join(dir, "in")
		copyFile(t, sample("clinic.xlsx"), in)
		os.WriteFile(filepath.Join(in, stuckName), []byte("never read"), 0o644)
		out := filepath.Join(dir, "out")
		var stdout, stderr bytes.Buffer
		cmd := exec.Command(bin, "render", "--to", "md", "-j", "1", "-o", out, in)
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// clinic.xlsx comes first; once its output is there the worker
		// has taken the stuck file.
		waitFor(t, "the first output", func() bool { _, err := os.Stat(filepath.Join(out, "clinic.annex.md")); return err == nil })
		cmd.Process.Signal(sig)
		if status := exitStatus(t, cmd); status != exitStopped {
			t.Errorf("%v: status %d, want %d\n%s", sig, status, exitStopped, stderr.String())
		}
		if files := listFiles(t, out); len(files) != 1 || files[0] != "clinic.annex.md" {
			t.Errorf("%v: the output folder holds %v, want clinic.annex.md alone", sig, files)
		}
		if !strings.Contains(stderr.String(), "中断しました。2件中1件を処理し") {
			t.Errorf("%v: stderr %q does not say what was done", sig, stderr.String())
		}
		if got := stdout.String(); got != filepath.Join(out, "clinic.annex.md")+"\n" {
			t.Errorf("%v: stdout %q, want the one file written", sig, got)
		}
	}
}

// TestInterrupt runs the real binary over a folder of workbooks, presses
// Ctrl-C once the first documents are written, and checks that the run
// stops with a summary and leaves only complete files behind.
func TestInterrupt(t *testing.T) {
	bin := binary(t)
	dir := t.TempDir()
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
