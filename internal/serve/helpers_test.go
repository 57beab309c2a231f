package serve

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/annexgen/annexgen/internal/convert"
	"github.com/xuri/excelize/v2"
)

var (
	convOnce sync.Once
	conv     *convert.Converter
	convErr  error
)

// converter is one converter for all tests: fonts load once.
func converter(t testing.TB) *convert.Converter {
	t.Helper()
	convOnce.Do(func() {
		conv, convErr = convert.New(convert.Options{Formats: []convert.Format{convert.Markdown, convert.PDF}})
	})
	if convErr != nil {
		t.Fatal(convErr)
	}
	return conv
}

// newTestServer starts a server on 127.0.0.1 with cfg (its converter,
// address and temporary folder filled in).
func newTestServer(t testing.TB, cfg Config, edit func(*Server)) (*Server, *httptest.Server) {
	t.Helper()
	cfg.Converter = converter(t)
	cfg.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	if cfg.TempDir == "" {
		cfg.TempDir = t.TempDir()
	}
	ts := httptest.NewUnstartedServer(nil)
	cfg.Addr = ts.Listener.Addr().String()
	s := New(cfg)
	if edit != nil {
		edit(s)
	}
	ts.Config.Handler = s.Handler()
	ts.Start()
	t.Cleanup(ts.Close)
	return s, ts
}

// upload is a file to send.
type upload struct {
	name string
	data []byte
}

// multipartBody builds a multipart body of the fields and files.
func multipartBody(t testing.TB, fields map[string]string, files ...upload) (*bytes.Buffer, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	for _, f := range files {
		w, err := mw.CreateFormFile("file", f.name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(f.data)
	}
	mw.Close()
	return &buf, mw.FormDataContentType()
}

// post sends the files to path and returns the response and its body.
func post(t *testing.T, ts *httptest.Server, path string, fields map[string]string, files ...upload) (*http.Response, []byte) {
	t.Helper()
	body, ctype := multipartBody(t, fields, files...)
	res, err := ts.Client().Post(ts.URL+path, ctype, body)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, b
}

// convertFiles posts to /api/convert and decodes a 200 response.
func convertFiles(t *testing.T, ts *httptest.Server, fields map[string]string, files ...upload) response {
	t.Helper()
	res, b := post(t, ts, "/api/convert", fields, files...)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", res.StatusCode, b)
	}
	var r response
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatal(err)
	}
	return r
}

// sample reads a workbook of samples/.
func sample(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "samples", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// markup is cell text that would be markup if it were not escaped.
const markup = `<img src=x id=injected onerror="document.title='pwned'"><b>太字</b>`

// Planted returns samples/hospital.xlsx with errors planted on Part2: an
// unknown mark (F10), no accountable party (row 12), an invalid 初回確認
// (D13), and markup as the text of an agreement (I11).
func planted(t *testing.T) []byte {
	t.Helper()
	x, err := excelize.OpenReader(bytes.NewReader(sample(t, "hospital.xlsx")))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	for cell, v := range map[string]string{"F10": "×", "F12": "", "G12": "", "H12": "", "D13": "たぶん", "I11": markup} {
		if err := x.SetCellStr("Part2", cell, v); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
