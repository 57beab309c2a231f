package checklist

import "fmt"

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
	Code     string   `json:"code"`     // "owner-missing"
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
