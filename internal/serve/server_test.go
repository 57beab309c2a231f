package serve

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/annexgen/annexgen/checklist"
	"github.com/annexgen/annexgen/internal/tools/badgen"
	"github.com/xuri/excelize/v2"
)

func TestHostHeader(t *testing.T) {
	_, ts := newTestServer(t, Config{}, nil)
	_, port, _ := strings.Cut(strings.TrimPrefix(ts.URL, "http://"), ":")
	for host, want := range map[string]int{
		"127.0.0.1:" + port:        http.StatusOK,
		"localhost:" + port:        http.StatusOK,
		"LOCALHOST.:" + port:       http.StatusOK,
		"[::1]:" + port:            http.StatusOK,
		"evil.example:" + port:     http.StatusMisdirectedRequest,
		"evil.example":             http.StatusMisdirectedRequest,
		"localhost.evil.example":   http.StatusMisdirectedRequest,
		"127.0.0.1.nip.io:" + port: http.StatusMisdirectedRequest,
	} {
		req, _ := http.NewRequest("GET", ts.URL+"/healthz", nil)
		req.Host = host
		res, err := ts.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != want {
			t.Errorf("Host %s: status %d, want %d", host, res.StatusCode, want)
		}
	}
}

func TestCrossOrigin(t *testing.T) {
	_, ts := newTestServer(t, Config{}, nil)
	good := sample(t, "clinic.xlsx")
	for _, c := range []struct {
		name    string
		headers map[string]string
		want    int
	}{
		{"same origin", map[string]string{"Sec-Fetch-Site": "same-origin", "Origin": ts.URL}, http.StatusOK},
		{"no browser headers (curl)", nil, http.StatusOK},
		{"cross site", map[string]string{"Sec-Fetch-Site": "cross-site", "Origin": "http://evil.example"}, http.StatusForbidden},
		{"same site other port", map[string]string{"Sec-Fetch-Site": "same-site", "Origin": "http://127.0.0.1:1"}, http.StatusForbidden},
		{"other origin, old browser", map[string]string{"Origin": "http://evil.example"}, http.StatusForbidden},
	} {
		body, ctype := multipartBody(t, nil, upload{"clinic.xlsx", good})
		req, _ := http.NewRequest("POST", ts.URL+"/api/convert", body)
		req.Header.Set("Content-Type", ctype)
		for k, v := range c.headers {
			req.Header.Set(k, v)
		}
		res, err := ts.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != c.want {
			t.Errorf("%s: status %d, want %d: %s", c.name, res.StatusCode, c.want, b)
		}
		if c.want == http.StatusForbidden && !strings.Contains(string(b), "受け付けません") {
			t.Errorf("%s: no Japanese message: %s", c.name, b)
		}
	}
}

func TestTooLarge(t *testing.T) {
	tmp := t.TempDir()
	_, ts := newTestServer(t, Config{MaxFileBytes: 1 << 10, MaxFiles: 2, TempDir: tmp}, nil)
	res, b := post(t, ts, "/api/convert", nil, upload{"大きい.xlsx", bytes.Repeat([]byte("x"), 1<<10+1)})
	if res.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(string(b), "大きい.xlsx") {
		t.Errorf("a big file: status %d: %s", res.StatusCode, b)
	}
	small := upload{"a.xlsx", []byte("x")}
	res, b = post(t, ts, "/api/convert", nil, small, small, small)
	if res.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(string(b), "2 個まで") {
		t.Errorf("three files: status %d: %s", res.StatusCode, b)
	}
	// Exactly the limit is fine.
	res, b = post(t, ts, "/api/convert", nil, upload{"ちょうど.xlsx", bytes.Repeat([]byte("x"), 1<<10)})
	if res.StatusCode != http.StatusOK {
		t.Errorf("a file of the limit: status %d: %s", res.StatusCode, b)
	}
	// Nothing is left in the temporary folder.
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("uploads left in the temporary folder: %d", len(left))
	}
}

func TestNoFile(t *testing.T) {
	_, ts := newTestServer(t, Config{}, nil)
	res, b := post(t, ts, "/api/convert", map[string]string{"kind": "annex"})
	if res.StatusCode != http.StatusBadRequest || !strings.Contains(string(b), "ファイルが送られていません") {
		t.Errorf("status %d: %s", res.StatusCode, b)
	}
	res, b = post(t, ts, "/api/convert", map[string]string{"kind": "novel"}, upload{"a.xlsx", sample(t, "clinic.xlsx")})
	if res.StatusCode != http.StatusBadRequest || !strings.Contains(string(b), "novel") {
		t.Errorf("unknown kind: status %d: %s", res.StatusCode, b)
	}
}

// blockingWork replaces the conversion with one that reports its start
// and waits for release.
func blockingWork(started chan<- string, release <-chan struct{}) func(*Server) {
	return func(s *Server) {
		s.work = func(j job) fileResult {
			started <- j.name
			<-release
			return fileResult{File: j.name, Status: "ok", Findings: checklist.Findings{}}
		}
	}
}

func TestQueueFull(t *testing.T) {
	started := make(chan string, 4)
	release := make(chan struct{})
	s, ts := newTestServer(t, Config{Workers: 1, Queue: 1}, blockingWork(started, release))
	f := upload{"a.xlsx", []byte("x")}
	type answer struct {
		status int
		body   string
	}
	answers := make(chan answer, 2)
	send := func() {
		body, ctype := multipartBody(t, nil, f)
		res, err := ts.Client().Post(ts.URL+"/api/convert", ctype, body)
		if err != nil {
			answers <- answer{0, err.Error()}
			return
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		answers <- answer{res.StatusCode, string(b)}
	}
	go send()
	<-started // the worker is busy
	go send()
	for !s.slots.hasWaiting(1) { // the second request waits in the queue
		time.Sleep(time.Millisecond)
	}
	res, b := post(t, ts, "/api/convert", nil, f)
	if res.StatusCode != http.StatusServiceUnavailable || res.Header.Get("Retry-After") == "" || !strings.Contains(string(b), "混み合って") {
		t.Errorf("third request: status %d: %s", res.StatusCode, b)
	}
	close(release)
	for range 2 {
		if a := <-answers; a.status != http.StatusOK {
			t.Errorf("a queued request: status %d: %s", a.status, a.body)
		}
	}
}

func TestDeadline(t *testing.T) {
	started := make(chan string, 1)
	release := make(chan struct{})
	dir := t.TempDir()
	_, ts := newTestServer(t, Config{Timeout: 50 * time.Millisecond, TempDir: dir}, blockingWork(started, release))
	res, b := post(t, ts, "/api/convert", nil, upload{"遅い.xlsx", []byte("x")})
	if res.StatusCode != http.StatusGatewayTimeout || !strings.Contains(string(b), "時間がかかりすぎた") {
		t.Errorf("status %d: %s", res.StatusCode, b)
	}
	<-started
	close(release)
	// The server is still up, and the worker removes the upload when it ends.
	if r, err := ts.Client().Get(ts.URL + "/healthz"); err != nil || r.StatusCode != http.StatusOK {
		t.Errorf("healthz after a deadline: %v", err)
	}
}

func TestHostileCatalogue(t *testing.T) {
	if testing.Short() {
		t.Skip("writes the big cases of the catalogue")
	}
	dir := t.TempDir()
	if err := badgen.Write(dir, true); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	for name := range badgen.Office {
		files = append(files, filepath.Join("..", "..", "checklist", "xlsx", "testdata", "bad", name))
	}
	tmp := t.TempDir()
	_, ts := newTestServer(t, Config{TempDir: tmp}, nil)
	japanese := regexp.MustCompile(`[\p{Hiragana}\p{Katakana}\p{Han}]`)
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(path)
		res, b := post(t, ts, "/api/convert", nil, upload{name, data})
		switch {
		case len(data) > DefaultMaxFileBytes:
			if res.StatusCode != http.StatusRequestEntityTooLarge || !japanese.Match(b) {
				t.Errorf("%s: status %d: %.200s", name, res.StatusCode, b)
			}
		case res.StatusCode != http.StatusOK:
			t.Errorf("%s: status %d: %.200s", name, res.StatusCode, b)
		default:
			var r response
			if err := json.Unmarshal(b, &r); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			f := r.Files[0]
			if f.Status == "failed" {
				t.Errorf("%s: failed: %s", name, f.Reason)
			}
			if f.Status != "ok" && (len(f.Findings) == 0 || !japanese.MatchString(f.Findings[len(f.Findings)-1].Message+f.Reason)) {
				t.Errorf("%s: %s without a Japanese message: %+v", name, f.Status, f.Findings)
			}
			if f.Status == "unreadable" && (f.Reason == "" || len(f.Outputs) != 0) {
				t.Errorf("%s: unreadable without a reason, or with outputs: %+v", name, f)
			}
			t.Logf("%s: %s %s %s", name, f.Status, f.Label, f.Reason)
		}
		if r, err := ts.Client().Get(ts.URL + "/healthz"); err != nil || r.StatusCode != http.StatusOK {
			t.Fatalf("server down after %s: %v", name, err)
		}
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("uploads left in the temporary folder: %d", len(left))
	}
}

func TestPlantedErrors(t *testing.T) {
	_, ts := newTestServer(t, Config{}, nil)
	r := convertFiles(t, ts, nil, upload{"確認表.xlsx", planted(t)})
	f := r.Files[0]
	if f.Status != "rejected" || f.Errors < 3 || f.Label != "要修正 "+strconv.Itoa(f.Errors)+"件" {
		t.Fatalf("status %s %q, %d errors", f.Status, f.Label, f.Errors)
	}
	want := map[string]string{"Part2!F10": "mark-unknown", "Part2!D13": "check-invalid"}
	for _, x := range f.Findings {
		if code, ok := want[x.Location()]; ok && string(x.Code) == code {
			delete(want, x.Location())
		}
	}
	if len(want) > 0 {
		t.Errorf("planted errors not found: %v in %v", want, f.Findings)
	}
	// A rejected workbook gives its annotated copy only, and the sheets.
	if len(f.Outputs) != 1 || f.Outputs[0].Name != "確認表.findings.xlsx" {
		t.Errorf("outputs %v", names(f.Outputs))
	}
	var part2 bool
	for _, s := range f.Sheets {
		if s.Name == "Part2" && len(s.Rows) >= 13 && s.Rows[12][3] == "たぶん" && s.Rows[10][8] == markup {
			part2 = true
		}
	}
	if !part2 {
		t.Error("Part2 not sent with its cell texts")
	}
}

func names(outputs []output) []string {
	var n []string
	for _, o := range outputs {
		n = append(n, o.Name)
	}
	return n
}

func TestDownloadNames(t *testing.T) {
	_, ts := newTestServer(t, Config{}, nil)
	r := convertFiles(t, ts, map[string]string{"kind": "sla", "perVendor": "on"}, upload{`C:\書類\確認表 2026.xlsx`, sample(t, "hospital.xlsx")})
	f := r.Files[0]
	got := strings.Join(names(f.Outputs), " | ")
	for _, want := range []string{"確認表 2026.sla.A.pdf", "確認表 2026.sla.B.md", "確認表 2026.findings.xlsx"} {
		if !strings.Contains(got, want) {
			t.Errorf("outputs %s lack %s", got, want)
		}
	}
	if r.Zip == nil || r.Zip.Name != "確認表 2026.zip" {
		t.Fatalf("zip %+v", r.Zip)
	}
	res, b := post(t, ts, "/api/zip", nil, upload{"確認表.xlsx", sample(t, "clinic.xlsx")})
	cd := res.Header.Get("Content-Disposition")
	if res.StatusCode != http.StatusOK || cd != `attachment; filename="annexgen.zip"; filename*=UTF-8''%E7%A2%BA%E8%AA%8D%E8%A1%A8.zip` {
		t.Errorf("status %d, Content-Disposition %q", res.StatusCode, cd)
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var inZip []string
	for _, zf := range zr.File {
		inZip = append(inZip, zf.Name)
	}
	if strings.Join(inZip, " ") != "確認表.annex.md 確認表.annex.pdf 確認表.findings.xlsx" {
		t.Errorf("zip holds %v", inZip)
	}
	if cd := contentDisposition(`a"b;c%d.zip`); cd != `attachment; filename="a_b_c_d.zip"; filename*=UTF-8''a%22b%3Bc%25d.zip` {
		t.Errorf("ASCII name: %s", cd)
	}
}

func TestPage(t *testing.T) {
	_, ts := newTestServer(t, Config{Version: `<v1>`}, nil)
	res, err := ts.Client().Get(ts.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	page := string(b)
	csp := res.Header.Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'none'", "script-src 'self'", "frame-ancestors 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP %q lacks %q", csp, want)
		}
	}
	if strings.Contains(csp, "unsafe") {
		t.Errorf("CSP allows unsafe sources: %s", csp)
	}
	if regexp.MustCompile(`<script(?:\s[^>]*)?>[^<]`).MatchString(page) || strings.Contains(page, " on") && regexp.MustCompile(`\son[a-z]+=`).MatchString(page) {
		t.Error("the page has inline script")
	}
	if regexp.MustCompile(`(?i)(src|href)="(https?:)?//`).MatchString(page) {
		t.Error("the page loads something from elsewhere")
	}
	if !strings.Contains(page, "&lt;v1&gt;") || !strings.Contains(page, `lang="ja"`) {
		t.Error("the version is not escaped, or the page is not Japanese")
	}
	for _, asset := range []string{"/assets/app.js", "/assets/style.css"} {
		r, err := ts.Client().Get(ts.URL + asset)
		if err != nil || r.StatusCode != http.StatusOK {
			t.Errorf("%s: %v %v", asset, err, r.StatusCode)
		}
		b, _ := io.ReadAll(r.Body)
		r.Body.Close()
		if strings.Contains(string(b), "innerHTML") || strings.Contains(string(b), "http://") || strings.Contains(string(b), "https://") {
			t.Errorf("%s uses innerHTML or reaches out", asset)
		}
	}
}

func TestPassword(t *testing.T) {
	_, ts := newTestServer(t, Config{}, nil)
	data, err := os.ReadFile(filepath.Join("..", "..", "checklist", "xlsx", "testdata", "bad", "password.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	f := convertFiles(t, ts, nil, upload{"保護.xlsx", data}).Files[0]
	if f.Status != "unreadable" || !strings.Contains(f.Reason, "「パスワード」欄") {
		t.Errorf("without the password: %s %q", f.Status, f.Reason)
	}
	f = convertFiles(t, ts, map[string]string{"password": badgen.Password}, upload{"保護.xlsx", data}).Files[0]
	if f.Status == "unreadable" || f.Status == "failed" {
		t.Fatalf("with the password: %s %q", f.Status, f.Reason)
	}
	copies := 0
	for _, o := range f.Outputs {
		if o.Format != "xlsx" {
			continue
		}
		copies++
		if _, err := excelize.OpenReader(bytes.NewReader(o.Data)); err == nil {
			t.Error("the annotated copy opens without the password")
		}
		if _, err := excelize.OpenReader(bytes.NewReader(o.Data), excelize.Options{Password: badgen.Password}); err != nil {
			t.Errorf("the annotated copy does not open with the password: %v", err)
		}
	}
	if copies != 1 {
		t.Errorf("%d annotated copies", copies)
	}
}
