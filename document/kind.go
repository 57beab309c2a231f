package document

import "strings"

// Kind names a document kind: "annex", "sla". It is the DOC of the output
// names (STEM.annex.pdf) and the value of render --doc.
type Kind string

// The document kinds.
const (
	Annex Kind = "annex" // 契約書別紙 (役割分担表)
	SLA   Kind = "sla"   // サービス・レベル合意書
)

// kindSpec is everything that differs between document kinds. Adding a kind
// is adding one entry to kinds (and its main template).
type kindSpec struct {
	kind     Kind
	japanese string // 文書種別 as written in the workbook
	self     string // how the document names itself in its text
	// title returns the document's title from 契約名 and 対象システム
	// (normalized, either may be empty).
	title func(contract, system string) string
}

// kinds registers the document kinds, in the order they are listed.
var kinds = []kindSpec{
	{kind: Annex, japanese: "契約書別紙", self: "本別紙", title: annexTitle},
	{kind: SLA, japanese: "SLA", self: "本合意書", title: slaTitle},
}

func annexTitle(contract, system string) string {
	switch {
	case contract != "":
		return contract + " 別紙 役割分担表"
	case system != "":
		return system + "に関する契約 別紙 役割分担表"
	}
	return "契約書別紙 役割分担表"
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

// Japanese returns the kind as 文書種別 spells it: "契約書別紙", "SLA".
func (k Kind) Japanese() string {
	s, _ := k.spec()
	return s.japanese
}

// Self returns how a document of the kind names itself: "本別紙", "本合意書".
func (k Kind) Self() string {
	s, _ := k.spec()
	return s.self
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
