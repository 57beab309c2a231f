package convert

import (
	"fmt"
	"regexp"

	"github.com/annexgen/annexgen/checklist"
)

// The conservation of items: every item row of a Part sheet is in the
// documents, or an error finding names it and nothing is made. The rows
// are counted a second way and compared with what the reader read
// (xlsx.Account, which validation calls too); each item's id is then
// looked for in the Markdown made. A mistake anywhere in between becomes
// an error, never a shorter contract.

// requirePart2 returns the findings of a checklist about to be rendered
// with part-missing raised to an error: validate only warns that Part2 is
// missing, render refuses the workbook.
func requirePart2(list *checklist.Checklist, fs checklist.Findings) checklist.Findings {
	for _, p := range list.Parts {
		if p.Name == checklist.SheetPart2 {
			return fs
		}
	}
	out := append(checklist.Findings(nil), fs...)
	for i := range out {
		if out[i].Code == checklist.PartMissing {
			out[i].Severity = checklist.SeverityError
			return out
		}
	}
	f := checklist.NewFinding(checklist.MsgPartMissing, checklist.Cell{Sheet: checklist.SheetPart2}, nil)
	f.Severity = checklist.SeverityError
	return append(out, f)
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
