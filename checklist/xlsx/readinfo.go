package xlsx

import (
	"github.com/annexgen/annexgen/checklist"
	"github.com/annexgen/annexgen/checklist/wareki"
)

// readSigning reads the 基本情報 values about the contract and its
// signing (契約名 aside): the dates, 締結方法 and the hospital's address
// and representative. It reports whether key was one of them.
func (b *bookReader) readSigning(g *grid, r int, key string, info *checklist.Info) bool {
	switch key {
	case "本契約の締結日":
		info.MainDate = b.date(g, r, 1, "本契約の締結日", nil)
	case "締結日":
		info.SignDate = b.date(g, r, 1, "締結日", nil)
	case "効力発生日":
		info.Effective = b.date(g, r, 1, "効力発生日", nil)
	case "協議期限":
		info.Deadline = b.date(g, r, 1, "協議期限", nil)
	case "締結方法":
		b.readSignMethod(g, r, info)
	case "医療機関所在地":
		info.Hospital.Address = b.text(g, r, 1, nil)
	case "医療機関代表者":
		info.Hospital.Representative = b.text(g, r, 1, nil)
	default:
		return false
	}
	return true
}

// readSignMethod reads 締結方法: 書面 (the default, also when blank) or
// 電子契約.
func (b *bookReader) readSignMethod(g *grid, r int, info *checklist.Info) {
	v := b.text(g, r, 1, nil)
	switch foldKey(v) {
	case "", foldKey(checklist.SignPaper):
	case foldKey(checklist.SignElectronic):
		info.Electronic = true
	default:
		b.add(checklist.MsgBasicInvalidMethod, where{sheet: g.name, ref: cellRef(r, 1)}, checklist.Quote(v))
	}
}

// setPartyDetail sets a party's 担当者, 所在地 or 代表者.
func setPartyDetail(p *checklist.Party, field, value string) {
	switch field {
	case "担当者":
		p.Contact = value
	case "所在地":
		p.Address = value
	case "代表者":
		p.Representative = value
	}
}

// levelColumn returns the 0-based column of an optional header of the
// サービスレベル sheet (測定期間, 未達時の措置), or -1.
func levelColumn(g *grid, header int, name string) int {
	for c, v := range g.rows[header-1] {
		if bareKey(v) == name {
			return c
		}
	}
	return -1
}

// checkSigningDates warns of a 効力発生日 earlier than the 締結日, both
// given: the document would take effect before it is signed. seen gives
// the row of each label read.
func (b *bookReader) checkSigningDates(g *grid, info *checklist.Info, seen map[string]int) {
	if info.SignDate.IsZero() || info.Effective.IsZero() || !info.Effective.Before(info.SignDate) {
		return
	}
	b.add(checklist.MsgEffectiveEarly, where{sheet: g.name, ref: cellRef(seen["効力発生日"], 1)},
		wareki.Format(info.Effective.Year, info.Effective.Month, info.Effective.Day),
		wareki.Format(info.SignDate.Year, info.SignDate.Month, info.SignDate.Day))
}
