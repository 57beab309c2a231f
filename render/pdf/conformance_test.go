package pdf

import (
	"os/exec"
	"regexp"
	"strings"
	"testing"
)

// strictValidator returns pdfcpu, which .ci/run installs, skipping the test when it is missing.
func strictValidator(tb testing.TB) string {
	tb.Helper()
	path, err := exec.LookPath("pdfcpu")
	if err != nil {
		tb.Skip("pdfcpu is not installed (go install github.com/pdfcpu/pdfcpu/cmd/pdfcpu@v0.15.0)")
	}
	return path
}

// validateStrict runs pdfcpu's strict validation of the PDF at path.
func validateStrict(tb testing.TB, path string) {
	tb.Helper()
	out, err := exec.Command(strictValidator(tb), "validate", "-m", "strict", path).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "validation ok") {
		tb.Errorf("pdfcpu validate -m strict %s: %v\n%s", path, err, out)
	}
}

func TestStrictValidatorAcceptsDocument(t *testing.T) {
	pdf, _, path := render(t, readFixture(t), testMeta)
	validateStrict(t, path)
	if !strings.Contains(string(pdf), "/Lang (ja)") {
		t.Error("the catalog does not name the language (/Lang (ja))")
	}
}

// Every outline item with children carries /Count (PDF 32000-1 §12.3.3); the items stay closed.
func TestOutlineItemsWithChildrenHaveCount(t *testing.T) {
	pdf, _, _ := render(t, readFixture(t), testMeta)
	item := regexp.MustCompile(`(?s)<<\n  /Parent \d+ 0 R\n.*?>>`)
	var parents int
	for _, obj := range item.FindAll(pdf, -1) {
		hasKids := strings.Contains(string(obj), "/First ")
		count := regexp.MustCompile(`/Count (-?\d+)`).FindSubmatch(obj)
		switch {
		case hasKids && count == nil:
			t.Errorf("outline item with children lacks /Count:\n%s", obj)
		case hasKids && !strings.HasPrefix(string(count[1]), "-"):
			t.Errorf("outline item with children is open (/Count %s)", count[1])
		case !hasKids && count != nil:
			t.Errorf("outline item without children has /Count %s", count[1])
		}
		if hasKids {
			parents++
		}
	}
	if parents < 3 {
		t.Errorf("%d outline items with children in the fixture, want at least 3", parents)
	}
}
