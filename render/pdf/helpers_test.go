package pdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/annexgen/annexgen/render/fonts"
)

var fontDirs = []string{
	"/usr/share/fonts/truetype/morisawa",
	"/usr/share/fonts/truetype/bizud-mincho",
	"/usr/share/fonts/truetype/bizud-gothic",
}

// loadFace reads one of the BIZ UD fonts, skipping the test when it is not installed.
func loadFace(tb testing.TB, file, name string) *fonts.Face {
	tb.Helper()
	for _, dir := range fontDirs {
		path := filepath.Join(dir, file)
		if _, err := os.Stat(path); err != nil {
			continue
		}
		f, err := fonts.Load(path)
		if err != nil {
			tb.Fatal(err)
		}
		if f.Name != name {
			tb.Fatalf("%s: PostScript name %q, want %q", path, f.Name, name)
		}
		return f
	}
	tb.Skipf("font %s is not installed", file)
	return nil
}

func fontSet(tb testing.TB) *fonts.Set {
	return &fonts.Set{
		Body:    loadFace(tb, "BIZUDMincho-Regular.ttf", "BIZUDMincho-Regular"),
		Heading: loadFace(tb, "BIZUDGothic-Regular.ttf", "BIZUDGothic-Regular"),
		Bold:    loadFace(tb, "BIZUDGothic-Bold.ttf", "BIZUDGothic-Bold"),
	}
}

var (
	sharedOnce sync.Once
	shared     *Typesetter
	sharedErr  error
)

// typesetter returns one typesetter for all tests, as the batch runner uses it.
func typesetter(tb testing.TB) *Typesetter {
	tb.Helper()
	set := fontSet(tb)
	sharedOnce.Do(func() { shared, sharedErr = New(set) })
	if sharedErr != nil {
		tb.Fatal(sharedErr)
	}
	return shared
}

var testMeta = Meta{
	Title:   "医療情報システムの契約における役割分担に関する確認表 契約書別紙",
	Author:  "医療法人社団 青葉会 青葉総合病院、株式会社みらいメディカルシステムズ、東日本データセンター株式会社",
	Subject: "契約書別紙",
	Created: time.Date(2026, 4, 1, 0, 0, 0, 0, time.FixedZone("JST", 9*3600)),
}

// render typesets markdown and returns the PDF, also written to a temporary file.
func render(tb testing.TB, markdown []byte, meta Meta) ([]byte, *Result, string) {
	tb.Helper()
	var buf bytes.Buffer
	res, err := typesetter(tb).Render(&buf, markdown, meta)
	if err != nil {
		tb.Fatal(err)
	}
	path := filepath.Join(tb.TempDir(), "out.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		tb.Fatal(err)
	}
	if dir := os.Getenv("PDF_KEEP"); dir != "" {
		_ = os.WriteFile(filepath.Join(dir, filepath.Base(tb.Name())+".pdf"), buf.Bytes(), 0o644)
	}
	return buf.Bytes(), res, path
}

// tool returns the path of a command-line tool, skipping the test when it is missing.
func tool(tb testing.TB, name string) string {
	tb.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		tb.Skipf("%s is not installed (poppler-utils / qpdf)", name)
	}
	return path
}

// run runs a tool and returns its standard output.
func run(tb testing.TB, name string, args ...string) string {
	tb.Helper()
	cmd := exec.Command(tool(tb, name), args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		tb.Fatalf("%s %v: %v\n%s", name, args, err, stderr.String())
	}
	return string(out)
}
