package xlsx

import (
	"flag"
	"fmt"
	"github.com/annexgen/annexgen/checklist"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// dump writes what was read, value by value, and the findings with their
// messages, for golden files.
func dump(c *checklist.Checklist, fs checklist.Findings) string {
	var b strings.Builder
	q := func(s string) string { return fmt.Sprintf("%q", s) }
	in := c.Info
	fmt.Fprintf(&b, "医療機関 %s %s %s\n", q(in.Hospital.Name), q(in.Hospital.Contact), in.Hospital.Cell)
	for _, v := range in.Vendors {
		fmt.Fprintf(&b, "事業者%s %s %s %s\n", v.Key, q(v.Name), q(v.Contact), v.Cell)
	}
	fmt.Fprintf(&b, "対象システム %s 文書種別 %s 契約名 %s 版数 %s 初回確認日 %s 作成日 %s\n",
		q(in.System), q(in.DocKind), q(in.Contract), q(in.Version), in.FirstDate, in.Created)
	for _, p := range c.Parts {
		fmt.Fprintf(&b, "\n%s %s\n", p.Name, q(p.Title))
		for _, s := range p.Sections {
			fmt.Fprintf(&b, "  section %s %s\n", q(s.Letter), q(s.Title))
			for _, it := range s.Items {
				var roles []string
				for _, r := range it.Roles {
					roles = append(roles, r.Party+"="+r.Mark.Symbol())
				}
				fmt.Fprintf(&b, "    %s (%s!%d) number %s title %s\n      content %s\n      check %s done %s roles %s\n      agreement %s remarks %s\n",
					it.ID, it.Sheet, it.Row, q(it.Number), q(it.Title), q(it.Content), q(it.Check.String()), it.Done,
					strings.Join(roles, " "), q(it.Agreement), q(it.Remarks))
			}
		}
	}
	for _, l := range c.Levels {
		fmt.Fprintf(&b, "\nlevel %s %s %s %s %v\n", l.Cell, q(l.Metric), q(l.Target), q(l.Method), l.Items)
	}
	b.WriteString("\nfindings\n")
	for _, f := range fs {
		fmt.Fprintf(&b, "%s %s %s %s\n  %s\n", f.Severity, f.Code, f.Location(), f.Item, f.Message)
	}
	return b.String()
}

// checkGolden compares got with the golden file, or rewrites it with -update.
func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs (go test -update rewrites it):\n--- got\n%s", path, got)
	}
}

// TestOfficeWorkbooks reads workbooks saved by LibreOffice from the .fods
// sources next to them (see testdata/office/make.py).
func TestOfficeWorkbooks(t *testing.T) {
	files, _ := filepath.Glob("testdata/office/*.xlsx")
	if len(files) == 0 {
		t.Fatal("no office workbooks")
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			c, fs, err := Load(file, checklist.Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range fs {
				checkMessage(t, f)
			}
			checkGolden(t, strings.TrimSuffix(file, ".xlsx")+".golden", dump(c, fs))
		})
	}
}
