// Compiles one Typst document to PDF with @myriaddreamin/typst-ts-node-compiler.
//
//   node typst.cjs CONFIG.json
//
// CONFIG: {"modules": folder holding node_modules, "fonts": [font files],
//          "source": .typ file, "output": .pdf file, "warmup": n, "runs": n}
// Loads the compiler and the fonts once, compiles warmup + runs times
// (evicting Typst's memoization cache before each compile, so that every
// compile does the whole work), writes the last PDF and prints
// {"ms": mean milliseconds of the timed compiles, "bytes": PDF size}.
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

function compile() {
  const res = compiler.compile({ mainFileContent: source });
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
let total = 0;
for (let i = 0; i < cfg.warmup + cfg.runs; i++) {
  compiler.evictCache(0);
  const start = process.hrtime.bigint();
  pdf = compile();
  const ns = Number(process.hrtime.bigint() - start);
  if (i >= cfg.warmup) {
    total += ns;
  }
}
fs.writeFileSync(cfg.output, pdf);
process.stdout.write(JSON.stringify({ ms: cfg.runs > 0 ? total / 1e6 / cfg.runs : 0, bytes: pdf.length }) + "\n");
