package convert

import (
	"fmt"
	"os"
	"regexp"
	"strings"

	"github.com/annexgen/annexgen/checklist"
	"github.com/annexgen/annexgen/checklist/xlsx"
)

// The conservation of items: every item row of a Part sheet is in the
// documents, or an error finding names it and nothing is made. The rows
// are counted a second way (xlsx.CountItems), from the file's raw XML,
// and compared with what the reader read; each item's id is then looked
// for in the Markdown made. A mistake anywhere in between becomes an
// error, never a shorter contract.

// countFile counts the item rows of the workbook at path.
func countFile(path string, password string) (xlsx.ItemRows, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	return xlsx.CountItems(f, st.Size(), password)
}

// account checks a checklist that has been read without errors before
// its documents are made: Part2 is there (validate only warns of its
// absence), and every item row counted in the file was read. It returns
// the findings with part-missing raised to an error, and the findings of
// items lost.
func account(list *checklist.Checklist, fs checklist.Findings, counted xlsx.ItemRows, countErr error) checklist.Findings {
	out := append(checklist.Findings(nil), fs...)
	hasPart2 := false
	for _, p := range list.Parts {
		hasPart2 = hasPart2 || p.Name == checklist.SheetPart2
	}
	if !hasPart2 {
		raised := false
		for i := range out {
			if out[i].Code == checklist.PartMissing {
				out[i].Severity, raised = checklist.SeverityError, true
			}
		}
		if !raised {
			f := checklist.NewFinding(checklist.MsgPartMissing, checklist.Cell{Sheet: checklist.SheetPart2}, nil)
			f.Severity = checklist.SeverityError
			out = append(out, f)
		}
	}
	if countErr != nil {
		return append(out, checklist.NewFinding(checklist.MsgItemsUncounted, checklist.Cell{}, nil, countErr))
	}
	read := map[string]map[int]bool{} // sheet -> item rows read
	for _, p := range list.Parts {
		for _, it := range p.Items() {
			if read[it.Sheet] == nil {
				read[it.Sheet] = map[int]bool{}
			}
			read[it.Sheet][it.Row] = true
		}
	}
	for sheet, rows := range counted {
		var lost []int
		for _, r := range rows {
			if !read[sheet][r] {
				lost = append(lost, r)
			}
		}
		if len(lost) > 0 {
			out = append(out, checklist.NewFinding(checklist.MsgItemsLost, checklist.Cell{Sheet: sheet, Ref: fmt.Sprintf("A%d", lost[0])}, nil,
				sheet, rowNames(lost), len(rows), len(lost)))
		}
	}
	return out
}

// rowNames names rows: "5行目、7行目ほか3行".
func rowNames(rows []int) string {
	var names []string
	for _, r := range rows[:min(len(rows), 5)] {
		names = append(names, fmt.Sprintf("%d行目", r))
	}
	s := strings.Join(names, "、")
	if len(rows) > 5 {
		s += fmt.Sprintf("ほか%d行", len(rows)-5)
	}
	return s
}

// lostInMarkdown returns a finding for each item of the checklist whose
// id heads no section of the Markdown documents made from it: every item
// has a section of its own, so an id named only in passing (a list of
// open items, the 参考 appendix) does not count.
func lostInMarkdown(list *checklist.Checklist, mds [][]byte, kind string) checklist.Findings {
	seen := map[string]bool{}
	for _, md := range mds {
		for _, h := range reHeading.FindAll(md, -1) {
			for _, id := range reItemID.FindAll(h, -1) {
				seen[string(id)] = true
			}
		}
	}
	var fs checklist.Findings
	for _, p := range list.Parts {
		for _, it := range p.Items() {
			if !seen[it.ID] {
				fs = append(fs, checklist.NewFinding(checklist.MsgItemsLostDocument, checklist.Cell{Sheet: it.Sheet, Ref: fmt.Sprintf("A%d", it.Row)}, nil, it.ID, kind))
			}
		}
	}
	return fs
}

// reHeading matches a Markdown heading line.
var reHeading = regexp.MustCompile(`(?m)^#{1,6}[ \t].*$`)

// reItemID matches an item id as the documents print it, whole: "Part1 1",
// "Part2 A-1", "Part2 AB-1-2" ("Part1 10" is not "Part1 1").
var reItemID = regexp.MustCompile(`Part[0-9]+ (?:[A-Z]{1,2}-)?[0-9]+(?:-[0-9]+)*`)
