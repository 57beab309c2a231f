// Package markdown writes documents (document.Document: the contract annex,
// the memorandum, the SLA) as CommonMark Markdown with GFM tables, from the
// templates of package templates or from the user's own.
//
// Templates receive a View, never the checklist. Cell text reaches them as
// Text, which prints escaped, so that whatever a cell holds comes out
// literally and never as markup.
package markdown

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"text/template"
	"time"

	"github.com/annexgen/annexgen/document"
	"github.com/annexgen/annexgen/templates"
)

// Template is a parsed document template, safe for concurrent use.
type Template struct {
	kind document.Kind
	tmpl *template.Template
	srcs map[string]source // by file name, to locate execution errors
}

// source is one template file's text and where it came from.
type source struct {
	text     string
	override bool
}

// TemplateError is a mistake in a template file.
type TemplateError struct {
	File     string // template file name, "item.md.tmpl"
	Override bool   // the file came from the user's template folder
	Line     int    // 1-based; 0 when the mistake has no one place (a limit passed)
	Col      int    // 1-based, in characters
	Exec     bool   // found while writing a document rather than while parsing
	Detail   string // text/template's own description
}

// Error returns "item.md.tmpl:12:5: テンプレートに誤りがあります: …", or
// without a line "annex.md.tmpl: テンプレートを適用できません: …".
func (e *TemplateError) Error() string {
	what := "テンプレートの書き方に誤りがあります"
	if e.Exec {
		what = "テンプレートを適用できません"
	}
	if e.Line == 0 {
		return fmt.Sprintf("%s: %s: %s", e.File, what, e.Detail)
	}
	return fmt.Sprintf("%s:%d:%d: %s: %s", e.File, e.Line, e.Col, what, e.Detail)
}

// funcs are the helper functions templates may call.
var funcs = template.FuncMap{
	// line prints text on one line, escaped: for headings and table cells.
	"line": func(v any) string { return EscapeLine(plain(v)) },
	// md escapes any value as Markdown inline text.
	"md": func(v any) string { return Escape(plain(v)) },
	// raw gives cell text unescaped, for comparisons.
	"raw": plain,
	// inc returns i+1, for numbering from a range index.
	"inc": func(i int) int { return i + 1 },
	// num returns i+1 in full-width digits, as contracts number their
	// paragraphs and items: （１）, ２.
	"num": fullWidth,
	// label returns the party label of the i-th party (0-based).
	"label": document.PartyLabel,
}

// fullWidth returns i+1 written in full-width digits: "１", "１２".
func fullWidth(i int) string {
	digits := []rune(strconv.Itoa(i + 1))
	for k, d := range digits {
		if d >= '0' && d <= '9' {
			digits[k] = d - '0' + '０'
		}
	}
	return string(digits)
}

// plain returns the unescaped text of v.
func plain(v any) string {
	switch v := v.(type) {
	case Text:
		return string(v)
	case string:
		return v
	case nil:
		return ""
	}
	return fmt.Sprint(v)
}

// Parse parses the templates for kind: its main file (kind.File()) and every
// other *.tmpl file except the other kinds' main files, from the
// default set, with the files in override (may be nil) replacing defaults
// of the same name and adding new ones. Errors are *TemplateError naming
// the file, line and column.
func Parse(kind document.Kind, override fs.FS) (*Template, error) {
	if !kind.Valid() {
		return nil, fmt.Errorf("文書の種類「%s」はありません（%s を指定してください）", kind, document.KindNames("または"))
	}
	srcs := map[string]source{}
	if err := readTemplates(templates.FS, false, srcs); err != nil {
		return nil, err
	}
	if override != nil {
		if err := readTemplates(override, true, srcs); err != nil {
			return nil, err
		}
	}
	main := kind.File()
	if _, ok := srcs[main]; !ok {
		return nil, fmt.Errorf("テンプレート %s がありません", main)
	}
	names := []string{main}
	for name := range srcs {
		if name != main && !isMainFile(name) {
			names = append(names, name)
		}
	}
	sort.Strings(names[1:])
	root := template.New(main).Funcs(funcs).Option("missingkey=error")
	for _, name := range names {
		t := root
		if name != main {
			t = root.New(name)
		}
		if _, err := t.Parse(srcs[name].text); err != nil {
			return nil, parseError(name, srcs[name], err)
		}
	}
	return &Template{kind: kind, tmpl: root, srcs: srcs}, nil
}

// isMainFile reports whether name is a document's main template.
func isMainFile(name string) bool {
	for _, k := range document.Kinds() {
		if name == k.File() {
			return true
		}
	}
	return false
}

// readTemplates reads the *.tmpl files at the root of fsys into srcs.
// Subfolders and other files are ignored.
func readTemplates(fsys fs.FS, override bool, srcs map[string]source) error {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return fmt.Errorf("テンプレートのフォルダを読めません: %w", err)
	}
	for _, e := range entries {
		if e.IsDir() || path.Ext(e.Name()) != ".tmpl" {
			continue
		}
		b, err := fs.ReadFile(fsys, e.Name())
		if err != nil {
			return fmt.Errorf("テンプレート %s を読めません: %w", e.Name(), err)
		}
		// Files saved by Windows editors: drop the BOM, use LF line ends.
		text := strings.TrimPrefix(string(b), "\uFEFF")
		text = strings.ReplaceAll(text, "\r\n", "\n")
		srcs[e.Name()] = source{text: text, override: override}
	}
	return nil
}

// Limits on one document's Markdown, so that a template cannot exhaust
// memory or time ({{range 100000000}}): past either, Execute stops with a
// *TemplateError naming the template.
var (
	MaxOutput = 16 << 20        // bytes
	MaxTime   = 5 * time.Second // per document
)

// Execute writes d as Markdown. d must be of the kind the template was
// parsed for. Nothing is written when an error occurs.
func (t *Template) Execute(w io.Writer, d *document.Document) error {
	if d == nil {
		return errors.New("文書がありません")
	}
	if d.Kind != t.kind {
		return fmt.Errorf("%s のテンプレートで %s の文書は作成できません", t.kind, d.Kind)
	}
	out := &limitedBuffer{max: MaxOutput, deadline: time.Now().Add(MaxTime)}
	done := make(chan error, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- fmt.Errorf("テンプレートの実行中に内部エラーが発生しました（%v）", p)
			}
		}()
		done <- t.tmpl.Execute(out, newView(d))
	}()
	timer := time.NewTimer(MaxTime)
	defer timer.Stop()
	var err error
	select {
	case err = <-done:
	case <-timer.C:
		// text/template cannot be stopped: the execution is left to end at
		// its next write, which fails now that the deadline has passed.
		err = errTooSlow
	}
	switch {
	case errors.Is(err, errTooLarge):
		return t.limitError(fmt.Sprintf("文書が大きくなりすぎます（Markdown で %d MB を超えました）。{{range}} の繰り返しなどを確かめてください", MaxOutput>>20))
	case errors.Is(err, errTooSlow):
		return t.limitError(fmt.Sprintf("文書の作成に時間がかかりすぎます（%sを超えました）。{{range}} の繰り返しなどを確かめてください", japaneseDuration(MaxTime)))
	case err != nil:
		return t.execError(err)
	}
	_, err = w.Write(tidy(out.Bytes()))
	return err
}

// japaneseDuration says d in seconds, or in milliseconds below a second.
func japaneseDuration(d time.Duration) string {
	if d < time.Second {
		return fmt.Sprintf("%dミリ秒", d.Milliseconds())
	}
	return fmt.Sprintf("%g秒", d.Seconds())
}

var (
	errTooLarge = errors.New("output too large")
	errTooSlow  = errors.New("too slow")
)

// limitError is a *TemplateError about a limit, naming the main template.
func (t *Template) limitError(detail string) error {
	main := t.kind.File()
	return &TemplateError{File: main, Override: t.srcs[main].override, Exec: true, Detail: detail}
}

// limitedBuffer is a buffer that refuses writes past max bytes or past
// the deadline.
type limitedBuffer struct {
	bytes.Buffer
	max      int
	deadline time.Time
}

func (b *limitedBuffer) Write(p []byte) (int, error) {
	if b.Len()+len(p) > b.max {
		return 0, errTooLarge
	}
	if time.Now().After(b.deadline) {
		return 0, errTooSlow
	}
	return b.Buffer.Write(p)
}

// WriteString is Write for a string; text/template prefers it.
func (b *limitedBuffer) WriteString(s string) (int, error) { return b.Write([]byte(s)) }

var blankLines = regexp.MustCompile(`\n(?:[ \t]*\n)+`)

// tidy collapses runs of blank lines (left by template actions) into one,
// drops blank lines at the start and ends the text with one line break.
func tidy(b []byte) []byte {
	b = blankLines.ReplaceAll(b, []byte("\n\n"))
	b = bytes.TrimLeft(b, "\n")
	b = bytes.TrimRight(b, " \t\n")
	return append(b, '\n')
}

var (
	parseErrRe = regexp.MustCompile(`(?s)^template: (.+?):(\d+): (.*)$`)
	execErrRe  = regexp.MustCompile(`(?s)^template: (.+?):(\d+):(\d+): (.*)$`)
)

// execError turns an execution error into a *TemplateError where it names
// a place in a template.
func (t *Template) execError(err error) error {
	var ee template.ExecError
	if !errors.As(err, &ee) {
		return err
	}
	m := execErrRe.FindStringSubmatch(ee.Err.Error())
	if m == nil {
		return fmt.Errorf("テンプレートを適用できません: %w", err)
	}
	line, byteCol := atoi(m[2]), atoi(m[3])
	src := t.srcs[m[1]]
	return &TemplateError{
		File:     m[1],
		Override: src.override,
		Line:     line,
		Col:      runeCol(src.text, line, byteCol),
		Exec:     true,
		Detail:   m[4],
	}
}

// parseError locates a text/template parse error, which gives only a line,
// at the action that caused it.
func parseError(name string, src source, err error) error {
	m := parseErrRe.FindStringSubmatch(err.Error())
	if m == nil || m[1] != name {
		return &TemplateError{File: name, Override: src.override, Line: 1, Col: 1, Detail: err.Error()}
	}
	line, detail := atoi(m[2]), m[3]
	e := &TemplateError{File: name, Override: src.override, Line: line, Col: 1, Detail: detail}
	acts := scanActions(src.text)
	if strings.Contains(detail, "unexpected EOF") {
		// A block left open: point at its opening action.
		var open []action
		for _, a := range acts {
			switch a.keyword() {
			case "if", "range", "with", "define", "block":
				open = append(open, a)
			case "end":
				if len(open) > 0 {
					open = open[:len(open)-1]
				}
			}
		}
		if len(open) > 0 {
			a := open[len(open)-1]
			e.Line, e.Col = a.line, a.col
			e.Detail = fmt.Sprintf("{{%s}} に対応する {{end}} がありません (%s)", a.keyword(), detail)
		}
		return e
	}
	first := true
	for _, a := range acts {
		if a.line != line {
			continue
		}
		if first {
			e.Col = a.col
			first = false
		}
		// The first action of the line whose prefix fails the same way.
		_, perr := template.New(name).Funcs(funcs).Parse(src.text[:a.end])
		if perr != nil {
			if pm := parseErrRe.FindStringSubmatch(perr.Error()); pm != nil && pm[3] == detail {
				e.Col = a.col
				break
			}
		}
	}
	return e
}

// action is one {{…}} in a template's text.
type action struct {
	start, end int    // byte offsets of "{{" and after "}}"
	line, col  int    // 1-based position of "{{", col in characters
	body       string // text between the delimiters
}

// keyword returns the action's first word: "if", "end", ….
func (a action) keyword() string {
	b := strings.TrimPrefix(a.body, "-")
	f := strings.Fields(b)
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

// scanActions finds the actions of a template, skipping delimiters inside
// quoted strings and comments.
func scanActions(src string) []action {
	var acts []action
	i := 0
	for {
		j := strings.Index(src[i:], "{{")
		if j < 0 {
			return acts
		}
		start := i + j
		k := start + 2
		end := len(src)
	scan:
		for k < len(src) {
			switch {
			case strings.HasPrefix(src[k:], "}}"):
				end = k + 2
				break scan
			case strings.HasPrefix(src[k:], "/*"):
				if c := strings.Index(src[k+2:], "*/"); c >= 0 {
					k += 2 + c + 2
				} else {
					k = len(src)
				}
			case src[k] == '"' || src[k] == '\'' || src[k] == '`':
				q := src[k]
				k++
				for k < len(src) && src[k] != q && (q == '`' || src[k] != '\n') {
					if src[k] == '\\' && q != '`' {
						k++
					}
					k++
				}
				k++
			default:
				k++
			}
		}
		if end > len(src) {
			end = len(src)
		}
		bodyEnd := end - 2
		if bodyEnd < start+2 {
			bodyEnd = start + 2
		}
		if bodyEnd > len(src) {
			bodyEnd = len(src)
		}
		line := 1 + strings.Count(src[:start], "\n")
		lineStart := strings.LastIndex(src[:start], "\n") + 1
		acts = append(acts, action{
			start: start,
			end:   end,
			line:  line,
			col:   1 + len([]rune(src[lineStart:start])),
			body:  strings.TrimSpace(src[start+2 : bodyEnd]),
		})
		i = end
	}
}

// runeCol converts a 0-based byte offset within a line into a 1-based
// character column.
func runeCol(text string, line, byteCol int) int {
	lines := strings.SplitN(text, "\n", line+1)
	if line < 1 || line > len(lines) {
		return byteCol + 1
	}
	l := lines[line-1]
	if byteCol > len(l) {
		byteCol = len(l)
	}
	return 1 + len([]rune(l[:byteCol]))
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}
