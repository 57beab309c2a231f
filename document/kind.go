package document

import (
	"strings"

	"github.com/annexgen/annexgen/checklist"
)

// Kind names a document kind: "annex", "memorandum", "sla". It is the DOC
// of the output names (STEM.annex.pdf) and the value of render --doc.
type Kind string

// The document kinds.
const (
	Annex      Kind = "annex"      // 契約書別紙: part of the main contract, no signature block
	Memorandum Kind = "memorandum" // 覚書: a standalone agreement with its own signature block
	SLA        Kind = "sla"        // サービス・レベル合意書
)

// kindSpec is everything that differs between document kinds. Adding a kind
// is adding one entry to kinds (and its main template).
type kindSpec struct {
	kind     Kind
	japanese string // 文書種別 as written in the workbook; checklist.SelfName gives how the document names itself
	signed   bool   // the document has its own signature block (a standalone agreement)
	// title returns the document's title from 契約名 and 対象システム
	// (normalized, either may be empty).
	title func(contract, system string) string
}

// kinds registers the document kinds, in the order they are listed.
var kinds = []kindSpec{
	{kind: Annex, japanese: "契約書別紙", title: annexTitle},
	{kind: Memorandum, japanese: "覚書", signed: true, title: memorandumTitle},
	{kind: SLA, japanese: "SLA", signed: true, title: slaTitle},
}

func annexTitle(_, system string) string {
	if system == "" {
		return "別紙　医療情報システムの安全管理に係る役割分担"
	}
	return "別紙　" + system + "の安全管理に係る役割分担"
}

func memorandumTitle(contract, system string) string {
	switch {
	case contract != "":
		return contract + "に係る役割分担に関する覚書"
	case system != "":
		return system + "の安全管理に係る役割分担に関する覚書"
	}
	return "医療情報システムの安全管理に係る役割分担に関する覚書"
}

func slaTitle(_, system string) string {
	if system == "" {
		return "サービス・レベル合意書"
	}
	return system + " サービス・レベル合意書"
}

// Kinds lists the document kinds.
func Kinds() []Kind {
	ks := make([]Kind, len(kinds))
	for i, s := range kinds {
		ks[i] = s.kind
	}
	return ks
}

// KindNames lists the kinds as a Japanese enumeration for messages:
// "annex または sla", "annex、memorandum または sla".
func KindNames(or string) string {
	names := make([]string, len(kinds))
	for i, s := range kinds {
		names[i] = string(s.kind)
	}
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], "、") + " " + or + " " + names[len(names)-1]
}

// spec returns the registration of k; ok is false for an unknown kind.
func (k Kind) spec() (kindSpec, bool) {
	for _, s := range kinds {
		if s.kind == k {
			return s, true
		}
	}
	return kindSpec{}, false
}

// Valid reports whether k is a known document kind.
func (k Kind) Valid() bool {
	_, ok := k.spec()
	return ok
}

// File returns the name of the kind's main template: "annex.md.tmpl".
func (k Kind) File() string { return string(k) + ".md.tmpl" }

// Japanese returns the kind as 文書種別 spells it: "契約書別紙", "覚書",
// "SLA"; "" for an unknown kind.
func (k Kind) Japanese() string {
	s, _ := k.spec()
	return s.japanese
}

// Self returns how a document of the kind names itself: "本別紙",
// "本覚書", "本合意書".
func (k Kind) Self() string {
	s, _ := k.spec()
	return checklist.SelfName(s.japanese)
}

// Signed reports whether a document of the kind is a standalone agreement
// with its own signature block (覚書, SLA) rather than part of the main
// contract (別紙).
func (k Kind) Signed() bool {
	s, _ := k.spec()
	return s.signed
}

// KindOf returns the kind that a workbook's 文書種別 names: the kind whose
// Japanese spelling it is, and Annex when it is blank or names none.
func KindOf(docKind string) Kind {
	for _, s := range kinds {
		if s.japanese == docKind {
			return s.kind
		}
	}
	return Annex
}
