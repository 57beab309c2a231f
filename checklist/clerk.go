package checklist

import "github.com/annexgen/annexgen/checklist/wareki"

// dates applies the rules on an item's 完了日 beside its other dates: a
// 完了日 after the document's 作成日, and a 完了日 on an item that was
// already agreed at the first consultation (はい).
func (v *validator) dates(it *Item) {
	if it.Done.IsZero() {
		return
	}
	created := v.c.Info.Created
	if !created.IsZero() && created.Before(it.Done) {
		v.add(MsgDateAfterCreated, v.cell(it, FieldDone), it, formatDate(it.Done), formatDate(created))
	}
	if it.Check == CheckYes {
		v.add(MsgDoneWithoutOpen, v.cell(it, FieldDone), it, formatDate(it.Done))
	}
}

// formatDate writes a date in 和暦, as the documents do.
func formatDate(d Date) string { return wareki.Format(d.Year, d.Month, d.Day) }
