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
	Self      string // how the document names itself: "本別紙" or "本合意書"
	System    string // 対象システム
	Contract  string // 契約名, may be empty
	Version   string // 版数, may be empty
	Created   string // 作成日 in 和暦, or "令和　　年　　月　　日" when blank
	FirstDate string // 初回確認日 in 和暦, or ""

	Hospital     Party   // 甲
	Vendors      []Party // the vendors in this document: 乙, 丙, … (a vendor keeps its label in its own document)
	Parties      []Party // Hospital, then Vendors
	PerVendor    bool    // the document covers one vendor of several
	VendorLabels string  // the vendors' labels as a phrase: "乙", "乙及び丙", "乙、丙及び丁"
	Between      string  // "甲乙間", "甲乙丙間"; "各当事者間" for more than four parties

	Parts  []Part   // the items, by Part and section, in workbook order
	Items  []*Item  // the same items in one list
	Open   []*Item  // items still being negotiated (いいえ without 完了日)
	NA     []*Item  // items set aside as 対象外
	Levels []*Level // service-level targets (サービスレベル sheet) in this document

	Meta Meta // what a rendered file stores about itself
}

// Party is the hospital or a vendor as named in the document.
type Party struct {
	Label   string // 甲, 乙, 丙, … 癸, then 第11当事者, 第12当事者, …
	Key     string // checklist.HospitalKey or the vendor's key ("A")
	Name    string // 医療機関名 or the vendor's name
	Contact string // 担当者, may be empty
	// Conj joins the party to the ones before it when all are listed in
	// one sentence: "" for the first, then "と" for two parties, or "、"
	// and "及び" before the last of three or more.
	Conj string
}

// Part is Part1 or Part2.
type Part struct {
	Name     string // "Part1"
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
	Check     string // 初回確認: "はい", "いいえ", "対象外" or "" (not yet checked)
	Done      string // 完了日 in 和暦, or ""
	Roles     []Role // one per party of the document, in party order
	// Applicable is false for 対象外 items; Open is true for items still
	// being negotiated (いいえ without 完了日).
	Applicable, Open bool
	// Others is true when a vendor outside this document has a role in the
	// item (per-vendor documents only).
	Others bool
	Levels []*Level // service levels naming this item (SLA only)
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
	Items  []string // 関連項番, as item ids
	Refs   string   // the same ids joined with "、"
}

// Title returns the title of a document of kind k, as printed at its top
// and stored in its metadata: "〇〇システム保守契約 別紙 役割分担表", or
// "〇〇システム サービス・レベル合意書".
func Title(k Kind, c *checklist.Checklist) string {
	s, ok := k.spec()
	if !ok {
		s = kinds[0]
	}
	return s.title(Normalize(c.Info.Contract), Normalize(c.Info.System))
}

// partyLabels are the traditional labels of the parties to a contract.
var partyLabels = []string{"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"}

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
