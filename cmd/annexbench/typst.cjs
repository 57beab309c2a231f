// Compiles one Typst document to PDF with @myriaddreamin/typst-ts-node-compiler.
//
//   node typst.cjs CONFIG.json
//
// CONFIG: {"modules": folder holding node_modules, "fonts": [font files],
//          "source": .typ file, "output": .pdf file, "warmup": n, "runs": n,
//          "incremental": false}
// Loads the compiler and the fonts once, compiles warmup + runs times,
// writes the last PDF and prints
// {"ms": [milliseconds of each timed compile], "bytes": PDF size}.
// Each compile starts from an evicted memoization cache, so that it does the
// whole work; with "incremental" the cache is kept and each compile gets the
// source with its run number appended, as in `typst watch` after an edit.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { createRequire } = require("node:module");

const cfg = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const load = createRequire(path.join(cfg.modules, "package.json"));
const { NodeCompiler } = load("@myriaddreamin/typst-ts-node-compiler");

const compiler = NodeCompiler.create({
  workspace: path.dirname(cfg.source),
  fontArgs: [{ fontPaths: cfg.fonts }],
});
const source = fs.readFileSync(cfg.source, "utf8");

function compile(text) {
  const res = compiler.compile({ mainFileContent: text });
  const diag = res.takeDiagnostics();
  if (diag) {
    const all = compiler.fetchDiagnostics(diag);
    const errors = all.filter((d) => d.severity === "error" || d.severity === "Error");
    if (errors.length > 0 || !res.result) {
      throw new Error("typst: " + JSON.stringify(all));
    }
  }
  return compiler.pdf(res.result);
}

let pdf;
const ms = [];
for (let i = 0; i < cfg.warmup + cfg.runs; i++) {
  let text = source;
  if (cfg.incremental) {
    text = source + "\n\n" + i + "\n";
  } else {
    compiler.evictCache(0);
  }
  const start = process.hrtime.bigint();
  pdf = compile(text);
  const ns = Number(process.hrtime.bigint() - start);
  if (i >= cfg.warmup) {
    ms.push(ns / 1e6);
  }
}
fs.writeFileSync(cfg.output, pdf);
process.stdout.write(JSON.stringify({ ms, bytes: pdf.length }) + "\n");
