package checklist

import (
	"fmt"
	"slices"
	"strings"
)

// Severity ranks a finding.
type Severity int

// Severities, from least to most serious.
const (
	SeverityInfo Severity = iota
	SeverityWarning
	SeverityError
)

// String returns "info", "warning" or "error".
func (s Severity) String() string {
	switch s {
	case SeverityWarning:
		return "warning"
	case SeverityError:
		return "error"
	}
	return "info"
}

// Japanese returns the severity as shown to users: "情報", "警告", "エラー".
func (s Severity) Japanese() string {
	switch s {
	case SeverityWarning:
		return "警告"
	case SeverityError:
		return "エラー"
	}
	return "情報"
}

// MarshalText encodes the severity as its String.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText decodes "info", "warning" or "error".
func (s *Severity) UnmarshalText(b []byte) error {
	switch string(b) {
	case "info":
		*s = SeverityInfo
	case "warning":
		*s = SeverityWarning
	case "error":
		*s = SeverityError
	default:
		return fmt.Errorf("unknown severity %q", b)
	}
	return nil
}

// Finding is one problem found in a workbook.
type Finding struct {
	Code     Code     `json:"code"`     // OwnerMissing
	Severity Severity `json:"severity"` // error, warning or info
	Sheet    string   `json:"sheet"`    // sheet name as written, "" for the whole file
	Cell     string   `json:"cell"`     // A1 reference, "G14"; "" for a whole sheet
	Item     string   `json:"item"`     // item id, "" where none
	Message  string   `json:"message"`  // Japanese, says what to fix
}

// Location returns "Part2!G14", the sheet alone, or "".
func (f Finding) Location() string {
	return Cell{Sheet: f.Sheet, Ref: f.Cell}.String()
}

// Findings is a list of findings.
type Findings []Finding

// Count returns the number of findings of the given severity.
func (fs Findings) Count(s Severity) int {
	n := 0
	for _, f := range fs {
		if f.Severity == s {
			n++
		}
	}
	return n
}

// HasErrors reports whether any finding is an error.
func (fs Findings) HasErrors() bool { return fs.Count(SeverityError) > 0 }

// NewFinding builds the finding of a wording of the catalogue, at a cell
// (Cell{} for the whole file) and about an item (nil where none). The
// message of an item finding starts with the item
// ("Part2 A-1「バックアップ」: ").
func NewFinding(m Message, at Cell, it *Item, args ...any) Finding {
	w := m.wording()
	msg := fmt.Sprintf(w.format, args...)
	f := Finding{Code: w.code, Severity: w.severity, Sheet: at.Sheet, Cell: at.Ref}
	if it != nil {
		f.Item = it.ID
		subject := it.ID
		if it.Title != "" {
			subject += "「" + firstLine(it.Title) + "」"
		}
		msg = subject + ": " + msg
	}
	f.Message = msg
	return f
}

// Codes returns every finding code of the catalogue, sorted.
func Codes() []Code {
	var codes []Code
	for _, w := range catalogue {
		if !slices.Contains(codes, w.code) {
			codes = append(codes, w.code)
		}
	}
	slices.Sort(codes)
	return codes
}

// firstLine returns s up to its first line break.
func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// PartyLabel names a party in messages: "医療機関", "事業者A（株式会社サンプル）".
func PartyLabel(info *Info, key string) string {
	if key == HospitalKey {
		return HospitalKey
	}
	if v, ok := info.Vendor(key); ok && v.Name != "" {
		return "事業者" + key + "（" + v.Name + "）"
	}
	return "事業者" + key
}

// joinJa joins names with the Japanese comma.
func joinJa(names []string) string { return strings.Join(names, "、") }

// Quote shows a cell value in a message: on one line and at most 30
// characters, the rest cut to "…".
func Quote(s string) string {
	s = strings.ReplaceAll(s, "\n", " ")
	r := []rune(s)
	if len(r) > 30 {
		return string(r[:30]) + "…"
	}
	return s
}
