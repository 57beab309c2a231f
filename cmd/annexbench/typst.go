package main

import (
	_ "embed"
	"encoding/json"
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

// typst measures Typst on annexgen's document converted to Typst markup:
// warm (one Node process, compiler and fonts loaded, mean of the compiles)
// and cold (a new Node process per document).
func (b *bench) typst(doc *annex) {
	tool := "Typst"
	warmMode := "warm: Typst → PDF, compiler and fonts loaded, cache evicted"
	coldMode := "cold: new `node` process, Typst → PDF"
	missing := func(why string) {
		b.add(row{tool: tool, mode: warmMode, note: why})
		b.add(row{tool: tool, mode: coldMode, note: why})
	}
	node, err := exec.LookPath("node")
	if err != nil {
		missing("not installed (Node.js)")
		return
	}
	pkgDir := filepath.Join(b.opts.cache, "node_modules", "@myriaddreamin", "typst-ts-node-compiler")
	if _, err := os.Stat(pkgDir); err != nil {
		if !b.opts.install {
			missing("not installed: run annexbench with --install")
			return
		}
		if err := b.installTypst(); err != nil {
			missing("install failed: " + err.Error())
			return
		}
	}
	if v := packageVersion(pkgDir); v != "" {
		tool = "Typst (typst-ts-node-compiler " + v + ")"
	}
	ff, err := b.fonts()
	if err != nil {
		missing(err.Error())
		return
	}
	b.note("Typst gets annexgen's Markdown converted to Typst markup, with the same page header, n / N footer and table of contents; each warm compile starts from an evicted memoization cache, except in the incremental row (what `typst watch` does after a small edit)")

	src := filepath.Join(b.work, "annex.typ")
	style := typst.Style{Title: doc.meta.Title, Body: ff.bodyFamily, Heading: ff.headingFamily, Lang: "ja", Outline: true}
	script := filepath.Join(b.work, "typst.cjs")
	if err := os.WriteFile(src, typst.Document(doc.md, style), 0o644); err != nil {
		missing(err.Error())
		return
	}
	if err := os.WriteFile(script, typstScript, 0o644); err != nil {
		missing(err.Error())
		return
	}
	config := func(name string, warmup, runs int, incremental bool) (string, string, error) {
		out := filepath.Join(b.work, name+".pdf")
		cfg, _ := json.Marshal(typstConfig{Modules: b.opts.cache, Fonts: ff.paths(), Source: src, Output: out, Warmup: warmup, Runs: runs, Incremental: incremental})
		path := filepath.Join(b.work, name+".json")
		return path, out, os.WriteFile(path, cfg, 0o644)
	}

	b.progress("Typst: warm, %d runs", b.opts.runs)
	cfg, out, err := config("typst-warm", warmUp, b.opts.runs, false)
	if err != nil {
		missing(err.Error())
		return
	}
	warm, err := b.typstWarm(b.command(node, script, cfg))
	if err != nil {
		missing(err.Error())
		return
	}
	size, pages := pdfFacts(out)
	b.add(row{tool: tool, mode: warmMode, time: warm, size: size, pages: pages})
	if taskset, err := exec.LookPath("taskset"); err == nil {
		b.progress("Typst: warm on one core, %d runs", b.opts.runs)
		mode := "warm: as above, pinned to 1 core (taskset)"
		if t, err := b.typstWarm(b.command(taskset, "-c", "0", node, script, cfg)); err != nil {
			b.add(row{tool: tool, mode: mode, note: err.Error()})
		} else {
			b.add(row{tool: tool, mode: mode, time: t, size: size, pages: pages})
		}
	}

	b.progress("Typst: incremental, %d runs", b.opts.runs)
	mode := "warm: incremental, cache kept, text appended (best case)"
	if cfg, _, err := config("typst-incremental", warmUp, b.opts.runs, true); err != nil {
		b.add(row{tool: tool, mode: mode, note: err.Error()})
	} else if t, err := b.typstWarm(b.command(node, script, cfg)); err != nil {
		b.add(row{tool: tool, mode: mode, note: err.Error()})
	} else {
		b.add(row{tool: tool, mode: mode, time: t, size: size, pages: pages})
	}

	b.progress("Typst: cold, %d runs", b.opts.cold)
	cfg, out, err = config("typst-cold", 0, 1, false)
	if err != nil {
		b.add(row{tool: tool, mode: coldMode, note: err.Error()})
		return
	}
	t, err := b.timeProcesses(b.opts.cold, func() *exec.Cmd { return b.command(node, script, cfg) })
	if err != nil {
		b.add(row{tool: tool, mode: coldMode, note: err.Error()})
		return
	}
	size, pages = pdfFacts(out)
	b.add(row{tool: tool, mode: coldMode, time: t, size: size, pages: pages})
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
