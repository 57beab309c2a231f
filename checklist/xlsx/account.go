package xlsx

import (
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/annexgen/annexgen/checklist"
)

// Account checks that every item row of the workbook in r, counted a
// second way (CountItems), was read into list, and returns fs with an
// items-lost error finding for each sheet whose rows were not all read,
// or for a workbook whose rows could not be counted. A checklist read
// with errors is returned unchanged: it makes no document, and its items
// may be missing for the reason those errors give. Validation and
// rendering both call it, so that a file refused by one is refused by
// the other.
func Account(list *checklist.Checklist, fs checklist.Findings, r io.ReaderAt, size int64, password string) checklist.Findings {
	if list == nil || fs.HasErrors() {
		return fs
	}
	counted, err := CountItems(r, size, password)
	return append(fs, lost(list, counted, err)...)
}

// AccountFile is Account for the workbook at path.
func AccountFile(list *checklist.Checklist, fs checklist.Findings, path string, password string) checklist.Findings {
	if list == nil || fs.HasErrors() {
		return fs
	}
	f, err := os.Open(path)
	if err != nil {
		return append(fs, lost(list, nil, err)...)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return append(fs, lost(list, nil, err)...)
	}
	return Account(list, fs, f, st.Size(), password)
}

// lost returns the findings of the item rows counted but not read, one
// per sheet, by sheet name.
func lost(list *checklist.Checklist, counted ItemRows, countErr error) checklist.Findings {
	if countErr != nil {
		return checklist.Findings{checklist.NewFinding(checklist.MsgItemsUncounted, checklist.Cell{}, nil, countErr)}
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
	var fs checklist.Findings
	for _, sheet := range slices.Sorted(maps.Keys(counted)) {
		rows := counted[sheet]
		var missing []int
		for _, r := range rows {
			if !read[sheet][r] {
				missing = append(missing, r)
			}
		}
		if len(missing) > 0 {
			fs = append(fs, checklist.NewFinding(checklist.MsgItemsLost, checklist.Cell{Sheet: sheet, Ref: fmt.Sprintf("A%d", missing[0])}, nil,
				sheet, rowNames(missing), len(rows), len(missing)))
		}
	}
	return fs
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
