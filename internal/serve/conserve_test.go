package serve

import (
	"os"
	"path/filepath"
	"testing"
)

// TestItemsLost uploads a workbook whose Part1 row 5 hides under a merged
// 項番: the page says so with the items-lost error of validate and
// render, and offers no document.
func TestItemsLost(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "checklist", "xlsx", "testdata", "bad", "merged-number.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	_, ts := newTestServer(t, Config{}, nil)
	f := convertFiles(t, ts, nil, upload{"確認表.xlsx", data}).Files[0]
	if f.Status != "rejected" || f.Errors != 1 || len(f.Findings) != 1 {
		t.Fatalf("status %s, %d errors, findings %+v", f.Status, f.Errors, f.Findings)
	}
	if fd := f.Findings[0]; fd.Code != "items-lost" || fd.Sheet != "Part1" || fd.Cell != "A5" {
		t.Errorf("finding %+v, want items-lost at Part1!A5", fd)
	}
	for _, o := range f.Outputs {
		if o.Format != "xlsx" {
			t.Errorf("document %s offered for a rejected workbook", o.Name)
		}
	}
}
