package diff

import (
	"strings"

	"github.com/annexgen/annexgen/checklist"
	"github.com/annexgen/annexgen/document"
)

// infoValues are the 基本情報 values the agreement holds, with their
// labels as the workbook writes them; vendors follow, by key.
func infoValues(i *checklist.Info) [][2]string {
	return [][2]string{
		{"医療機関名", i.Hospital.Name},
		{"医療機関担当者", i.Hospital.Contact},
		{"対象システム", i.System},
		{"文書種別", i.DocKind},
		{"契約名", i.Contract},
		{"本契約の締結日", formatDate(i.MainDate)},
		{"締結日", formatDate(i.SignDate)},
		{"効力発生日", formatDate(i.Effective)},
		{"協議期限", formatDate(i.Deadline)},
		{"締結方法", signing(i.Electronic)},
		{"医療機関所在地", i.Hospital.Address},
		{"医療機関代表者", i.Hospital.Representative},
	}
}

// signing names how the document is signed, as 基本情報 締結方法 says it.
func signing(electronic bool) string {
	if electronic {
		return checklist.SignElectronic
	}
	return checklist.SignPaper
}

// vendorValues are the values of one vendor.
func vendorValues(p checklist.Party) [][2]string {
	return [][2]string{
		{"事業者" + p.Key, p.Name},
		{"事業者" + p.Key + "担当者", p.Contact},
		{"事業者" + p.Key + "所在地", p.Address},
		{"事業者" + p.Key + "代表者", p.Representative},
	}
}

// compareInfo returns the 基本情報 values that changed: the hospital and
// the contract, then each vendor (matched by key) in the new order, then
// the vendors only the old version has.
func compareInfo(b *budget, old, new *checklist.Info) []Field {
	var out []Field
	ov, nv := infoValues(old), infoValues(new)
	for k := range nv {
		if f, ok := compareField(b, nv[k][0], ov[k][1], nv[k][1]); ok {
			out = append(out, f)
		}
	}
	for _, p := range new.Vendors {
		o, ok := old.Vendor(p.Key)
		for k, v := range vendorValues(p) {
			switch {
			case !ok && document.Normalize(v[1]) != "":
				out = append(out, addedField(v[0], v[1]))
			case ok:
				if f, changed := compareField(b, v[0], vendorValues(o)[k][1], v[1]); changed {
					out = append(out, f)
				}
			}
		}
	}
	for _, p := range old.Vendors {
		if _, ok := new.Vendor(p.Key); ok {
			continue
		}
		for _, v := range vendorValues(p) {
			if document.Normalize(v[1]) != "" {
				out = append(out, removedField(v[0], v[1]))
			}
		}
	}
	return out
}

// bookkeeping returns the 基本情報 values that record the checklist's
// history rather than the agreement, where they changed.
func bookkeeping(b *budget, old, new *checklist.Info) []Field {
	values := func(i *checklist.Info) [][2]string {
		return [][2]string{
			{"版数", i.Version},
			{"作成日", formatDate(i.Created)},
			{"初回確認日", formatDate(i.FirstDate)},
		}
	}
	var out []Field
	ov, nv := values(old), values(new)
	for k := range nv {
		if f, ok := compareField(b, nv[k][0], ov[k][1], nv[k][1]); ok {
			out = append(out, f)
		}
	}
	return out
}

// levelValues are the values of a service level, labelled.
func levelValues(l *checklist.ServiceLevel) [][2]string {
	return [][2]string{
		{"指標", l.Metric},
		{"目標値", l.Target},
		{"測定方法", l.Method},
		{"関連項番", strings.Join(l.Items, "、")},
		{"測定期間", l.Period},
		{"未達時の措置", l.Remedy},
	}
}

// compareLevels matches service levels by 指標 (in order, where several
// share one) and returns those changed, added and removed.
func compareLevels(b *budget, old, new []checklist.ServiceLevel) []Level {
	free := map[string][]int{}
	for i := range old {
		m := document.Normalize(old[i].Metric)
		free[m] = append(free[m], i)
	}
	used := make([]bool, len(old))
	var out []Level
	for j := range new {
		n := &new[j]
		m := document.Normalize(n.Metric)
		c := free[m]
		if len(c) == 0 {
			out = append(out, wholeLevel(Added, n))
			continue
		}
		free[m], used[c[0]] = c[1:], true
		l := Level{Change: Changed, Metric: m}
		ov, nv := levelValues(&old[c[0]]), levelValues(n)
		for k := range nv {
			if f, ok := compareField(b, nv[k][0], ov[k][1], nv[k][1]); ok {
				l.Fields = append(l.Fields, f)
			}
		}
		if len(l.Fields) > 0 {
			out = append(out, l)
		}
	}
	for i := range old {
		if !used[i] {
			out = append(out, wholeLevel(Removed, &old[i]))
		}
	}
	return out
}

// wholeLevel is a service level only one version has.
func wholeLevel(c Change, l *checklist.ServiceLevel) Level {
	out := Level{Change: c, Metric: document.Normalize(l.Metric)}
	for _, v := range levelValues(l) {
		if document.Normalize(v[1]) == "" {
			continue
		}
		if c == Added {
			out.Fields = append(out.Fields, addedField(v[0], v[1]))
		} else {
			out.Fields = append(out.Fields, removedField(v[0], v[1]))
		}
	}
	return out
}
