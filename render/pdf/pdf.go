// Package pdf typesets a Markdown document (CommonMark with GFM tables) as an A4 PDF in the style
// of a Japanese business document: 明朝 body text, ゴシック headings, JLReq line breaking, a running
// header, `n / N` page numbers, a table of contents with page numbers and links, nested bookmarks,
// tables that break across pages with their header row repeated, and fonts embedded as subsets.
//
// The work is done in three steps. The Markdown is parsed by goldmark into blocks of styled text;
// the layout engine of this package turns the blocks into boxes (one per line of text, table row or
// rule) and packs the boxes into pages, keeping headings and labels with what follows them and
// avoiding single lines at page ends; only then is the PDF drawn with gopdf, so the total page count and the
// page of every heading are known before anything is written.
//
// # Constructs the layout understands
//
// Templates write plain CommonMark; the layout reads these constructs in it, so any template gets
// them:
//
//   - Items and numbered paragraphs hang: a paragraph, or a hard line in one (a line ending in a
//     backslash or two spaces), that starts with （１） or (1), with a paragraph number ２ or an
//     item number 一 followed by a full-width space, or with a short label ending in a colon
//     (理由：, 対象システム：) sets its continuation lines under the text after that marker; the
//     hard lines that follow it without a marker of their own hang there too.
//   - A paragraph of one or two lines directly before a table or a list (【役割分担】,
//     「次のとおりとする。」) is kept on the page of the table's header and first row, or the
//     list's first two lines; so is a short paragraph directly under a heading, and a one-line
//     label (【合意内容】, or a line ending in a colon) with the first two lines of the paragraph
//     after it.
//   - A one-line paragraph that ends a section, directly before a heading or at the end
//     (【状況】…), stays on the page of the text before it.
//   - A paragraph of short hard lines, none of which wraps (a party's signature block: （甲）,
//     名称：…, 代表者：…), is never broken across pages.
//   - A signature block — a paragraph (「…の締結を証するため、…」), a one-line paragraph (the
//     date), then one or more blocks of short hard lines (each party's 所在地, 名称, 代表者) — is
//     kept on one page; the parties' blocks are set in from the left, and a 印 after full-width
//     spaces at the end of a line is set at the right end of the measure.
//   - A table of one header cell and no rows (「協議中の事項あり（2件）」, 「合意内容未記入」) is a
//     note in a frame: a box as wide as its text, centred directly under the title.
//   - A table whose header row is 改正後 | 改正前, possibly after a first column (事項), is a
//     新旧対照表: the 改正後 and 改正前 columns share the measure equally, whatever their content.
//   - A heading that starts with 第N条 is an article: body size, bold ゴシック. The first level-1
//     heading is the title, the only large type, broken between phrases when it needs two lines,
//     with a leading 別紙 or 別表N (「別紙　…」) set on a line of its own at the left; other level-2
//     headings (別表1, parts) are a little larger than the body. A level-2 heading
//     that starts with 別表, 別紙 or 参考 starts a new page; a deeper heading directly over deeper
//     ones (A　共通 over its items) is a little larger than they are.
//   - Adjacent full-width brackets, commas, full stops and middle dots are set at half width
//     (JLReq 3.1.4, 3.1.5); a paragraph never ends in a line of a single character.
//   - Table columns are as wide as their content needs, short columns unbroken.
//
// Characters the fonts cannot draw are never dropped silently: each is reported in
// Result.Missing and drawn as 〓 (U+3013 GETA MARK, the Japanese typesetter's mark for a missing
// character), or left out when it is an invisible format character such as a variation selector.
// Characters outside the Basic Multilingual Plane are drawn when the font has them (BIZ UD Mincho
// has 𠀋 U+2000B, not 𠮷 U+20BB7) and written as UTF-16 surrogate pairs in the ToUnicode map,
// bookmark titles and document information, so that they extract as they were typed.
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

	"github.com/annexgen/annexgen/render/fonts"
	"github.com/annexgen/annexgen/render/internal/sfnt"
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
	compress  int // zlib level of the content streams
	fontZlib  int // zlib level of the embedded font subsets
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

// fontCompressLevel is the zlib level of the embedded font subsets. Glyph outlines compress
// poorly: 80 KB of BIZ UD Mincho's outlines take 1.02 ms at the standard library's level 1
// (59.6 KB) and 3.16 ms at its level 6 (54.7 KB); klauspost/compress, which gopdf uses, takes
// 0.58 ms at level 1 (58.5 KB), 0.82 ms at level 3 (57.1 KB, +4.4% against the standard
// library's default) and 1.45 ms at level 6 (55.4 KB). Level 3 is the fastest within 5% of
// the default's size.
const fontCompressLevel = 3

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
		compress:  compressLevel,
		fontZlib:  fontCompressLevel,
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
	font, err := ff.Font()
	if err != nil {
		return nil, fmt.Errorf("フォント %s を読み込めません（TrueType 形式のフォントが必要です）: %w", where, err)
	}
	m := metrics.New(font)
	name := sfnt.CleanName(ff.Name)
	if name == "" {
		name = sfnt.CleanName(strings.TrimSuffix(filepath.Base(ff.Path), filepath.Ext(ff.Path)))
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

// Render typesets the Markdown document and writes the PDF to w. Nothing is written when an
// error is returned.
func (t *Typesetter) Render(w io.Writer, markdown []byte, meta Meta) (res *Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("PDF を作成できませんでした（内部エラー: %v）", r)
		}
	}()
	conv := newConverter(t)
	doc := conv.document(markdown)
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
