// Package document is the format-neutral model of the documents made from
// a checklist: which kinds exist, who the parties are and how they are
// labelled (甲, 乙, 丙, …), which items, open items, items set aside and
// service levels a document holds (the whole document, or one vendor's),
// and its title and metadata.
//
// Every renderer takes a Document and prints it; none re-derives any of
// these decisions. Text fields hold plain cell text, normalized (see
// Normalize); escaping it for a format is the renderer's job.
package document

import (
	"fmt"
	"strings"

	"github.com/annexgen/annexgen/checklist"
	"github.com/annexgen/annexgen/checklist/wareki"
)

// Document is one document made from a checklist.
type Document struct {
	Kind      Kind
	Vendor    string // the vendor key of a per-vendor document ("A"), or "" for the whole document
	Title     string // see Title
	Self      string // how the document names itself: "本別紙", "本覚書" or "本合意書"
	Signed    bool   // the document has its own signature block (覚書, SLA)
	System    string // 対象システム
	Contract  string // 契約名, may be empty
	MainDate  string // 本契約の締結日 in 和暦, or ""
	SignDate  string // 締結日 in 和暦, or "令和　　年　　月　　日" when blank
	Effective string // 効力発生日 in 和暦, or "" (the document takes effect when signed)
	// Electronic is true when the document is signed electronically
	// (締結方法 電子契約): no 印, an electronic record.
	Electronic bool
	Deadline   string // 協議期限 in 和暦, or "令和　　年　　月　　日" when blank
	// Bookkeeping of the checklist, printed only in the non-binding 参考
	// appendix.
	Version   string // 版数, may be empty
	Created   string // 作成日 in 和暦, or ""
	FirstDate string // 初回確認日 in 和暦, or ""

	Hospital Party   // 甲
	Vendors  []Party // the vendors in this document: 乙, 丙, … (a vendor keeps its label in its own document)
	Parties  []Party // Hospital, then Vendors
	// Related are the other vendors of a per-vendor document that its text
	// names by label (関係事業者): defined in it, not parties to it. Empty
	// for the whole document.
	Related      []Party
	PerVendor    bool   // the document covers one vendor of several
	VendorLabels string // the vendors' labels as a phrase: "乙", "乙及び丙", "乙、丙及び丁"
	Between      string // "甲乙間", "甲乙丙間"; "各当事者間" for more than four parties

	Parts  []Part   // the items, by Part and section, in workbook order
	Items  []*Item  // the same items in one list
	Open   []*Item  // items still being negotiated (いいえ without 完了日)
	NA     []*Item  // items set aside as 対象外
	Levels []*Level // service-level targets (サービスレベル sheet) in this document
	// LevelsTable is the appended table of the service levels in an SLA
	// ("別表1"), or "".
	LevelsTable string
	// Unwritten are the applicable items whose 合意内容 is blank: they
	// print the 合意内容未記入 marker.
	Unwritten []*Item

	Meta Meta // what a rendered file stores about itself
}

// Party is the hospital or a vendor as named in the document.
type Party struct {
	Label          string // 甲, 乙, 丙, … 癸, then 第11当事者, 第12当事者, …
	Key            string // checklist.HospitalKey or the vendor's key ("A")
	Name           string // 医療機関名 or the vendor's name
	Contact        string // 担当者, may be empty
	Address        string // 所在地, may be empty
	Representative string // 代表者 (役職 氏名), may be empty
	// Conj joins the party to the ones before it when all are listed in
	// one sentence: "" for the first, then "と" for two parties, or "、"
	// and "及び" before the last of three or more.
	Conj string
}

// Part is Part1 or Part2.
type Part struct {
	Name     string // "Part1"
	Table    string // the appended table that holds it: "別表1"
	Title    string // the part's description, e.g. 主に医療機関が実施する項目
	Depth    int    // heading depth: 2
	Sections []Section
}

// Section is a lettered group of items; Letter is empty for items that
// come before any section row.
type Section struct {
	Letter string // "A"
	Title  string // "共通"
	Depth  int    // heading depth: 3
	Items  []*Item
}

// Item is one checklist item.
type Item struct {
	ID        string // "Part2 A-1"
	Number    string // "A-1"
	Title     string // 項目
	Content   string // 内容
	Agreement string // 合意内容
	Remarks   string // 備考; for 対象外 items, the reason
	Depth     int    // heading depth: 4 in a lettered section, 3 otherwise
	Table     string // the appended table that holds it: "別表1"
	Check     string // 初回確認: "はい", "いいえ", "対象外" or "" (not yet checked)
	Done      string // 完了日 in 和暦, or ""
	Roles     []Role // one per party of the document, in party order
	// Applicable is false for 対象外 items; Open is true for items still
	// being negotiated (いいえ without 完了日).
	Applicable, Open bool
	// RolesOnly is true when 合意内容 says the roles alone are agreed
	// (「役割分担のとおり」 or a dash); Unwritten when an applicable
	// item's 合意内容 is blank.
	RolesOnly, Unwritten bool
	// OtherRoles are the roles of the related vendors (Document.Related)
	// in the item; Others is true when another vendor, neither a party nor
	// related, has a role in it (per-vendor documents only).
	Others     bool
	OtherRoles []Role
	Levels     []*Level // service levels naming this item (SLA only)

	src *checklist.Item // the checklist's item
}

// Role is one party's role in an item.
type Role struct {
	Party  Party
	Symbol string // "◎", "○", "△" or ""
	Label  string // "主担当", "実施", "支援" or "関与なし"
	Mark   string // symbol and label: "◎ 主担当", or "関与なし"
}

// Level is one service-level target.
type Level struct {
	Number int      // 1, 2, … in the document's order
	Metric string   // 指標
	Target string   // 目標値
	Method string   // 測定方法
	Period string   // 測定期間; "" means the calendar month
	Remedy string   // 未達時の措置; "" when the sheet states none
	Items  []string // 関連項番, as item ids
	Refs   string   // the same ids joined with "、"
	// Obligors are the labels of the vendors bound to meet the target:
	// those with ◎ or ○ on a related item, else every vendor of the
	// document ("乙", "乙及び丙").
	Obligors string
}

// Title returns the title of a document of kind k, as printed at its top
// and stored in its metadata: "別紙　〇〇システムの安全管理に係る役割分担",
// "〇〇保守契約に係る役割分担に関する覚書", or "〇〇システム
// サービス・レベル合意書".
func Title(k Kind, c *checklist.Checklist) string {
	s, ok := k.spec()
	if !ok {
		s = kinds[0]
	}
	return s.title(Normalize(c.Info.Contract), Normalize(c.Info.System))
}

// partyLabels are the traditional labels of the parties to a contract.
var partyLabels = checklist.ContractLabels

// PartyLabel returns the label of the i-th party (0-based): 甲, 乙, … 癸,
// then 第11当事者, 第12当事者, ….
func PartyLabel(i int) string {
	if i >= 0 && i < len(partyLabels) {
		return partyLabels[i]
	}
	return fmt.Sprintf("第%d当事者", i+1)
}

// blankDate is printed for a blank date, to be filled in by hand.
const blankDate = "令和　　年　　月　　日"

func formatDate(d checklist.Date) string {
	if d.IsZero() {
		return ""
	}
	return wareki.Format(d.Year, d.Month, d.Day)
}

// joinLabels writes labels as a Japanese enumeration: "乙", "乙及び丙",
// "乙、丙及び丁".
func joinLabels(labels []string) string {
	switch len(labels) {
	case 0:
		return ""
	case 1:
		return labels[0]
	}
	return strings.Join(labels[:len(labels)-1], "、") + "及び" + labels[len(labels)-1]
}

// defaultPartTitles are used when the workbook gives no description.
var defaultPartTitles = map[string]string{
	"Part1": "主に医療機関が実施する項目",
	"Part2": "医療機関と事業者が共同で実施する項目",
}

// Vendors returns the documents to make of c: [""] for the whole document,
// or with perVendor one vendor key per vendor, in 基本情報 order.
func Vendors(c *checklist.Checklist, perVendor bool) []string {
	if !perVendor {
		return []string{""}
	}
	keys := []string{}
	for _, v := range c.Info.Vendors {
		keys = append(keys, v.Key)
	}
	return keys
}
