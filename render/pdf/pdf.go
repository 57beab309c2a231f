// Package pdf typesets a Markdown document (CommonMark with GFM tables) as an A4 PDF in the style
// of a Japanese business document: 明朝 body text, ゴシック headings, JLReq line breaking, a running
// header, `n / N` page numbers, a table of contents with page numbers and links, nested bookmarks,
// tables that break across pages with their header row repeated, and fonts embedded as subsets.
//
// The work is done in three steps. The Markdown is parsed by goldmark into blocks of styled text;
// the layout engine of this package turns the blocks into boxes (one per line of text, table row or
// rule) and packs the boxes into pages, keeping headings with what follows them and avoiding
// single lines at page ends; only then is the PDF drawn with gopdf, so the total page count and the
// page of every heading are known before anything is written.
//
// Characters the fonts cannot draw are never dropped silently: each is reported in
// Result.Missing and drawn as 〓 (U+3013 GETA MARK, the Japanese typesetter's mark for a missing
// character), or left out when it is an invisible format character such as a variation selector.
// Characters outside the Basic Multilingual Plane (𠮷, emoji) count as missing even when the font
// has them, because gopdf v0.37.0 writes ToUnicode entries, bookmark titles and document
// information as four hex digits per character, which would make them unextractable or corrupt.
//
// The same input gives the same bytes: nothing depends on the clock, map order or the machine.
package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/signintech/gopdf"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"github.com/annexgen/annexgen/render/fonts"
	"github.com/annexgen/annexgen/render/mark"
	"github.com/annexgen/annexgen/render/pdf/internal/metrics"
)

// Meta is the document information.
type Meta struct {
	Title   string
	Author  string // the parties, e.g. "医療法人○○会、株式会社△△"
	Subject string
	Created time.Time // the workbook's 作成日, never the clock; zero leaves CreationDate out
	Header  string    // running header text; empty means Title
}

// Result reports what happened.
type Result struct {
	Pages   int
	Missing []MissingGlyph // characters the fonts lack, in order of first appearance
}

// MissingGlyph is a character the fonts cannot draw.
type MissingGlyph struct {
	Rune    rune
	Context string // the nearest heading text, e.g. "Part2 A-1 バックアップ"
}

// String describes m for logs.
func (m MissingGlyph) String() string {
	return fmt.Sprintf("%q (%U) in %q", m.Rune, m.Rune, m.Context)
}

// Typesetter holds parsed fonts and renders documents. Create it once and reuse it for many
// documents; it is safe for concurrent use by several goroutines.
type Typesetter struct {
	faces     [faceCount]*face
	container *gopdf.FontContainer
	markdown  goldmark.Markdown
	compress  int
}

// face is one font of the typesetter.
type face struct {
	name    string // PostScript name, sanitized for a PDF name
	family  string // key in the font container: a placeholder subset tag and the name
	metrics *metrics.Face
}

// faceID names the role a font plays.
type faceID uint8

const (
	body   faceID = iota // 明朝: body text
	gothic               // ゴシック regular: emphasis, code, running header
	bold                 // ゴシック bold: headings, strong, table headers
	faceCount
)

// placeholderTag stands for the subset tag in the font container; it is replaced in the written
// PDF by a tag derived from the font name and the characters used.
const placeholderTag = "QQQQQQ"

// New parses the fonts of set once. Body is required; a missing Heading falls back to Body and a
// missing Bold to Heading.
func New(set *fonts.Set) (*Typesetter, error) {
	if set == nil || set.Body == nil {
		return nil, errors.New("本文用のフォントが指定されていません")
	}
	roles := [faceCount]*fonts.Face{set.Body, set.Heading, set.Bold}
	if roles[gothic] == nil {
		roles[gothic] = roles[body]
	}
	if roles[bold] == nil {
		roles[bold] = roles[gothic]
	}
	t := &Typesetter{
		container: &gopdf.FontContainer{},
		markdown:  goldmark.New(goldmark.WithExtensions(extension.Table, mark.Extension)),
		compress:  compressLevel,
	}
	// Parsing a Japanese font takes milliseconds: the distinct faces are
	// parsed side by side (the container is safe for concurrent use).
	first := map[*fonts.Face]int{}
	var errs [faceCount]error
	var wg sync.WaitGroup
	for i, ff := range roles {
		if _, ok := first[ff]; ok {
			continue
		}
		first[ff] = i
		wg.Add(1)
		go func() {
			defer wg.Done()
			t.faces[i], errs[i] = t.addFace(ff, i)
		}()
	}
	wg.Wait()
	for i, ff := range roles {
		if errs[i] != nil {
			return nil, errs[i]
		}
		t.faces[i] = t.faces[first[ff]]
	}
	return t, nil
}

// addFace parses one font into the container and reads its metrics.
func (t *Typesetter) addFace(ff *fonts.Face, index int) (*face, error) {
	where := ff.Path
	if where == "" {
		where = ff.Name
	}
	if len(ff.Data) == 0 {
		return nil, fmt.Errorf("フォント %s のデータが空です", where)
	}
	m, err := metrics.Parse(ff.Data)
	if err != nil {
		return nil, fmt.Errorf("フォント %s を読み込めません（TrueType 形式のフォントが必要です）: %w", where, err)
	}
	name := pdfName(ff.Name)
	if name == "" {
		name = pdfName(strings.TrimSuffix(filepath.Base(ff.Path), filepath.Ext(ff.Path)))
	}
	if name == "" {
		name = "Font"
	}
	// The index keeps two different fonts with the same name apart in the container.
	f := &face{name: name, metrics: m, family: fmt.Sprintf("%s%d+%s", placeholderTag[:5], index, name)}
	if err := addFont(t.container, f.family, ff.Data); err != nil {
		return nil, fmt.Errorf("フォント %s を読み込めません: %w", where, err)
	}
	return f, nil
}

// addFont parses a font into the container; gopdf's parser may panic on a damaged font.
func addFont(c *gopdf.FontContainer, family string, data []byte) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("フォントのデータが壊れています (%v)", r)
		}
	}()
	return c.AddTTFFontData(family, data)
}

// pdfName keeps the characters of s that may stand in a PDF name without escaping.
func pdfName(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z', r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-', r == '_', r == '.':
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Render typesets the Markdown document and writes the PDF to w. Nothing is written when an
// error is returned.
func (t *Typesetter) Render(w io.Writer, markdown []byte, meta Meta) (res *Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("PDF を作成できませんでした（内部エラー: %v）", r)
		}
	}()
	root := t.markdown.Parser().Parse(text.NewReader(markdown))
	conv := newConverter(t, markdown)
	doc := conv.document(root)
	header := meta.Header
	if header == "" {
		header = meta.Title
	}
	if header == "" {
		header = doc.title
	}
	lay := newLayouter(t, conv)
	lay.document(doc)
	pages := lay.paginate()
	lay.decorate(pages, conv.plain(header, gothic, "ヘッダー"))
	info := gopdf.PdfInfo{
		Title:        conv.infoText(meta.Title),
		Author:       conv.infoText(meta.Author),
		Subject:      conv.infoText(meta.Subject),
		Creator:      "annexgen",
		CreationDate: meta.Created,
	}
	var buf bytes.Buffer
	if err := t.draw(&buf, pages, lay.headings, info); err != nil {
		return nil, fmt.Errorf("PDF を作成できませんでした: %w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return nil, err
	}
	return &Result{Pages: len(pages), Missing: conv.missing}, nil
}
