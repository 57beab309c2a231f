package main

import (
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// fonts returns the font files for the peers, found once per run.
func (b *bench) fonts() (fontFiles, error) {
	if !b.fontsDone {
		b.fontsDone = true
		b.fontFiles, b.fontErr = findFontFiles()
		if b.fontErr == nil {
			b.note("Typst and pandoc get the fonts annexgen prefers, on A4: body %s, headings %s (%s)", b.fontFiles.bodyFamily, b.fontFiles.headingFamily, b.fontFiles)
		}
	}
	return b.fontFiles, b.fontErr
}

// libreOffice measures `soffice --headless --convert-to pdf` of the
// workbook, a new process each time, with a private profile.
func (b *bench) libreOffice() {
	tool := "LibreOffice"
	const mode = "cold: `soffice --convert-to pdf` of the xlsx"
	soffice := ""
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			soffice = p
			break
		}
	}
	if soffice == "" {
		b.add(row{tool: tool, mode: mode, note: "not installed"})
		return
	}
	profile, err := filepath.Abs(filepath.Join(b.work, "libreoffice-profile"))
	if err != nil {
		b.add(row{tool: tool, mode: mode, note: err.Error()})
		return
	}
	env := "-env:UserInstallation=" + (&url.URL{Scheme: "file", Path: filepath.ToSlash(profile)}).String()
	if v := firstLine(soffice, env, "--version"); v != "" {
		if f := strings.Fields(v); len(f) >= 2 {
			tool += " " + f[1]
		}
	}
	outDir := filepath.Join(b.work, "libreoffice")
	b.progress("LibreOffice: cold, %d runs (the untimed first run creates the profile)", b.opts.cold)
	t, err := b.timeProcesses(b.opts.cold, func() *exec.Cmd {
		return b.command(soffice, env, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", outDir, b.opts.workbook)
	})
	if err != nil {
		b.add(row{tool: tool, mode: mode, note: err.Error()})
		return
	}
	size, pages := pdfFacts(filepath.Join(outDir, stem(b.opts.workbook)+".pdf"))
	if size == 0 {
		b.add(row{tool: tool, mode: mode, note: "soffice wrote no PDF"})
		return
	}
	b.add(row{tool: tool, mode: mode, time: t, size: size, pages: pages})
	b.note("LibreOffice prints the workbook's sheets as they are, not an annex: its PDF is a different document")
}

// pandoc measures pandoc with LuaLaTeX (ltjsarticle) on annexgen's Markdown,
// a new process each time.
func (b *bench) pandoc(doc *annex) {
	tool := "pandoc + LuaLaTeX"
	const mode = "cold: `pandoc --pdf-engine=lualatex`, ltjsarticle"
	for _, need := range []struct{ cmd, pkg string }{{"pandoc", "pandoc"}, {"lualatex", "texlive-luatex"}, {"kpsewhich", "texlive-binaries"}} {
		if _, err := exec.LookPath(need.cmd); err != nil {
			b.add(row{tool: tool, mode: mode, note: fmt.Sprintf("not installed (%s)", need.pkg)})
			return
		}
	}
	if firstLine("kpsewhich", "ltjsarticle.cls") == "" {
		b.add(row{tool: tool, mode: mode, note: "not installed (texlive-lang-japanese)"})
		return
	}
	if v := firstLine("pandoc", "--version"); v != "" {
		tool = strings.Replace(tool, "pandoc", v, 1)
	}
	ff, err := b.fonts()
	if err != nil {
		b.add(row{tool: tool, mode: mode, note: err.Error()})
		return
	}
	header := filepath.Join(b.work, "pandoc-ja.tex")
	tex := fmt.Sprintf(`\usepackage{luatexja-fontspec}
\setmainjfont{%[1]s}[BoldFont=%[3]s]
\setsansjfont{%[2]s}[BoldFont=%[3]s]
`, filepath.Base(ff.body), filepath.Base(ff.heading), filepath.Base(ff.bold))
	md := filepath.Join(b.work, "annex.md")
	if err := os.WriteFile(header, []byte(tex), 0o644); err != nil {
		b.add(row{tool: tool, mode: mode, note: err.Error()})
		return
	}
	out := filepath.Join(b.work, "pandoc.pdf")
	epoch := "0"
	if !doc.meta.Created.IsZero() {
		epoch = fmt.Sprint(doc.meta.Created.Unix())
	}
	b.progress("pandoc: cold, %d runs (the untimed first run may build LuaTeX's font cache: minutes)", b.opts.cold)
	t, err := b.timeProcesses(b.opts.cold, func() *exec.Cmd {
		cmd := b.command("pandoc", "-f", "gfm+east_asian_line_breaks", md, "-o", out,
			"--pdf-engine=lualatex", "-V", "documentclass=ltjsarticle", "-V", "papersize=a4",
			"-V", "geometry:margin=20mm", "--toc", "-H", header)
		cmd.Env = append(os.Environ(), "SOURCE_DATE_EPOCH="+epoch)
		return cmd
	})
	if err != nil {
		b.add(row{tool: tool, mode: mode, note: err.Error()})
		return
	}
	size, pages := pdfFacts(out)
	b.add(row{tool: tool, mode: mode, time: t, size: size, pages: pages})
}
