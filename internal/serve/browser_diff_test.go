package serve

import (
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// blobJS fetches the href of the link that the expression LINK finds and
// returns its bytes as base64.
const blobJS = `fetch(LINK.href).then(r => r.arrayBuffer()).then(b => {
  const u = new Uint8Array(b); let s = '';
  for (let i = 0; i < u.length; i += 0x8000) s += String.fromCharCode.apply(null, u.subarray(i, i + 0x8000));
  return btoa(s);
})`

func TestDiffInBrowser(t *testing.T) {
	ctx := browser(t)
	_, ts := newTestServer(t, Config{}, nil)
	do(t, ctx, chromedp.Navigate(ts.URL+"/"))
	eval[chromedp.Void](t, ctx, `window.violations = []; document.addEventListener('securitypolicyviolation', e => violations.push(e.violatedDirective + ' ' + e.blockedURI)); null`)

	// This year's workbook chosen first: the page proposes last year's
	// (the lower 版数) as the 改正前.
	dir := t.TempDir()
	cur := filepath.Join(dir, "確認表2026.xlsx")
	old := filepath.Join(dir, "確認表2025.xlsx")
	if err := os.WriteFile(cur, renewed(t), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(old, sample(t, "hospital.xlsx"), 0o644); err != nil {
		t.Fatal(err)
	}
	do(t, ctx, chromedp.SetUploadFiles(chromedp.CSS("#files"), []string{cur, old}))
	waitFor(t, ctx, "確認表2025.xlsx")
	sides := eval[[]string](t, ctx, `[document.getElementById('diff-old').textContent, document.getElementById('diff-new').textContent, document.getElementById('diff-rule').textContent]`)
	if !strings.HasPrefix(sides[0], "確認表2025.xlsx") || !strings.HasPrefix(sides[1], "確認表2026.xlsx（") || !strings.Contains(sides[2], "版数") {
		t.Errorf("proposed 改正前 %q, 改正後 %q, rule %q", sides[0], sides[1], sides[2])
	}

	do(t, ctx, chromedp.Click(chromedp.CSS("#make-diff")))
	link := `document.querySelector('#diff-result a[data-format="pdf"]')`
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](link+` !== null || document.getElementById('diff-error') !== null`, chromedp.WithPollingTimeout(2*time.Minute))); err != nil {
		t.Fatal(err)
	}
	if eval[bool](t, ctx, link+` === null`) {
		t.Fatalf("no PDF: %s", eval[string](t, ctx, `document.getElementById('diff-result').textContent`))
	}
	if got := eval[string](t, ctx, link+`.getAttribute('download')`); got != "確認表2026.diff.pdf" {
		t.Errorf("download name %q", got)
	}
	pdf, err := base64.StdEncoding.DecodeString(eval[string](t, ctx, strings.ReplaceAll(blobJS, "LINK", link)))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(pdf), "%PDF-") {
		t.Fatalf("the download is not a PDF: %.20q", pdf)
	}
	text := textOf(t, pdf)
	for _, want := range []string{"新旧対照表", "改正後", "改正前", changedWord} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF's text lacks %q", want)
		}
	}
	screenshot(t, ctx, "diff")

	// Swapped, the same pair gives the 新旧対照表 named after the other.
	do(t, ctx, chromedp.Click(chromedp.CSS("#diff-swap")), chromedp.Click(chromedp.CSS("#make-diff")))
	named := `(document.querySelector('#diff-result a[data-format="pdf"]') || {}).download === "確認表2025.diff.pdf"`
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](named, chromedp.WithPollingTimeout(2*time.Minute))); err != nil {
		t.Fatal(err)
	}
	if v := eval[[]string](t, ctx, `violations`); len(v) > 0 {
		t.Errorf("Content-Security-Policy violations: %v", v)
	}
}

func TestDiffRejectedInBrowser(t *testing.T) {
	ctx := browser(t)
	_, ts := newTestServer(t, Config{}, nil)
	do(t, ctx, chromedp.Navigate(ts.URL+"/"))
	dir := t.TempDir()
	bad := filepath.Join(dir, "旧.xlsx")
	good := filepath.Join(dir, "新.xlsx")
	if err := os.WriteFile(bad, planted(t), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(good, renewed(t), 0o644); err != nil {
		t.Fatal(err)
	}
	do(t, ctx, chromedp.SetUploadFiles(chromedp.CSS("#files"), []string{bad, good}), chromedp.Click(chromedp.CSS("#make-diff")))
	done := `document.querySelector('#diff-result [data-status]') !== null || document.getElementById('diff-error') !== null`
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](done, chromedp.WithPollingTimeout(2*time.Minute))); err != nil {
		t.Fatal(err)
	}
	got := eval[[]string](t, ctx, `[document.querySelector('#diff-result [data-status]').dataset.status,
  String(document.querySelectorAll('#diff-result a.download').length),
  document.querySelector('#diff-result h3.side-old').textContent,
  Array.from(document.querySelectorAll('#diff-result table.findings td:nth-child(2)')).map(td => td.textContent).join(' ')]`)
	if got[0] != "rejected" || got[1] != "0" || !strings.Contains(got[2], "旧.xlsx") || !strings.Contains(got[3], "Part2!F10") {
		t.Errorf("the page shows %q", got)
	}
}
