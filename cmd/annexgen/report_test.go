package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestRenderJSONSchema pins render --json to validate's per-file shape
// plus the fields the README lists: status, outputs, ms and reason.
func TestRenderJSONSchema(t *testing.T) {
	dir := t.TempDir()
	blank := filepath.Join(dir, "blank.xlsx")
	blankForm(t, blank)
	r := annexgen(t, nil, "render", "--json", "--to", "md", "-o", filepath.Join(dir, "out"), sample("clinic.xlsx"), blank)
	if r.status != exitRejected {
		t.Fatalf("status %d, want %d\n%s%s", r.status, exitRejected, r.stdout, r.stderr)
	}
	var doc struct {
		Files []struct {
			File     string           `json:"file"`
			Findings []map[string]any `json:"findings"`
			Errors   int              `json:"errors"`
			Warnings int              `json:"warnings"`
			Status   string           `json:"status"`
			Outputs  []string         `json:"outputs"`
			Millis   *int64           `json:"ms"`
			Reason   string           `json:"reason"`
		} `json:"files"`
	}
	dec := json.NewDecoder(strings.NewReader(r.stdout))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("JSON: %v\n%s", err, r.stdout)
	}
	if len(doc.Files) != 2 {
		t.Fatalf("%d files, want 2", len(doc.Files))
	}
	good, bad := doc.Files[0], doc.Files[1]
	if good.Status != "done" || len(good.Outputs) != 1 || good.Reason != "" || good.Millis == nil || good.Findings == nil {
		t.Errorf("clinic: %+v", good)
	}
	if bad.Status != "rejected" || bad.Outputs == nil || len(bad.Outputs) != 0 || bad.Errors == 0 || bad.Reason == "" {
		t.Errorf("blank form: %+v, want rejected with a reason and outputs []", bad)
	}
	for _, f := range bad.Findings {
		if len(f) != 6 {
			t.Errorf("finding %v: want the six keys of validate's findings", f)
		}
	}
	if !strings.Contains(r.stdout, `"ms"`) || strings.Count(r.stdout, `"status"`) != 2 {
		t.Error("render fields missing")
	}
	v := annexgen(t, nil, "validate", "--format", "json", sample("clinic.xlsx"))
	if strings.Contains(v.stdout, `"status"`) || strings.Contains(v.stdout, `"outputs"`) {
		t.Errorf("validate prints render's fields:\n%s", v.stdout)
	}
}
