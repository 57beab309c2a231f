package serve

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/annexgen/annexgen/checklist"
	"github.com/annexgen/annexgen/internal/convert"
	"github.com/xuri/excelize/v2"
)

// changedWord is the word this year's workbook puts in an agreement.
const changedWord = "夜間休日窓口"

// edited returns samples/hospital.xlsx with the cells of edits
// ("Sheet!A1" → value) set.
func edited(t testing.TB, edits map[string]string) []byte {
	t.Helper()
	x, err := excelize.OpenReader(bytes.NewReader(sample(t, "hospital.xlsx")))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	for ref, v := range edits {
		sheet, cell, _ := strings.Cut(ref, "!")
		if err := x.SetCellStr(sheet, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// renewed is this year's workbook: an agreement changed and 版数 2.0.
func renewed(t testing.TB) []byte {
	return edited(t, map[string]string{"Part2!I10": "乙の" + changedWord + "に連絡する。", "基本情報!B14": "2.0"})
}

// postPair sends old and new to /api/diff.
func postPair(t *testing.T, url string, client *http.Client, old, cur upload) (*http.Response, []byte) {
	t.Helper()
	body, ctype := pairBody(t, old, cur)
	res, err := client.Post(url+"/api/diff", ctype, body)
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

// pairBody is a multipart body with the files old and new (a nil data
// leaves the field out).
func pairBody(t testing.TB, old, cur upload) (io.Reader, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for _, f := range []struct {
		field string
		up    upload
	}{{"old", old}, {"new", cur}} {
		if f.up.data == nil {
			continue
		}
		w, err := mw.CreateFormFile(f.field, f.up.name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(f.up.data)
	}
	mw.Close()
	return &buf, mw.FormDataContentType()
}

// decodeDiff decodes a 200 answer of /api/diff.
func decodeDiff(t *testing.T, res *http.Response, b []byte) diffResult {
	t.Helper()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", res.StatusCode, b)
	}
	var d diffResult
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatal(err)
	}
	return d
}

// textOf is the text of a PDF (pdftotext), spaces and line ends removed.
func textOf(t *testing.T, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed")
	}
	path := filepath.Join(t.TempDir(), "x.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	text, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(string(text)), "")
}

func TestDiff(t *testing.T) {
	dir := t.TempDir()
	_, ts := newTestServer(t, Config{TempDir: dir}, nil)
	res, b := postPair(t, ts.URL, ts.Client(), upload{"確認表2025.xlsx", sample(t, "hospital.xlsx")}, upload{"確認表 2026.xlsx", renewed(t)})
	d := decodeDiff(t, res, b)
	if d.Status != "ok" || d.Old.File != "確認表2025.xlsx" || d.New.File != "確認表 2026.xlsx" || d.Old.Errors+d.New.Errors != 0 {
		t.Fatalf("status %s (%s), old %s, new %s", d.Status, d.Reason, d.Old.File, d.New.File)
	}
	got := strings.Join(names(d.Outputs), " ")
	if got != "確認表 2026.diff.md 確認表 2026.diff.pdf" {
		t.Errorf("outputs %s", got)
	}
	for _, o := range d.Outputs {
		if o.Format == "md" && !strings.Contains(string(o.Data), changedWord) {
			t.Errorf("the Markdown lacks %s", changedWord)
		}
		if o.Format != "pdf" {
			continue
		}
		if o.Type != "application/pdf" || !bytes.HasPrefix(o.Data, []byte("%PDF-")) {
			t.Fatalf("the PDF is %s, %.10q", o.Type, o.Data)
		}
		text := textOf(t, o.Data)
		for _, want := range []string{"新旧対照表", "改正後", "改正前", changedWord} {
			if !strings.Contains(text, want) {
				t.Errorf("the PDF's text lacks %q", want)
			}
		}
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("left in the temporary folder: %v", left)
	}
}

func TestDiffWord(t *testing.T) {
	all, err := convert.New(convert.Options{Formats: convert.Formats()})
	if err != nil {
		t.Fatal(err)
	}
	_, ts := newTestServer(t, Config{}, func(s *Server) { s.cfg.Converter = all })
	res, b := postPair(t, ts.URL, ts.Client(), upload{"旧.xlsx", sample(t, "hospital.xlsx")}, upload{"新.xlsx", renewed(t)})
	d := decodeDiff(t, res, b)
	if got := strings.Join(names(d.Outputs), " "); got != "新.diff.md 新.diff.pdf 新.diff.docx" {
		t.Fatalf("outputs %s", got)
	}
	docx := d.Outputs[2]
	zr, err := zip.NewReader(bytes.NewReader(docx.Data), int64(len(docx.Data)))
	if err != nil || docx.Type != mediaTypes["docx"] {
		t.Fatalf("the DOCX (%s) is no ZIP: %v", docx.Type, err)
	}
	for _, f := range zr.File {
		if f.Name != "word/document.xml" {
			continue
		}
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		xml, _ := io.ReadAll(r)
		if !strings.Contains(string(xml), changedWord) {
			t.Errorf("word/document.xml lacks %s", changedWord)
		}
		return
	}
	t.Error("the DOCX has no word/document.xml")
}

func TestDiffRejected(t *testing.T) {
	_, ts := newTestServer(t, Config{}, nil)
	res, b := postPair(t, ts.URL, ts.Client(), upload{"旧.xlsx", planted(t)}, upload{"新.xlsx", renewed(t)})
	d := decodeDiff(t, res, b)
	if d.Status != "rejected" || len(d.Outputs) != 0 || !strings.Contains(d.Reason, "新旧対照表を作成しませんでした") {
		t.Fatalf("status %s (%s), %d outputs", d.Status, d.Reason, len(d.Outputs))
	}
	if d.Old.Errors == 0 || !d.Old.Findings.HasErrors() || d.Old.Label != "要修正 "+strconv.Itoa(d.Old.Errors)+"件" {
		t.Errorf("the old workbook's findings: %d errors, label %s", d.Old.Errors, d.Old.Label)
	}
	var at []string
	for _, f := range d.Old.Findings {
		if f.Severity == checklist.SeverityError {
			at = append(at, f.Sheet+"!"+f.Cell)
		}
	}
	if !strings.Contains(strings.Join(at, " "), "Part2!F10") {
		t.Errorf("the planted error of Part2!F10 is not among %v", at)
	}
	if d.New.Errors != 0 || d.New.File != "新.xlsx" {
		t.Errorf("the new workbook: %d errors", d.New.Errors)
	}

	// A file that is no workbook: its reason, no outputs.
	res, b = postPair(t, ts.URL, ts.Client(), upload{"旧.xlsx", sample(t, "hospital.xlsx")}, upload{"新.xlsx", []byte("not a zip")})
	d = decodeDiff(t, res, b)
	if d.Status != "rejected" || len(d.Outputs) != 0 || d.New.Status != "unreadable" || !strings.Contains(d.New.Reason, "Excel ブック（.xlsx）ではありません") {
		t.Errorf("status %s, new %s: %s", d.Status, d.New.Status, d.New.Reason)
	}
}

func TestDiffRefused(t *testing.T) {
	started := make(chan string, 4)
	release := make(chan struct{})
	s, ts := newTestServer(t, Config{Workers: 1, Queue: 1, MaxFileBytes: 1 << 20}, blockingWork(started, release))
	good := upload{"a.xlsx", []byte("x")}
	post := func(header http.Header, old, cur upload) (int, string) {
		body, ctype := pairBody(t, old, cur)
		req, _ := http.NewRequest(http.MethodPost, ts.URL+"/api/diff", body)
		req.Header.Set("Content-Type", ctype)
		for k, v := range header {
			req.Header[k] = v
		}
		if h := header.Get("Host"); h != "" {
			req.Host = h
		}
		res, err := ts.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	for _, c := range []struct {
		name     string
		header   http.Header
		old, cur upload
		status   int
		says     string
	}{
		{"another host", http.Header{"Host": {"evil.example"}}, good, good, http.StatusMisdirectedRequest, "localhost"},
		{"cross-site", http.Header{"Origin": {"https://evil.example"}, "Sec-Fetch-Site": {"cross-site"}}, good, good, http.StatusForbidden, "ほかのサイト"},
		{"no new", nil, good, upload{}, http.StatusBadRequest, "改正前（old）と改正後（new）"},
		{"too large", nil, good, upload{"big.xlsx", make([]byte, 1<<20+1)}, http.StatusRequestEntityTooLarge, "大きすぎます"},
	} {
		if status, body := post(c.header, c.old, c.cur); status != c.status || !strings.Contains(body, c.says) {
			t.Errorf("%s: status %d: %s", c.name, status, body)
		}
	}

	// The comparisons share the conversions' workers and queue.
	go func() {
		body, ctype := multipartBody(t, nil, good)
		if res, err := ts.Client().Post(ts.URL+"/api/convert", ctype, body); err == nil {
			res.Body.Close()
		}
	}()
	<-started
	waited := make(chan int, 1)
	go func() {
		status, _ := post(nil, good, good)
		waited <- status
	}()
	for !s.slots.hasWaiting(1) {
		time.Sleep(time.Millisecond)
	}
	if status, body := post(nil, good, good); status != http.StatusServiceUnavailable || !strings.Contains(body, "混み合って") {
		t.Errorf("queue full: status %d: %s", status, body)
	}
	close(release)
	if status := <-waited; status != http.StatusOK {
		t.Errorf("the queued comparison: status %d", status)
	}
}

func TestDiffDeadline(t *testing.T) {
	release := make(chan struct{})
	_, ts := newTestServer(t, Config{Timeout: 50 * time.Millisecond}, func(s *Server) {
		s.compare = func(old, cur job) diffResult {
			<-release
			return diffResult{}
		}
	})
	defer close(release)
	res, b := postPair(t, ts.URL, ts.Client(), upload{"a.xlsx", []byte("x")}, upload{"b.xlsx", []byte("y")})
	if res.StatusCode != http.StatusGatewayTimeout || !strings.Contains(string(b), "時間がかかりすぎた") {
		t.Errorf("status %d: %s", res.StatusCode, b)
	}
}

func TestPairOrder(t *testing.T) {
	read := func(created, version string) fileResult {
		return fileResult{readable: true, Created: created, Version: version}
	}
	for _, c := range []struct {
		a, b fileResult
		old  int
		rule string
	}{
		{read("2026-04-01", "1"), read("2025-04-01", "9"), 1, "作成日"},
		{read("2025-04-01", "2"), read("2026-04-01", "1"), 0, "作成日"},
		{read("2026-04-01", "第10版"), read("2026-04-01", "第9版"), 1, "版数"},
		{read("", "1.10"), read("", "1.2"), 1, "版数"},
		{read("", "２.０"), read("", "1.0"), 1, "版数"},
		{read("", "2.0"), read("", "2.0"), 0, "順"},
		{read("", "初版"), read("", "改訂"), 0, "順"},
		{fileResult{Created: "2026-04-01"}, read("2025-04-01", ""), 0, "順"},
	} {
		p := pairOf(c.a, c.b)
		if p.Old != c.old || p.New != 1-c.old || !strings.Contains(p.Rule, c.rule) {
			t.Errorf("%s %s / %s %s: %+v", c.a.Created, c.a.Version, c.b.Created, c.b.Version, p)
		}
	}

	// Two workbooks converted together come with the proposed pair.
	_, ts := newTestServer(t, Config{}, nil)
	r := convertFiles(t, ts, nil, upload{"新.xlsx", renewed(t)}, upload{"旧.xlsx", sample(t, "hospital.xlsx")})
	if r.Pair == nil || r.Pair.Old != 1 || r.Pair.New != 0 || r.Files[0].Version != "2.0" {
		t.Errorf("pair %+v, version %q", r.Pair, r.Files[0].Version)
	}
	if r := convertFiles(t, ts, nil, upload{"一つ.xlsx", sample(t, "hospital.xlsx")}); r.Pair != nil {
		t.Errorf("one file, pair %+v", r.Pair)
	}
}
