package main

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/annexgen/annexgen/cmd/annexbench/internal/typst"
)

// typstPackage is the npm package of the Typst compiler, pinned so that
// every run measures the same compiler.
const typstPackage = "@myriaddreamin/typst-ts-node-compiler@0.7.0"

//go:embed typst.cjs
var typstScript []byte

// typstConfig is the input of typst.cjs.
type typstConfig struct {
	Modules string   `json:"modules"`
	Fonts   []string `json:"fonts"`
	Source  string   `json:"source"`
	Output  string   `json:"output"`
	Warmup  int      `json:"warmup"`
	Runs    int      `json:"runs"`
	// Incremental keeps Typst's memoization cache between compiles and
	// appends the run number to the source, as after an edit in typst watch.
	Incremental bool `json:"incremental"`
}

// The modes of Typst's rows.
const (
	typstWarmMode = "warm: Typst → PDF, compiler and fonts loaded, cache evicted"
	typstColdMode = "cold: new `node` process, Typst → PDF"
)

// typst measures Typst on annexgen's document converted to Typst markup:
// warm (one Node process, compiler and fonts loaded, mean of the compiles)
// and cold (a new Node process per document).
func (b *bench) typst(doc *annex) {
	t, err := b.typstSetup(doc)
	if err == nil {
		err = t.warm()
	}
	if err != nil {
		b.add(row{tool: t.tool, mode: typstWarmMode, note: err.Error()})
		b.add(row{tool: t.tool, mode: typstColdMode, note: err.Error()})
		return
	}
	t.pinned()
	t.incremental()
	t.cold()
}

// typstRun is one document's measurement of Typst.
type typstRun struct {
	b            *bench
	tool         string // the row's tool, with the compiler's version
	node, script string
	src          string // the document in Typst markup
	fonts        []string
	warmCfg      string // typst.cjs's configuration of the warm runs
	size         int64  // bytes of the warm runs' PDF
	pages        int    // and its pages
}

// typstSetup finds Node.js and the compiler (installing it with
// --install), and writes the document and the script to the work folder.
func (b *bench) typstSetup(doc *annex) (*typstRun, error) {
	t := &typstRun{b: b, tool: "Typst"}
	node, err := exec.LookPath("node")
	if err != nil {
		return t, errors.New("not installed (Node.js)")
	}
	pkgDir := filepath.Join(b.opts.cache, "node_modules", "@myriaddreamin", "typst-ts-node-compiler")
	if _, err := os.Stat(pkgDir); err != nil {
		if !b.opts.install {
			return t, errors.New("not installed: run annexbench with --install")
		}
		if err := b.installTypst(); err != nil {
			return t, fmt.Errorf("install failed: %v", err)
		}
	}
	if v := packageVersion(pkgDir); v != "" {
		t.tool = "Typst (typst-ts-node-compiler " + v + ")"
	}
	ff, err := b.fonts()
	if err != nil {
		return t, err
	}
	b.note("Typst gets annexgen's Markdown converted to Typst markup, with the same page header, n / N footer and table of contents; each warm compile starts from an evicted memoization cache, except in the incremental row (what `typst watch` does after a small edit)")
	t.node, t.fonts = node, ff.paths()
	t.src = filepath.Join(b.work, "annex.typ")
	t.script = filepath.Join(b.work, "typst.cjs")
	style := typst.Style{Title: doc.meta.Title, Body: ff.bodyFamily, Heading: ff.headingFamily, Lang: "ja", Outline: true}
	if err := os.WriteFile(t.src, typst.Document(doc.md, style), 0o644); err != nil {
		return t, err
	}
	return t, os.WriteFile(t.script, typstScript, 0o644)
}

// config writes typst.cjs's configuration for runs named name and returns
// its path and the PDF's.
func (t *typstRun) config(name string, warmup, runs int, incremental bool) (path, out string, err error) {
	out = filepath.Join(t.b.work, name+".pdf")
	cfg, _ := json.Marshal(typstConfig{Modules: t.b.opts.cache, Fonts: t.fonts, Source: t.src, Output: out, Warmup: warmup, Runs: runs, Incremental: incremental})
	path = filepath.Join(t.b.work, name+".json")
	return path, out, os.WriteFile(path, cfg, 0o644)
}

// warm measures compiles in one process, each from an evicted cache.
func (t *typstRun) warm() error {
	t.b.progress("Typst: warm, %d runs", t.b.opts.runs)
	cfg, out, err := t.config("typst-warm", warmUp, t.b.opts.runs, false)
	if err != nil {
		return err
	}
	warm, err := t.b.typstWarm(t.b.command(t.node, t.script, cfg))
	if err != nil {
		return err
	}
	t.warmCfg = cfg
	t.size, t.pages = pdfFacts(out)
	t.b.add(row{tool: t.tool, mode: typstWarmMode, time: warm, size: t.size, pages: t.pages})
	return nil
}

// pinned measures the warm compiles on one core, where taskset exists.
func (t *typstRun) pinned() {
	taskset, err := exec.LookPath("taskset")
	if err != nil {
		return
	}
	t.b.progress("Typst: warm on one core, %d runs", t.b.opts.runs)
	mode := "warm: as above, pinned to 1 core (taskset)"
	if tm, err := t.b.typstWarm(t.b.command(taskset, "-c", "0", t.node, t.script, t.warmCfg)); err != nil {
		t.b.add(row{tool: t.tool, mode: mode, note: err.Error()})
	} else {
		t.b.add(row{tool: t.tool, mode: mode, time: tm, size: t.size, pages: t.pages})
	}
}

// incremental measures compiles that keep the cache, as typst watch does.
func (t *typstRun) incremental() {
	t.b.progress("Typst: incremental, %d runs", t.b.opts.runs)
	mode := "warm: incremental, cache kept, text appended (best case)"
	if cfg, _, err := t.config("typst-incremental", warmUp, t.b.opts.runs, true); err != nil {
		t.b.add(row{tool: t.tool, mode: mode, note: err.Error()})
	} else if tm, err := t.b.typstWarm(t.b.command(t.node, t.script, cfg)); err != nil {
		t.b.add(row{tool: t.tool, mode: mode, note: err.Error()})
	} else {
		t.b.add(row{tool: t.tool, mode: mode, time: tm, size: t.size, pages: t.pages})
	}
}

// cold measures a new Node process per document.
func (t *typstRun) cold() {
	t.b.progress("Typst: cold, %d runs", t.b.opts.cold)
	cfg, out, err := t.config("typst-cold", 0, 1, false)
	if err != nil {
		t.b.add(row{tool: t.tool, mode: typstColdMode, note: err.Error()})
		return
	}
	tm, err := t.b.timeProcesses(t.b.opts.cold, func() *exec.Cmd { return t.b.command(t.node, t.script, cfg) })
	if err != nil {
		t.b.add(row{tool: t.tool, mode: typstColdMode, note: err.Error()})
		return
	}
	size, pages := pdfFacts(out)
	t.b.add(row{tool: t.tool, mode: typstColdMode, time: tm, size: size, pages: pages})
}

// typstWarm runs typst.cjs for a warm measurement.
func (b *bench) typstWarm(cmd *exec.Cmd) (timing, error) {
	res, err := cmd.Output()
	var warm struct{ MS []float64 }
	if err == nil {
		err = json.Unmarshal(res, &warm)
	}
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			err = fmt.Errorf("%v%s", err, tail(string(ee.Stderr)))
		}
		return timing{}, err
	}
	return newTiming(warm.MS), nil
}

// installTypst installs the pinned Typst compiler into the cache folder.
func (b *bench) installTypst() error {
	npm, err := exec.LookPath("npm")
	if err != nil {
		return fmt.Errorf("npm not found")
	}
	if err := os.MkdirAll(b.opts.cache, 0o755); err != nil {
		return err
	}
	b.progress("Typst: npm install %s into %s", typstPackage, b.opts.cache)
	cmd := b.command(npm, "install", "--prefix", b.opts.cache, "--no-audit", "--no-fund", typstPackage)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("npm install: %v%s", err, tail(string(out)))
	}
	return nil
}

// packageVersion returns the version in an npm package's package.json.
func packageVersion(dir string) string {
	data, err := os.ReadFile(filepath.Join(dir, "package.json"))
	if err != nil {
		return ""
	}
	var p struct{ Version string }
	if json.Unmarshal(data, &p) != nil {
		return ""
	}
	return p.Version
}
