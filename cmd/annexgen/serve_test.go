package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// lockedBuffer is a buffer that a server goroutine writes while the test reads.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func TestServe(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	opened := make(chan string, 1)
	defer func(f func(string) error) { openBrowser = f }(openBrowser)
	openBrowser = func(url string) error { opened <- url; return nil }

	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	var stderr lockedBuffer
	e := &env{stdout: io.Discard, stderr: &stderr, getenv: func(string) string { return "" }, ctx: ctx}
	status := make(chan int, 1)
	go func() { status <- run(e, []string{"serve", "--addr", "127.0.0.1:0", "--open", "--log-format", "json"}) }()
	var url string
	select {
	case url = <-opened:
	case s := <-status:
		t.Fatalf("serve ended with %d:\n%s", s, stderr.String())
	}
	if !strings.HasPrefix(url, "http://127.0.0.1:") {
		t.Fatalf("opened %q", url)
	}
	res, err := http.Get(url + "healthz")
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("healthz: %v", err)
	}
	res.Body.Close()

	// An upload is spooled inside the private folder, and answered.
	data, err := os.ReadFile(sample("clinic.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	w, _ := mw.CreateFormFile("file", "診療所.xlsx")
	w.Write(data)
	mw.Close()
	res, err = http.Post(url+"api/convert", mw.FormDataContentType(), &body)
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("upload: %v %v", err, res.Status)
	}
	res.Body.Close()
	if entries, _ := os.ReadDir(tmp); len(entries) != 1 || !strings.HasPrefix(entries[0].Name(), "annexgen-serve-") {
		t.Errorf("the temporary folder holds %v, want the private folder alone", entries)
	}
	if private := os.TempDir(); filepath.Dir(private) != tmp {
		t.Errorf("the temporary folder of libraries is %s, want the private folder in %s", private, tmp)
	}

	stop() // Ctrl-C
	if s := <-status; s != exitOK {
		t.Errorf("status %d after Ctrl-C", s)
	}
	if entries, _ := os.ReadDir(tmp); len(entries) != 0 {
		t.Errorf("left behind: %v", entries)
	}
	if os.TempDir() != tmp {
		t.Errorf("the temporary folder is %s after serve, want %s back", os.TempDir(), tmp)
	}
	// The log is JSON, a line per record; the address is printed for people.
	out := stderr.String()
	if !strings.Contains(out, url) {
		t.Errorf("the address is not printed:\n%s", out)
	}
	sc := bufio.NewScanner(strings.NewReader(out))
	records := 0
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, "{") {
			continue
		}
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Errorf("not JSON: %s", line)
		}
		records++
	}
	if records < 3 {
		t.Errorf("%d JSON log records:\n%s", records, out)
	}
}

func TestServeUsage(t *testing.T) {
	for _, args := range [][]string{
		{"serve", "--log-format", "xml"},
		{"serve", "確認表.xlsx"},
		{"serve", "--addr", "256.0.0.1:99999"},
	} {
		if r := annexgen(t, nil, args...); r.status != exitUsage || !strings.Contains(r.stderr, "annexgen serve") {
			t.Errorf("%v: status %d, stderr %q", args, r.status, r.stderr)
		}
	}
}
