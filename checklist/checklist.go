// Package checklist models the role-allocation checklist
// (「医療情報システムの契約における当事者間の役割分担等に関する確認表」):
// its parties, parts, sections and items, the rules a filled-in checklist
// must follow, and the catalogue of findings (Code, Message, Finding).
//
// The package knows neither Excel nor documents. Package checklist/xlsx
// reads a workbook into a Checklist and checklist/form writes the blank
// one. The rules (Validate) speak of items and their fields (Field); a
// Locator, which the reader implements, turns those into cells
// ("Part2!G14"). Where a value was read is also kept on the model
// (Item.Sheet and Item.Row, Party.Cell, ServiceLevel.Cell), as a source
// position that needs no knowledge of the workbook's columns.
package checklist

import (
	"fmt"
	"strings"
)

// Options control reading and validation.
type Options struct {
	Password string // for encrypted workbooks
	// Strict makes open-item and agreement-missing errors: a workbook with
	// open items or blank agreements is refused.
	Strict bool
	// DocKind is the 文書種別 the documents are made as when the command
	// line chooses one (render --doc); "" follows 基本情報.
	DocKind string
}

// The sheet names of the workbook; the Part sheets name the Parts.
const (
	SheetInfo   = "基本情報"
	SheetPart1  = "Part1"
	SheetPart2  = "Part2"
	SheetLevels = "サービスレベル"
)

// HospitalKey is the party key of the hospital (the 甲 of the documents).
// Vendors are keyed by the letter after 事業者 in 基本情報 ("A", "B", …).
const HospitalKey = "医療機関"

// Checklist is one filled-in workbook.
type Checklist struct {
	Info   Info
	Parts  []Part         // Part1 then Part2, those present in the workbook
	Levels []ServiceLevel // rows of the optional サービスレベル sheet
}

// Info holds the 基本情報 sheet.
type Info struct {
	Hospital   Party   // Key is HospitalKey
	Vendors    []Party // in the order of 基本情報
	System     string  // 対象システム
	DocKind    string  // 文書種別: "契約書別紙" (default), "覚書" or "SLA"
	Contract   string  // 契約名: the main contract (本契約)
	MainDate   Date    // 本契約の締結日
	SignDate   Date    // 締結日: the signing date of the document itself
	Effective  Date    // 効力発生日 of a 覚書 or SLA
	Electronic bool    // 締結方法 電子契約 (default 書面: on paper)
	Deadline   Date    // 協議期限: the deadline for open items
	FirstDate  Date    // 初回確認日
	Created    Date    // 作成日
	Version    string  // 版数
}

// The values of 締結方法.
const (
	SignPaper      = "書面"
	SignElectronic = "電子契約"
)

// ContractLabels are the labels the documents give the parties, in the
// order of 基本情報: the hospital 甲, then the vendors 乙, 丙, …. Parties
// past the tenth are numbered (第11当事者).
var ContractLabels = []string{"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"}

// DocKind is a value of 文書種別 and how a document of that kind names
// itself in its text.
type DocKind struct {
	Name string // as written in 基本情報: "契約書別紙"
	Self string // "本別紙"
}

// DocKinds are the values 文書種別 accepts, the default first.
var DocKinds = []DocKind{
	{Name: "契約書別紙", Self: "本別紙"},
	{Name: "覚書", Self: "本覚書"},
	{Name: "SLA", Self: "本合意書"},
}

// SelfName returns how a document of the 文書種別 name names itself
// ("本別紙"), or "" for a name DocKinds lacks.
func SelfName(name string) string {
	for _, k := range DocKinds {
		if k.Name == name {
			return k.Self
		}
	}
	return ""
}

// RolesOnly reports whether a 合意内容 says that the roles alone are
// agreed: 「役割分担のとおり」 or a dash.
func RolesOnly(agreement string) bool {
	switch strings.TrimSpace(agreement) {
	case "役割分担のとおり", "役割分担のとおり。", "-", "－", "‐", "ー", "―":
		return true
	}
	return false
}

// VendorKey returns the key of the i-th vendor (0-based), counted like
// spreadsheet columns: "A" … "Z", then "AA", "AB", … "ZZ".
func VendorKey(i int) string {
	if i < 26 {
		return string(rune('A' + i))
	}
	i -= 26
	return string(rune('A'+i/26%26)) + string(rune('A'+i%26))
}

// MaxVendors is the number of vendors a checklist can have: one key for
// each of "A" to "ZZ".
const MaxVendors = 26 + 26*26

// Party is the hospital or a vendor.
type Party struct {
	Key            string // HospitalKey, or the vendor's letter ("A")
	Name           string // 医療機関名 or 事業者A's value
	Contact        string // 医療機関担当者 or 事業者A担当者
	Address        string // 医療機関所在地 or 事業者A所在地
	Representative string // 医療機関代表者 or 事業者A代表者: 役職 and 氏名
	Cell           Cell   // where the name was read
}

// Parties returns the hospital followed by the vendors.
func (i *Info) Parties() []Party {
	return append([]Party{i.Hospital}, i.Vendors...)
}

// Vendor returns the vendor with the given key.
func (i *Info) Vendor(key string) (Party, bool) {
	for _, v := range i.Vendors {
		if v.Key == key {
			return v, true
		}
	}
	return Party{}, false
}

// Part is the Part1 or Part2 sheet.
type Part struct {
	Name     string    // "Part1" or "Part2"
	Title    string    // the part's description from the title rows, if any
	Sections []Section // Part1 without sections has one Section with an empty Letter
}

// Items returns the part's items in workbook order.
func (p *Part) Items() []*Item {
	var items []*Item
	for si := range p.Sections {
		for ii := range p.Sections[si].Items {
			items = append(items, &p.Sections[si].Items[ii])
		}
	}
	return items
}

// Section is a lettered group of items ("A 共通").
type Section struct {
	Letter string // "A"; empty for items before any section row
	Title  string // "共通"
	Items  []Item
}

// Item is one row of the checklist.
type Item struct {
	ID        string // "Part1 1", "Part2 A-1"
	Part      string // "Part1"
	Section   string // section letter, may be empty
	Number    string // 項番 as normalised: "1", "A-1"
	Title     string // 項目
	Content   string // 内容
	Check     Check  // 初回確認
	Done      Date   // 完了日
	Roles     []Role // the hospital first, then the vendors in 基本情報 order
	Agreement string // 合意内容
	Remarks   string // 備考
	Sheet     string // the sheet name as written in the workbook
	Row       int    // 1-based row number
}

// Role returns the mark of the party with the given key.
func (it *Item) Role(key string) Mark {
	for _, r := range it.Roles {
		if r.Party == key {
			return r.Mark
		}
	}
	return MarkNone
}

// Owners returns the keys of the parties marked ◎.
func (it *Item) Owners() []string {
	var keys []string
	for _, r := range it.Roles {
		if r.Mark == MarkOwner {
			keys = append(keys, r.Party)
		}
	}
	return keys
}

// Applicable reports whether the item is not set aside as 対象外.
func (it *Item) Applicable() bool { return it.Check != CheckNA }

// Open reports whether the item is still being negotiated:
// 初回確認 is いいえ and 完了日 is blank.
func (it *Item) Open() bool { return it.Check == CheckNo && it.Done.IsZero() }

// Role is one party's mark on an item.
type Role struct {
	Party string // HospitalKey or a vendor key
	Mark  Mark
}

// Mark is a role mark.
type Mark int

// The role marks, from no involvement to accountable.
const (
	MarkNone    Mark = iota // blank: 関与なし
	MarkSupport             // △ 支援
	MarkDo                  // ○ 実施
	MarkOwner               // ◎ 主担当
)

// Symbol returns the mark as printed: "◎", "○", "△", or "" for MarkNone.
func (m Mark) Symbol() string {
	switch m {
	case MarkOwner:
		return "◎"
	case MarkDo:
		return "○"
	case MarkSupport:
		return "△"
	}
	return ""
}

// Label returns the mark's meaning: "主担当", "実施", "支援" or "関与なし".
func (m Mark) Label() string {
	switch m {
	case MarkOwner:
		return "主担当"
	case MarkDo:
		return "実施"
	case MarkSupport:
		return "支援"
	}
	return "関与なし"
}

// Marks lists the marks that carry a role, strongest first.
var Marks = []Mark{MarkOwner, MarkDo, MarkSupport}

// Check is the state recorded in 初回確認.
type Check int

// The values of 初回確認.
const (
	CheckBlank Check = iota // not yet checked
	CheckYes                // はい
	CheckNo                 // いいえ
	CheckNA                 // 対象外
)

// String returns the value as written in the workbook ("" for CheckBlank).
func (c Check) String() string {
	switch c {
	case CheckYes:
		return "はい"
	case CheckNo:
		return "いいえ"
	case CheckNA:
		return "対象外"
	}
	return ""
}

// Date is a calendar date without a time zone. The zero Date means blank.
type Date struct {
	Year, Month, Day int
}

// IsZero reports whether the date is blank.
func (d Date) IsZero() bool { return d == Date{} }

// String formats the date as 2024-06-01, or "" when blank.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// Before reports whether date d is earlier than b.
func (d Date) Before(b Date) bool {
	if d.Year != b.Year {
		return d.Year < b.Year
	}
	if d.Month != b.Month {
		return d.Month < b.Month
	}
	return d.Day < b.Day
}

// ServiceLevel is one row of the サービスレベル sheet.
type ServiceLevel struct {
	Metric string   // 指標
	Target string   // 目標値
	Method string   // 測定方法
	Period string   // 測定期間; "" means monthly
	Remedy string   // 未達時の措置; "" when the sheet states none
	Items  []string // 関連項番, as item ids ("Part2 B-2")
	Cell   Cell     // the row's 指標 cell
}

// Cell is a location in the workbook.
type Cell struct {
	Sheet string // sheet name as written in the workbook
	Ref   string // A1 reference, "G14"; empty for a whole sheet
}

// String returns "Sheet!G14", or the sheet name alone.
func (c Cell) String() string {
	if c.Ref == "" {
		return c.Sheet
	}
	return c.Sheet + "!" + c.Ref
}
