package docx

import (
	"strconv"
	"strings"
	"testing"
)

// TestHeadingsUseHeadingStyles reads document.xml back: every Markdown heading is a paragraph in
// Word's heading style of its level, with its text, in order, and nothing else is; the styles
// are Word's built-in "heading n" with outline levels, so the navigation pane and the TOC field
// find them.
func TestHeadingsUseHeadingStyles(t *testing.T) {
	for _, name := range fixtures {
		md := readFixture(t, name)
		want, _ := readMarkdown(md)
		parts := unpack(t, render(t, md, testMeta))
		doc := mustParse(t, parts, "word/document.xml")
		var got []mdHeading
		for _, p := range doc.all("w:p") {
			if s := p.style(); strings.HasPrefix(s, "Heading") {
				level, err := strconv.Atoi(strings.TrimPrefix(s, "Heading"))
				if err != nil {
					t.Fatalf("%s: style %q", name, s)
				}
				got = append(got, mdHeading{level, p.runText()})
			}
		}
		if len(want) < 10 {
			t.Fatalf("%s: only %d headings in the fixture", name, len(want))
		}
		if len(got) != len(want) {
			t.Fatalf("%s: %d heading paragraphs, want %d", name, len(got), len(want))
		}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("%s: heading %d is %+v, want %+v", name, i, got[i], want[i])
			}
		}
		if len(doc.all("w:numPr")) != 0 {
			t.Errorf("%s: Word list numbering used; articles and items keep their written numbers", name)
		}
		checkHeadingStyles(t, mustParse(t, parts, "word/styles.xml"))
	}
}

func checkHeadingStyles(t *testing.T, styles *node) {
	t.Helper()
	found := 0
	for _, s := range styles.all("w:style") {
		id := s.attrs["w:styleId"]
		if !strings.HasPrefix(id, "Heading") {
			continue
		}
		n, _ := strconv.Atoi(strings.TrimPrefix(id, "Heading"))
		found++
		if got := s.path("w:name").attrs["w:val"]; got != "heading "+strconv.Itoa(n) {
			t.Errorf("style %s is named %q", id, got)
		}
		if lvl := s.path("w:pPr", "w:outlineLvl"); lvl == nil || lvl.attrs["w:val"] != strconv.Itoa(n-1) {
			t.Errorf("style %s has no outline level %d", id, n-1)
		}
		if f := s.path("w:rPr", "w:rFonts"); f == nil || f.attrs["w:eastAsia"] != gothic {
			t.Errorf("style %s: East Asian font not %s", id, gothic)
		}
	}
	if found != 6 {
		t.Errorf("%d heading styles, want 6", found)
	}
}

// TestTablesHaveHeaderRows: every Markdown table is a Word table with borders whose first row is
// a header row that Word repeats on each page, holding the header cells.
func TestTablesHaveHeaderRows(t *testing.T) {
	for _, name := range fixtures {
		md := readFixture(t, name)
		_, want := readMarkdown(md)
		doc := mustParse(t, unpack(t, render(t, md, testMeta)), "word/document.xml")
		tables := doc.all("w:tbl")
		if len(want) < 5 || len(tables) != len(want) {
			t.Fatalf("%s: %d tables, want %d (at least 5)", name, len(tables), len(want))
		}
		for i, tbl := range tables {
			if tbl.path("w:tblPr", "w:tblBorders", "w:insideH") == nil || tbl.path("w:tblPr", "w:tblBorders", "w:top") == nil {
				t.Errorf("%s: table %d has no borders", name, i)
			}
			rows := tbl.all("w:tr")
			if rows[0].path("w:trPr", "w:tblHeader") == nil {
				t.Errorf("%s: table %d: first row is no header row", name, i)
			}
			for _, r := range rows[1:] {
				if r.path("w:trPr", "w:tblHeader") != nil {
					t.Errorf("%s: table %d: a body row is marked as header", name, i)
				}
			}
			var cells []string
			for _, c := range rows[0].all("w:tc") {
				cells = append(cells, c.runText())
			}
			if strings.Join(cells, "|") != strings.Join(want[i], "|") {
				t.Errorf("%s: table %d header %q, want %q", name, i, cells, want[i])
			}
			grid := tbl.all("w:gridCol")
			sum := 0
			for _, g := range grid {
				w, _ := strconv.Atoi(g.attrs["w:w"])
				sum += w
			}
			if len(grid) != len(want[i]) || sum != textWidth {
				t.Errorf("%s: table %d: %d columns %d twips wide, want %d and %d", name, i, len(grid), sum, len(want[i]), textWidth)
			}
		}
	}
}

// TestFonts: the default text font and the fonts of the document are named for East Asian and
// Latin text, and the font table describes them as Japanese fonts.
func TestFonts(t *testing.T) {
	parts := unpack(t, render(t, readFixture(t, "hospital.annex"), testMeta))
	styles := mustParse(t, parts, "word/styles.xml")
	f := styles.path("w:docDefaults", "w:rPrDefault", "w:rPr", "w:rFonts")
	if f == nil {
		t.Fatal("no default fonts")
	}
	for _, a := range []string{"w:eastAsia", "w:ascii", "w:hAnsi"} {
		if f.attrs[a] != mincho {
			t.Errorf("default %s font %q, want %q", a, f.attrs[a], mincho)
		}
	}
	if l := styles.path("w:docDefaults", "w:rPrDefault", "w:rPr", "w:lang"); l == nil || l.attrs["w:eastAsia"] != "ja-JP" {
		t.Error("East Asian language is not Japanese")
	}
	for _, rf := range styles.all("w:rFonts") {
		if rf.attrs["w:eastAsia"] == "" || rf.attrs["w:ascii"] == "" {
			t.Errorf("a style sets fonts without East Asian and Latin ones: %v", rf.attrs)
		}
	}
	table := map[string]*node{}
	for _, fn := range mustParse(t, parts, "word/fontTable.xml").all("w:font") {
		table[fn.attrs["w:name"]] = fn
	}
	for _, name := range []string{mincho, gothic, "游明朝", "游ゴシック"} {
		fn := table[name]
		if fn == nil || fn.path("w:charset").attrs["w:val"] != "80" {
			t.Errorf("font table: %s missing or not a Japanese font", name)
		}
	}
	theme := mustParse(t, parts, "word/theme/theme1.xml")
	var jpan []string
	for _, fn := range theme.all("a:font") {
		if fn.attrs["script"] == "Jpan" {
			jpan = append(jpan, fn.attrs["typeface"])
		}
	}
	if strings.Join(jpan, ",") != "游ゴシック Light,游明朝" {
		t.Errorf("theme Japanese fonts %v", jpan)
	}
}

// TestPageSetup: A4, a header with the header text on all pages but the first, "n / N" from
// PAGE and NUMPAGES in the footer, a table of contents field that is updated on opening, and the
// document properties from Meta.
func TestPageSetup(t *testing.T) {
	parts := unpack(t, render(t, readFixture(t, "hospital.annex"), testMeta))
	doc := mustParse(t, parts, "word/document.xml")
	sect := doc.path("w:body", "w:sectPr")
	if sz := sect.child("w:pgSz"); sz == nil || sz.attrs["w:w"] != "11906" || sz.attrs["w:h"] != "16838" {
		t.Errorf("page size %v, want A4", sz)
	}
	if sect.child("w:titlePg") == nil {
		t.Error("the first page has the running header")
	}
	rels := map[string]string{}
	for _, r := range mustParse(t, parts, "word/_rels/document.xml.rels").all("Relationship") {
		rels[r.attrs["Id"]] = "word/" + r.attrs["Target"]
	}
	refs := map[string]string{}
	for _, r := range sect.children {
		if r.name == "w:headerReference" || r.name == "w:footerReference" {
			refs[r.name+" "+r.attrs["w:type"]] = rels[r.attrs["r:id"]]
		}
	}
	if got := mustParse(t, parts, refs["w:headerReference default"]).runText(); got != testMeta.Header {
		t.Errorf("header %q, want %q", got, testMeta.Header)
	}
	if got := mustParse(t, parts, refs["w:headerReference first"]).runText(); got != "" {
		t.Errorf("first-page header %q, want none", got)
	}
	for _, kind := range []string{"default", "first"} {
		footer := mustParse(t, parts, refs["w:footerReference "+kind])
		var instr []string
		for _, it := range footer.all("w:instrText") {
			instr = append(instr, strings.TrimSpace(it.text))
		}
		if strings.Join(instr, ",") != "PAGE,NUMPAGES" || !strings.Contains(footer.runText(), " / ") {
			t.Errorf("%s footer: fields %v, text %q", kind, instr, footer.runText())
		}
	}
	checkTOC(t, doc, mustParse(t, parts, "word/settings.xml"))
	core := mustParse(t, parts, "docProps/core.xml")
	for el, want := range map[string]string{"dc:title": testMeta.Title, "dc:creator": testMeta.Author,
		"dc:subject": testMeta.Subject, "dcterms:created": "2026-05-31T15:00:00Z"} {
		if c := core.child(el); c == nil || c.text != want {
			t.Errorf("core.xml %s = %v, want %q", el, c, want)
		}
	}
}

func checkTOC(t *testing.T, doc, settings *node) {
	t.Helper()
	var toc *node
	for _, it := range doc.all("w:instrText") {
		if strings.HasPrefix(strings.TrimSpace(it.text), "TOC ") {
			toc = it
		}
	}
	if toc == nil || strings.TrimSpace(toc.text) != tocInstr {
		t.Fatalf("no table of contents field %q", tocInstr)
	}
	begins := 0
	for _, fc := range doc.all("w:fldChar") {
		if fc.attrs["w:fldCharType"] == "begin" && fc.attrs["w:dirty"] == "true" {
			begins++
		}
	}
	if begins != 1 {
		t.Errorf("%d dirty fields, want the table of contents", begins)
	}
	if u := settings.child("w:updateFields"); u == nil || u.attrs["w:val"] != "true" {
		t.Error("settings do not ask for fields to be updated on opening")
	}
	anchors := map[string]bool{}
	for _, h := range doc.all("w:hyperlink") {
		anchors[h.attrs["w:anchor"]] = true
	}
	marks := 0
	for _, b := range doc.all("w:bookmarkStart") {
		if anchors[b.attrs["w:name"]] {
			marks++
		}
	}
	if marks != len(anchors) || marks < 10 {
		t.Errorf("%d table of contents links, %d reach a heading", len(anchors), marks)
	}
}
