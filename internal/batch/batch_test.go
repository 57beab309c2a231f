package batch

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/annexgen/annexgen/checklist"
	"github.com/annexgen/annexgen/document"
	"github.com/annexgen/annexgen/internal/convert"
)

func touch(t *testing.T, path string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestExpand(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "in")
	for _, p := range []string{"b.xlsx", "a/c.XLSX", "a/~$c.xlsx", "a/notes.txt", ".hidden/d.xlsx", "a/.e.xlsx", "a/old.xls", "z.ods",
		"m.xlsm", "t.xltx", "n.numbers", "pkg.numbers/Index/Document.iwa", "b.annex.pdf"} {
		touch(t, filepath.Join(dir, p))
	}
	outside := filepath.Join(root, "outside")
	touch(t, filepath.Join(outside, "secret.xlsx"))
	if err := os.Symlink(outside, filepath.Join(dir, "link")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(outside, "secret.xlsx"), filepath.Join(dir, "s.xlsx")); err != nil {
		t.Fatal(err)
	}
	single := filepath.Join(root, "single.xlsx")
	touch(t, single)
	missing := filepath.Join(root, "missing.xlsx")

	empty := filepath.Join(root, "empty")
	os.MkdirAll(empty, 0o755)
	found, err := Expand([]string{single, dir, missing, empty})
	if err != nil {
		t.Fatal(err)
	}
	got := found.Inputs
	if want := []string{empty}; !reflect.DeepEqual(found.Empty, want) {
		t.Errorf("empty %v, want %v", found.Empty, want)
	}
	want := []Input{
		{Path: single, Rel: "single.xlsx"},
		{Path: filepath.Join(dir, "a", "c.XLSX"), Rel: filepath.Join("a", "c.XLSX")},
		{Path: filepath.Join(dir, "a", "old.xls"), Rel: filepath.Join("a", "old.xls")},
		{Path: filepath.Join(dir, "b.xlsx"), Rel: "b.xlsx"},
		{Path: filepath.Join(dir, "m.xlsm"), Rel: "m.xlsm"},
		{Path: filepath.Join(dir, "n.numbers"), Rel: "n.numbers"},
		{Path: filepath.Join(dir, "pkg.numbers"), Rel: "pkg.numbers"},
		{Path: filepath.Join(dir, "t.xltx"), Rel: "t.xltx"},
		{Path: filepath.Join(dir, "z.ods"), Rel: "z.ods"},
		{Path: missing, Rel: "missing.xlsx"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Expand:\n got %v\nwant %v", got, want)
	}
}

func TestRunKeepsOrder(t *testing.T) {
	var inputs []Input
	for i := 0; i < 50; i++ {
		inputs = append(inputs, Input{Path: string(rune('A' + i%26)), Rel: filepath.Join("x", string(rune('a'+i%26)))})
	}
	var calls, progressCalls atomic.Int32
	pool := Pool{Workers: 4, Finished: func(done int, r Result) { progressCalls.Add(1) }}
	results := pool.Run(context.Background(), inputs, func(in Input) Result {
		calls.Add(1)
		return Result{File: in.Path, Status: Done}
	})
	if len(results) != len(inputs) || calls.Load() != 50 || progressCalls.Load() != 50 {
		t.Fatalf("%d results, %d calls, %d progress calls; want 50 each", len(results), calls.Load(), progressCalls.Load())
	}
	for i, r := range results {
		if r.File != inputs[i].Path {
			t.Fatalf("result %d is for %s, want %s", i, r.File, inputs[i].Path)
		}
	}
}

func TestRunStopsWhenCancelled(t *testing.T) {
	inputs := make([]Input, 100)
	ctx, cancel := context.WithCancel(context.Background())
	var calls atomic.Int32
	results := Pool{Workers: 2}.Run(ctx, inputs, func(in Input) Result {
		if calls.Add(1) == 3 {
			cancel()
		}
		return Result{Status: Done}
	})
	if n := len(results); n < 3 || n > 5 {
		t.Errorf("%d results after cancelling at the third; want the started ones only (3 to 5)", n)
	}
	if int(calls.Load()) != len(results) {
		t.Errorf("%d calls but %d results", calls.Load(), len(results))
	}
}

// TestRunGivesUpOnStuckInputs cancels a run whose input never finishes:
// Run returns after the grace period with the finished inputs only.
func TestRunGivesUpOnStuckInputs(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	stuck := make(chan struct{})
	defer close(stuck)
	inputs := []Input{{Path: "fast"}, {Path: "stuck"}, {Path: "never"}}
	var started []string
	pool := Pool{Workers: 1, Grace: time.Millisecond, Started: func(in Input) { started = append(started, in.Path) }}
	results := pool.Run(ctx, inputs, func(in Input) Result {
		if in.Path == "stuck" {
			cancel()
			<-stuck
		}
		return Result{File: in.Path, Status: Done}
	})
	if len(results) != 1 || results[0].File != "fast" {
		t.Errorf("results %+v, want the fast input's alone", results)
	}
	if strings.Join(started, ",") != "fast,stuck" {
		t.Errorf("started %v, want fast and stuck", started)
	}
}

// TestRunCapsWorkers asks for far more workers than inputs: no more
// goroutines are started than there are inputs.
func TestRunCapsWorkers(t *testing.T) {
	before := runtime.NumGoroutine()
	var most atomic.Int32
	Pool{Workers: 100000}.Run(context.Background(), make([]Input, 3), func(Input) Result {
		if n := int32(runtime.NumGoroutine() - before); n > most.Load() {
			most.Store(n)
		}
		return Result{}
	})
	if n := most.Load(); n > 10 {
		t.Errorf("%d goroutines for 3 inputs", n)
	}
}

func TestConvertFailureWritesNothing(t *testing.T) {
	// A pipeline without templates fails; the batch goes on, nothing is written.
	c := &Converter{Pipeline: &convert.Converter{}, OutDir: t.TempDir()} // no templates
	r := c.Convert(Input{Path: filepath.Join("..", "..", "samples", "clinic.xlsx"), Rel: "clinic.xlsx"})
	if r.Status != Failed || r.Reason == "" || len(r.Outputs) != 0 {
		t.Errorf("result %+v, want a failure with a reason and no outputs", r)
	}
	if entries, _ := os.ReadDir(c.OutDir); len(entries) != 0 {
		t.Errorf("%d files left behind", len(entries))
	}
}

func TestClashes(t *testing.T) {
	inputs := []Input{
		{Path: "a/x.xlsx", Rel: "x.xlsx"},
		{Path: "b/x.xlsx", Rel: "x.xlsx"},
		{Path: "b/y.xlsx", Rel: "y.xlsx"},
		{Path: "in/sub/x.xlsx", Rel: "sub/x.xlsx"},
	}
	if got := Clashes(inputs, ""); len(got) != 0 {
		t.Errorf("beside their inputs: clashes %v, want none", got)
	}
	got := Clashes(inputs, "out")
	if len(got) != 1 || len(got[0]) != 2 || got[0][0].Path != "a/x.xlsx" || got[0][1].Path != "b/x.xlsx" {
		t.Errorf("into one folder: clashes %v, want a/x.xlsx with b/x.xlsx", got)
	}
}

// TestConvertStatuses follows one workbook through the outcomes of
// Convert: written, refused because its outputs exist, skipped,
// replaced; and a rejected and an unreadable workbook, which write nothing.
func TestConvertStatuses(t *testing.T) {
	pipeline, err := convert.New(convert.Options{Kind: document.Annex, Formats: []convert.Format{convert.Markdown}})
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	clinic := Input{Path: filepath.Join("..", "..", "samples", "clinic.xlsx"), Rel: "clinic.xlsx"}
	written := filepath.Join(out, "clinic.annex.md")
	steps := []struct {
		name string
		conv Converter
		want Status
	}{
		{"first run", Converter{}, Done},
		{"again", Converter{}, Failed},
		{"again, skipping what exists", Converter{SkipExisting: true}, Skipped},
		{"again, replacing", Converter{Force: true}, Done},
	}
	for _, s := range steps {
		s.conv.Pipeline, s.conv.OutDir = pipeline, out
		r := s.conv.Convert(clinic)
		if r.Status != s.want {
			t.Fatalf("%s: status %s (%s), want %s", s.name, r.Status, r.Reason, s.want)
		}
		switch r.Status {
		case Done:
			if !reflect.DeepEqual(r.Outputs, []string{written}) {
				t.Errorf("%s: outputs %v, want %s", s.name, r.Outputs, written)
			}
		case Failed:
			if !r.Exists || len(r.Outputs) != 0 {
				t.Errorf("%s: %+v, want a failure because the output exists", s.name, r)
			}
		}
	}

	strictPipeline, err := convert.New(convert.Options{Kind: document.Annex, Formats: []convert.Format{convert.Markdown}, Checklist: checklist.Options{Strict: true}})
	if err != nil {
		t.Fatal(err)
	}
	strict := Converter{Pipeline: strictPipeline, OutDir: t.TempDir(), Strict: true}
	r := strict.Convert(Input{Path: filepath.Join("..", "..", "samples", "hospital.xlsx"), Rel: "hospital.xlsx"})
	if r.Status != Rejected || r.Errors == 0 || !strings.Contains(r.Reason, "annexgen validate --strict") {
		t.Errorf("a workbook with open items under --strict: %s, %d errors, reason %q", r.Status, r.Errors, r.Reason)
	}

	junk := filepath.Join(t.TempDir(), "junk.xlsx")
	if err := os.WriteFile(junk, []byte("not a workbook"), 0o644); err != nil {
		t.Fatal(err)
	}
	c := Converter{Pipeline: pipeline, OutDir: t.TempDir()}
	r = c.Convert(Input{Path: junk, Rel: "junk.xlsx"})
	if r.Status != Rejected || len(r.Findings) != 1 || r.Findings[0].Code != checklist.FileUnreadable {
		t.Errorf("a file that is not a workbook: %s, findings %v", r.Status, r.Findings)
	}
	for _, dir := range []string{strict.OutDir, c.OutDir} {
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Errorf("a refused workbook left %d files", len(entries))
		}
	}
}
