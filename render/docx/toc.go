package docx

import "strings"

// tocTitle is the heading of the table of contents.
const tocTitle = "目次"

// tocInstr asks for the headings of levels 2 and 3, as links, without page numbers in Web view,
// keeping the outline levels of the styles: the entries of the PDF's table of contents (level 1
// is the document's title).
const tocInstr = `TOC \o "2-3" \h \z \u`

// toc writes the table of contents: a field that Word fills in with page numbers when it opens
// the document (the field is marked dirty, and the settings ask for fields to be updated). Until
// then it shows the entries, each a link to its heading, without page numbers: only a layout
// knows them, and LibreOffice shows a table of contents as it was stored until the user updates
// it.
func (w *body) toc(entries []*heading) {
	p := props{style: "TOCHeading"}
	w.open(&frame{after: -1}, &p)
	w.pPr(p)
	w.raw(`<w:r><w:t>`, tocTitle, `</w:t></w:r></w:p>`, "\n")
	for i, h := range entries {
		style := "TOC2"
		if h.level == 3 {
			style = "TOC3"
		}
		w.raw(`<w:p><w:pPr><w:pStyle w:val="`, style, `"/></w:pPr>`)
		if i == 0 {
			w.raw(`<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r><w:r><w:instrText xml:space="preserve"> `)
			w.text(tocInstr)
			w.raw(` </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>`)
		}
		name := bookmark(h.id)
		w.raw(`<w:hyperlink w:anchor="`, name, `" w:history="1"><w:r><w:t xml:space="preserve">`)
		w.text(strings.Join(strings.Fields(h.text.text), " "))
		w.raw(`</w:t></w:r></w:hyperlink>`)
		if i == len(entries)-1 {
			w.raw(`<w:r><w:fldChar w:fldCharType="end"/></w:r>`)
		}
		w.raw("</w:p>\n")
	}
	w.breakNext = true
}
