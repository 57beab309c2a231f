package pdf

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"

	"github.com/signintech/gopdf"
)

// outlinesObject is the object number of the outline root in a gopdf document: Start creates the
// catalog, the page tree and the outline root first, in that order. gopdf gives top-level
// bookmarks the wrong parent (the page tree); draw sets the right one. A test checks the number.
const outlinesObject = 3

// pen remembers the graphics state so that unchanged settings are not written again.
type pen struct {
	family   string
	size, cs float64
	textGray float64
	lineW    float64
	lineGray float64
	dotted   bool
	fresh    bool
}

// draw writes the pages as a PDF to w.
func (t *Typesetter) draw(w io.Writer, pages []*page, headings []*heading, info gopdf.PdfInfo) error {
	gp := &gopdf.GoPdf{}
	gp.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Unit: gopdf.UnitPT})
	gp.SetCompressLevel(t.compress)
	gp.SetFontCompressLevel(t.fontZlib)
	gp.SetLang("ja")
	gp.SetInfo(info)
	tags, err := t.addFonts(gp, pages)
	if err != nil {
		return err
	}
	ol := &bookmarks{headings: headings}
	for _, p := range pages {
		gp.AddPage()
		st := &pen{fresh: true}
		for _, o := range p.ops {
			if err := t.drawOp(gp, st, ol, o); err != nil {
				return err
			}
		}
	}
	ol.link()

	var buf bytes.Buffer
	if _, err := gp.WriteTo(&buf); err != nil {
		return err
	}
	out := buf.Bytes()
	for family, tag := range tags {
		if err := replaceTag(out, family, tag); err != nil {
			return err
		}
	}
	if tree := ol.tree; len(tree) > 0 {
		if err := fixOutlineRoot(out, len(tree), tree[len(tree)-1].Obj.GetIndex()); err != nil {
			return err
		}
	}
	_, err = w.Write(out)
	return err
}

// addFonts adds the fonts the pages use and returns the subset tag of each, by family.
func (t *Typesetter) addFonts(gp *gopdf.GoPdf, pages []*page) (map[string]string, error) {
	// The fonts used, and the characters drawn with each, for the subset tags.
	used := map[*face]map[rune]bool{}
	for _, p := range pages {
		for _, o := range p.ops {
			if o.kind != opText {
				continue
			}
			f := t.faces[o.face]
			if used[f] == nil {
				used[f] = map[rune]bool{}
			}
			for _, r := range o.text {
				used[f][r] = true
			}
		}
	}
	tags := map[string]string{}
	for _, f := range t.faces {
		if used[f] == nil || tags[f.family] != "" {
			continue
		}
		if err := gp.AddTTFFontFromFontContainer(f.family, t.container); err != nil {
			return nil, err
		}
		tags[f.family] = subsetTag(f.name, used[f])
	}
	return tags, nil
}

// drawOp draws one operation.
func (t *Typesetter) drawOp(gp *gopdf.GoPdf, st *pen, ol *bookmarks, o op) error {
	switch o.kind {
	case opText:
		return t.drawText(gp, st, o)
	case opLine, opDots:
		st.stroke(gp, o)
	case opFill:
		// Text sets the same non-stroking colour, so the fill colour is always set.
		g := gray(o.gray)
		gp.SetFillColor(g, g, g)
		st.textGray = -1
		gp.RectFromUpperLeftWithStyle(o.x, o.y, o.x2, o.y2, "F")
	case opLink:
		gp.AddInternalLink(anchor(o.id), o.x, o.y, o.x2, o.y2)
	case opURL:
		gp.AddExternalLink(o.target, o.x, o.y, o.x2, o.y2)
	case opMark:
		gp.SetY(o.y)
		gp.SetAnchor(anchor(o.id))
		ol.add(gp, o.id)
	}
	return nil
}

// drawText draws a run of text, setting only the font, spacing and colour that changed.
func (t *Typesetter) drawText(gp *gopdf.GoPdf, st *pen, o op) error {
	f := t.faces[o.face]
	if st.fresh || st.family != f.family || st.size != o.size {
		if err := gp.SetFont(f.family, "", o.size); err != nil {
			return err
		}
		st.family, st.size = f.family, o.size
	}
	if st.fresh || st.cs != o.cs {
		if err := gp.SetCharSpacing(o.cs); err != nil {
			return err
		}
		st.cs = o.cs
	}
	if st.fresh || st.textGray != o.gray {
		g := gray(o.gray)
		gp.SetTextColor(g, g, g)
		st.textGray = o.gray
	}
	st.fresh = false
	gp.SetXY(o.x, o.y)
	return gp.Text(o.text)
}

// stroke draws a line or a dotted leader.
func (st *pen) stroke(gp *gopdf.GoPdf, o op) {
	if st.lineW != o.width {
		gp.SetLineWidth(o.width)
		st.lineW = o.width
	}
	if st.lineGray != o.gray {
		g := gray(o.gray)
		gp.SetStrokeColor(g, g, g)
		st.lineGray = o.gray
	}
	dotted := o.kind == opDots
	if dotted != st.dotted {
		if dotted {
			gp.SetCustomLineType([]float64{0.8, 2.2}, 0)
		} else {
			gp.SetLineType("solid")
		}
		st.dotted = dotted
	}
	y2 := o.y2
	if dotted {
		y2 = o.y
	}
	gp.Line(o.x, o.y, o.x2, y2)
}

// bookmarks builds the outline: a bookmark per heading, nested by level.
type bookmarks struct {
	headings []*heading
	tree     gopdf.OutlineNodes
	stack    []outlineLevel
}

type outlineLevel struct {
	n    int
	node *gopdf.OutlineNode
}

// add adds the bookmark of heading id at the current position.
func (ol *bookmarks) add(gp *gopdf.GoPdf, id int) {
	h := ol.headings[id]
	title := h.plain
	if title == "" {
		title = "—"
	}
	node := &gopdf.OutlineNode{Obj: gp.AddOutlineWithPosition(title)}
	// The document title stands beside the sections, not above them, so that the
	// sections show at the top level of a viewer's bookmark pane.
	lv := max(h.level, 2)
	for len(ol.stack) > 0 && ol.stack[len(ol.stack)-1].n >= lv {
		ol.stack = ol.stack[:len(ol.stack)-1]
	}
	if len(ol.stack) == 0 {
		node.Obj.SetParent(outlinesObject)
		ol.tree = append(ol.tree, node)
	} else {
		parent := ol.stack[len(ol.stack)-1].node
		parent.Children = append(parent.Children, node)
	}
	ol.stack = append(ol.stack, outlineLevel{lv, node})
}

// link links the top level of the bookmarks. OutlineNodes.Parse links it wrongly (each /Prev
// stays the bookmark added before, which may be nested): link it here and let Parse handle the
// levels below.
func (ol *bookmarks) link() {
	for i, node := range ol.tree {
		prev, next := -1, -1
		if i > 0 {
			prev = ol.tree[i-1].Obj.GetIndex()
		}
		if i < len(ol.tree)-1 {
			next = ol.tree[i+1].Obj.GetIndex()
		}
		node.Obj.SetPrev(prev)
		node.Obj.SetNext(next)
		node.Parse()
	}
}

// gray converts 0 (black) … 1 (white) to an 8-bit level.
func gray(v float64) uint8 { return uint8(v*255 + 0.5) }

// anchor names the link target of heading id.
func anchor(id int) string { return "h" + strconv.Itoa(id) }

// subsetTag derives the six capital letters that prefix the name of an embedded subset from the
// font name and the characters used, so that the same subset always gets the same tag and
// different subsets of a font almost surely different ones.
func subsetTag(name string, runes map[rune]bool) string {
	list := make([]rune, 0, len(runes))
	for r := range runes {
		list = append(list, r)
	}
	slices.Sort(list)
	h := sha256.New()
	h.Write([]byte(name))
	h.Write([]byte{0})
	h.Write([]byte(string(list)))
	sum := h.Sum(nil)
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	return string(tag)
}

// replaceTag puts the subset tag in place of the placeholder in the three font dictionaries
// (Type0 and CIDFont /BaseFont, FontDescriptor /FontName). The tag has the placeholder's length,
// so no offset in the file moves.
func replaceTag(pdf []byte, family, tag string) error {
	placeholder := []byte(family[:6])
	var found int
	for _, key := range []string{"/BaseFont /", "/FontName /"} {
		needle := []byte(key + family + "\n")
		for i := 0; ; {
			j := bytes.Index(pdf[i:], needle)
			if j < 0 {
				break
			}
			at := i + j + len(key)
			copy(pdf[at:at+len(placeholder)], tag)
			found++
			i = at
		}
	}
	if found != 3 {
		return fmt.Errorf("subset font %s: %d name entries, want 3", family, found)
	}
	return nil
}

// outlineRoot matches the outline root gopdf writes.
var outlineRoot = regexp.MustCompile(`/Type /Outlines\n\t/Count (\d+)\n\t/First \d+ 0 R\n\t/Last (\d+) 0 R\n`)

// fixOutlineRoot corrects the outline root's /Last (gopdf writes the last bookmark added, which
// may be nested) and /Count (the top-level bookmarks visible with the nested ones closed),
// padding with spaces so that no offset moves.
func fixOutlineRoot(pdf []byte, count, last int) error {
	loc := outlineRoot.FindSubmatchIndex(pdf)
	if loc == nil {
		return fmt.Errorf("outline root not found")
	}
	put := func(start, end, v int) error {
		s := strconv.Itoa(v)
		if len(s) > end-start {
			return fmt.Errorf("outline root: %d does not fit", v)
		}
		for len(s) < end-start {
			s += " "
		}
		copy(pdf[start:end], s)
		return nil
	}
	if err := put(loc[2], loc[3], count); err != nil {
		return err
	}
	return put(loc[4], loc[5], last)
}
