package markdown

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	gast "github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/annexgen/annexgen/checklist"
	"github.com/annexgen/annexgen/document"
)

// textFields returns pointers to every cell text of c that documents print.
func textFields(c *checklist.Checklist) []*string {
	h := &c.Info.Hospital
	f := []*string{&h.Name, &h.Contact, &h.Address, &h.Representative, &c.Info.System, &c.Info.Contract, &c.Info.Version}
	for i := range c.Info.Vendors {
		v := &c.Info.Vendors[i]
		f = append(f, &v.Name, &v.Contact, &v.Address, &v.Representative)
	}
	for pi := range c.Parts {
		p := &c.Parts[pi]
		f = append(f, &p.Title)
		for si := range p.Sections {
			s := &p.Sections[si]
			if s.Letter != "" {
				f = append(f, &s.Letter)
			}
			f = append(f, &s.Title)
			for ii := range s.Items {
				it := &s.Items[ii]
				f = append(f, &it.Title, &it.Content, &it.Agreement, &it.Remarks)
			}
		}
	}
	for i := range c.Levels {
		l := &c.Levels[i]
		f = append(f, &l.Metric, &l.Target, &l.Method, &l.Period, &l.Remedy)
	}
	return f
}

// block is a leaf block of a parsed document and the text it reads as.
type block struct {
	kind string
	text string
}

// leafBlocks lists the headings, paragraphs and table cells of md in order,
// with their text.
func leafBlocks(md []byte) []block {
	var out []block
	gast.Walk(parseMarkdown(md), func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if !entering {
			return gast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *gast.Heading:
			out = append(out, block{fmt.Sprintf("Heading%d", n.Level), inlineText(n, md)})
			return gast.WalkSkipChildren, nil
		case *gast.Paragraph:
			out = append(out, block{"Paragraph", inlineText(n, md)})
			return gast.WalkSkipChildren, nil
		case *east.TableCell:
			out = append(out, block{"TableCell", inlineText(n, md)})
			return gast.WalkSkipChildren, nil
		}
		return gast.WalkContinue, nil
	})
	return out
}

// checkLiteral fills the text fields of base with values, renders every
// document, and checks each against the same document rendered with
// harmless placeholders: the same skeleton (no heading, list, code, link,
// emphasis, HTML or table more or less), and every block reading as the
// placeholder version with the placeholders replaced by the values (on one
// line in headings and table cells).
func checkLiteral(t *testing.T, base func() *checklist.Checklist, values func(i int) string) {
	t.Helper()
	hostileC, placeholderC := base(), base()
	hf, pf := textFields(hostileC), textFields(placeholderC)
	var placeholders, full, line []string
	for i := range hf {
		v := values(i)
		*hf[i] = v
		// Blank text and a dash (「役割分担のとおり」 in 合意内容) are
		// rendered as words of the document's own, the same in both.
		if document.Normalize(v) == "" || checklist.RolesOnly(v) {
			*pf[i] = v
			continue
		}
		p := fmt.Sprintf("〔%03d〕", i)
		*pf[i] = p
		placeholders = append(placeholders, p)
		full = append(full, document.Normalize(v))
		line = append(line, strings.ReplaceAll(document.Normalize(v), "\n", " "))
	}
	replace := func(s string, with []string) string {
		for i, p := range placeholders {
			s = strings.ReplaceAll(s, p, with[i])
		}
		return s
	}
	for _, doc := range document.Kinds() {
		for _, vendor := range []string{"", hostileC.Info.Vendors[len(hostileC.Info.Vendors)-1].Key} {
			got := render(t, doc, hostileC, vendor)
			ref := render(t, doc, placeholderC, vendor)
			gs, rs := skeleton(parseMarkdown(got)), skeleton(parseMarkdown(ref))
			if strings.Join(gs, " ") != strings.Join(rs, " ") {
				t.Fatalf("%s %q: the cell text changed the document's structure\n got: %v\nwant: %v\n%s", doc, vendor, gs, rs, got)
			}
			gb, rb := leafBlocks(got), leafBlocks(ref)
			for i := range rb {
				want := rb[i].text
				if rb[i].kind == "Paragraph" {
					want = replace(want, full)
				} else {
					want = replace(want, line)
				}
				if gb[i].text != want {
					t.Fatalf("%s %q: %s %d reads\n%q\nwant\n%q", doc, vendor, rb[i].kind, i, gb[i].text, want)
				}
			}
		}
	}
}

func TestDocumentLiteralHostile(t *testing.T) {
	for shift := range len(hostile) {
		checkLiteral(t, hospital, func(i int) string { return hostile[(i+shift)%len(hostile)] })
	}
	checkLiteral(t, clinic, func(i int) string { return hostile[i%len(hostile)] })
}

func TestDocumentLiteralRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 30))
	for range 100 {
		checkLiteral(t, hospital, func(int) string { return randomText(r) })
	}
}

// TestNoStrayMarkup checks the default documents themselves: the only
// Markdown they use is headings, paragraphs with hard line breaks and
// tables.
func TestNoStrayMarkup(t *testing.T) {
	allowed := map[string]bool{
		"Document": true, "Heading1": true, "Heading2": true, "Heading3": true, "Heading4": true,
		"Paragraph": true, "Table": true, "TableHeader": true, "TableRow": true, "TableCell": true,
	}
	for _, doc := range document.Kinds() {
		md := render(t, doc, hospital(), "")
		for _, k := range skeleton(parseMarkdown(md)) {
			if !allowed[k] {
				t.Errorf("%s uses %s", doc, k)
			}
		}
		if bytes.Contains(md, []byte("**")) || bytes.Contains(md, []byte("<")) {
			t.Errorf("%s contains emphasis or HTML", doc)
		}
	}
}
