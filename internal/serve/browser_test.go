package serve

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromiumPath is Debian's Chromium, which the browser tests drive.
const chromiumPath = "/usr/bin/chromium"

// screenshotDir receives the page's screenshots, for people to look at.
const screenshotDir = "/tmp/serve"

// browser starts a headless Chromium for the test, or skips it.
func browser(t *testing.T) context.Context {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		t.Skip("Chromium is not installed (apt install chromium)")
	}
	if testing.Short() {
		t.Skip("starts a browser")
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromiumPath),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	return ctx
}

// do runs the actions, failing the test on error.
func do(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

// eval evaluates a JavaScript expression (awaiting a promise) into T.
func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%v\n%s", err, js)
	}
	return v
}

// waitFor waits until the page shows the result of the file named name.
func waitFor(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	js := `document.querySelector('section.file[data-file=` + jsString(name) + `]') !== null || document.body.dataset.state === 'error'`
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](js, chromedp.WithPollingTimeout(2*time.Minute))); err != nil {
		t.Fatal(err)
	}
	if state := eval[string](t, ctx, `document.body.dataset.state`); state == "error" {
		t.Fatalf("the page shows an error: %s", eval[string](t, ctx, `document.getElementById('status').textContent`))
	}
}

// jsString quotes s for JavaScript.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// screenshot saves the whole page as /tmp/serve/NAME.png.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(screenshotDir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(screenshotDir, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// marks are the page's highlighted cells: "Sheet!A1" → class.
const marksJS = `(() => {
  const m = {};
  for (const td of document.querySelectorAll(SECTION + ' table.grid td.mark')) {
    m[td.closest('table').dataset.sheet + '!' + td.dataset.ref] = td.className + '|' + getComputedStyle(td).backgroundColor + '|' + td.title;
  }
  return m;
})()`

// places are the places of the findings table: "Sheet!A1", the sheet, or "（ファイル全体）".
const placesJS = `Array.from(document.querySelectorAll(SECTION + ' table.findings tbody tr')).map(tr => [tr.children[0].textContent, tr.children[1].textContent, tr.children[3].textContent])`

func inSection(js, file string) string {
	return strings.ReplaceAll(js, "SECTION", jsString(`section.file[data-file="`+file+`"]`))
}

func TestPageInBrowser(t *testing.T) {
	ctx := browser(t)
	_, ts := newTestServer(t, Config{}, nil)
	do(t, ctx, chromedp.Navigate(ts.URL+"/"))
	eval[chromedp.Void](t, ctx, `window.violations = []; document.addEventListener('securitypolicyviolation', e => violations.push(e.violatedDirective + ' ' + e.blockedURI)); null`)
	screenshot(t, ctx, "page")

	// A workbook with planted errors, chosen with the file input.
	dir := t.TempDir()
	bad := filepath.Join(dir, "確認表（誤りあり）.xlsx")
	if err := os.WriteFile(bad, planted(t), 0o644); err != nil {
		t.Fatal(err)
	}
	do(t, ctx, chromedp.SetUploadFiles(chromedp.CSS("#files"), []string{bad}))
	waitFor(t, ctx, filepath.Base(bad))
	checkHighlighted(t, ctx, filepath.Base(bad))
	label := eval[string](t, ctx, inSection(`document.querySelector(SECTION + ' .badge').textContent`, filepath.Base(bad)))
	if !strings.HasPrefix(label, "要修正 ") {
		t.Errorf("status %q, want 要修正 N件", label)
	}
	// Cell text is text: the planted markup shows literally and runs nothing.
	if eval[bool](t, ctx, `document.getElementById('injected') !== null || document.title === 'pwned'`) {
		t.Error("cell text became markup")
	}
	if !eval[bool](t, ctx, `Array.from(document.querySelectorAll('table.grid td')).some(td => td.textContent === `+jsString(markup)+`)`) {
		t.Error("the markup is not shown as text")
	}
	screenshot(t, ctx, "errors")

	// A good workbook, dropped on the page.
	good := sample(t, "hospital.xlsx")
	eval[chromedp.Void](t, ctx, `(() => {
  const bin = atob(`+jsString(base64.StdEncoding.EncodeToString(good))+`);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const dt = new DataTransfer();
  dt.items.add(new File([bytes], 'hospital.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  document.getElementById('drop').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  return null;
})()`)
	waitFor(t, ctx, "hospital.xlsx")
	if label := eval[string](t, ctx, inSection(`document.querySelector(SECTION + ' .badge').textContent`, "hospital.xlsx")); label != "作成できます" {
		t.Errorf("status %q, want 作成できます", label)
	}
	checkHighlighted(t, ctx, "hospital.xlsx")
	checkPDF(t, ctx, "hospital.xlsx", "hospital.sla.pdf")
	screenshot(t, ctx, "done")

	// Files that are not readable workbooks, two at once: each gets its reason.
	var paths []string
	for _, name := range []string{"password.xlsx", "text.xlsx"} {
		abs, err := filepath.Abs(filepath.Join("..", "..", "checklist", "xlsx", "testdata", "bad", name))
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, abs)
	}
	do(t, ctx, chromedp.SetUploadFiles(chromedp.CSS("#files"), paths))
	waitFor(t, ctx, "text.xlsx")
	for _, c := range []struct{ file, reason string }{{"password.xlsx", "パスワードで保護されています"}, {"text.xlsx", "Excel ブック（.xlsx）ではありません"}} {
		got := eval[string](t, ctx, inSection(`(document.querySelector(SECTION + ' .badge').textContent + ' ' + document.querySelector(SECTION + ' .reason').textContent)`, c.file))
		if !strings.HasPrefix(got, "読み込めません ") || !strings.Contains(got, c.reason) {
			t.Errorf("%s: the page shows %q", c.file, got)
		}
	}
	if eval[bool](t, ctx, `document.querySelector('#all a') !== null`) {
		t.Error("a ZIP is offered with nothing in it")
	}
	screenshot(t, ctx, "unreadable")
	if v := eval[[]string](t, ctx, `violations`); len(v) > 0 {
		t.Errorf("Content-Security-Policy violations: %v", v)
	}
}

// checkHighlighted checks that the cell of every finding of the file's
// findings table is highlighted in its sheet, in its severity's colour,
// with its message as the cell's title and beside the row.
func checkHighlighted(t *testing.T, ctx context.Context, file string) {
	t.Helper()
	places := eval[[][]string](t, ctx, inSection(placesJS, file))
	marks := eval[map[string]string](t, ctx, inSection(marksJS, file))
	notes := eval[string](t, ctx, inSection(`Array.from(document.querySelectorAll(SECTION + ' td.notes')).map(td => td.textContent).join('\n')`, file))
	colour := map[string]string{"エラー": "rgb(255, 199, 206)", "警告": "rgb(255, 235, 156)"}
	cells := 0
	for _, p := range places {
		severity, place, message := p[0], p[1], p[2]
		if !strings.Contains(place, "!") {
			continue
		}
		cells++
		m, ok := marks[place]
		if !ok {
			t.Errorf("%s: %s (%s) is not highlighted", file, place, severity)
			continue
		}
		class, rest, _ := strings.Cut(m, "|")
		bg, title, _ := strings.Cut(rest, "|")
		if !strings.Contains(title, message) || !strings.Contains(notes, message) {
			t.Errorf("%s: %s: the message is not on the cell or beside it", file, place)
		}
		if severity == "エラー" && (!strings.Contains(class, "mark-error") || bg != colour["エラー"]) {
			t.Errorf("%s: %s: class %q, background %s, want the error's", file, place, class, bg)
		}
	}
	if cells == 0 {
		t.Errorf("%s: no finding with a cell: the test checks nothing", file)
	}
}

// checkPDF fetches the PDF of the file's download link (a Blob URL) and
// checks its name, its preview and its text.
func checkPDF(t *testing.T, ctx context.Context, file, name string) {
	t.Helper()
	link := inSection(`document.querySelector(SECTION + ' a[data-format="pdf"]')`, file)
	if got := eval[string](t, ctx, link+`.getAttribute('download')`); got != name {
		t.Errorf("download name %q, want %q", got, name)
	}
	if !eval[bool](t, ctx, inSection(`document.querySelector(SECTION + ' iframe.pdf').src.startsWith('blob:')`, file)) {
		t.Error("the PDF is not shown inline from a Blob URL")
	}
	b64 := eval[string](t, ctx, `fetch(`+link+`.href).then(r => r.arrayBuffer()).then(b => {
  const u = new Uint8Array(b); let s = '';
  for (let i = 0; i < u.length; i += 0x8000) s += String.fromCharCode.apply(null, u.subarray(i, i + 0x8000));
  return btoa(s);
})`)
	pdf, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(pdf), "%PDF-") {
		t.Fatalf("the download is not a PDF: %.20q", pdf)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed")
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	text, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(string(text)), "")
	for _, want := range []string{"サービス・レベル合意書", "ソラメディカルシステム"} {
		if !strings.Contains(flat, want) {
			t.Errorf("the PDF's text lacks %q", want)
		}
	}
}
