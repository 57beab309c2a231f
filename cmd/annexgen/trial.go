package main

import (
	"bytes"
	"fmt"

	"github.com/annexgen/annexgen/checklist"
	"github.com/annexgen/annexgen/checklist/form"
	"github.com/annexgen/annexgen/checklist/xlsx"
	"github.com/annexgen/annexgen/internal/convert"
)

// tryTemplates applies the user's templates to a filled-in trial
// checklist before any workbook is converted, so that a mistake that
// shows only when a document is written is reported once, up front,
// with the template's file and line, rather than once per workbook.
func tryTemplates(pipeline *convert.Converter) error {
	list, err := trialChecklist()
	if err != nil {
		return fmt.Errorf("ひな形を試せません: %w", err)
	}
	if err := pipeline.TryTemplates(list); err != nil {
		return fmt.Errorf("ひな形に誤りがあります: %w", err)
	}
	return nil
}

// trialChecklist is the blank form's items filled in every way a
// template must handle: each role mark, settled, open, 対象外 and
// completed items, remarks, and a service level.
func trialChecklist() (*checklist.Checklist, error) {
	var buf bytes.Buffer
	if err := form.Write(&buf, form.Form{Vendors: []string{"試験用株式会社", "試験用データセンター株式会社"}}); err != nil {
		return nil, err
	}
	list, _, err := xlsx.Read(bytes.NewReader(buf.Bytes()), int64(buf.Len()), "trial.xlsx", checklist.Options{})
	if err != nil {
		return nil, err
	}
	list.Info.Hospital.Name, list.Info.Hospital.Contact = "試験用病院", "情報管理室"
	list.Info.System, list.Info.Contract = "試験用システム", "試験用契約"
	list.Info.FirstDate = checklist.Date{Year: 2025, Month: 4, Day: 1}
	list.Info.Created = checklist.Date{Year: 2025, Month: 5, Day: 1}
	marks := []checklist.Mark{checklist.MarkOwner, checklist.MarkDo, checklist.MarkSupport, checklist.MarkNone}
	checks := []checklist.Check{checklist.CheckYes, checklist.CheckNo, checklist.CheckNo, checklist.CheckNA, checklist.CheckBlank}
	n := 0
	var level string
	for p := range list.Parts {
		for s := range list.Parts[p].Sections {
			for i := range list.Parts[p].Sections[s].Items {
				it := &list.Parts[p].Sections[s].Items[i]
				for r := range it.Roles {
					it.Roles[r].Mark = marks[(n+r)%len(marks)]
				}
				it.Check = checks[n%len(checks)]
				if n%len(checks) == 2 {
					it.Done = checklist.Date{Year: 2025, Month: 4, Day: 20}
				}
				it.Agreement, it.Remarks = "試験用の合意内容", "試験用の備考"
				level = it.ID
				n++
			}
		}
	}
	list.Levels = append(list.Levels, checklist.ServiceLevel{Metric: "稼働率", Target: "99.5%以上", Method: "月間", Items: []string{level}})
	return list, nil
}
