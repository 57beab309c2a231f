package markdown

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/annexgen/annexgen/document/diff"
	"github.com/annexgen/annexgen/render/mark"
)

// WriteDiff writes a 新旧対照表 as Markdown: a summary, then each change
// in a two-column table, 改正後 | 改正前, with the changed words marked
// ({==…==}, drawn with a 傍線 in the PDF and DOCX), and the bookkeeping
// last, under a heading that says 参考. Cell text is escaped.
func WriteDiff(w io.Writer, d *diff.Diff) error {
	b := &bytes.Buffer{}
	fmt.Fprintf(b, "# %s\n\n", EscapeLine(d.Title))
	if d.Same() {
		b.WriteString("変更なし\n\n改正前と改正後の確認表の間に、合意の内容の変更はない。\n\n")
	} else {
		writeIntro(b, d)
		if showsRoles(d.Items) {
			writeParties(b, d.Parties)
		}
		writeFields(b, "基本情報", d.Info)
		writeSections(b, d.Sections)
		writeItems(b, d.Items)
		writeLevels(b, d.Levels)
	}
	writeNotes(b, d.Notes)
	_, err := w.Write(tidy(b.Bytes()))
	return err
}

// writeIntro writes what the table is and the summary.
func writeIntro(b *bytes.Buffer, d *diff.Diff) {
	s := d.Summary
	subject := "役割分担確認表"
	if d.System != "" {
		subject = EscapeLine(d.System) + "に係る" + subject
	}
	fmt.Fprintf(b, "本表は、%sについて、改正前と改正後の内容を対照したものである。各表の傍線を付した部分が、変更した部分である。\n\n", subject)
	b.WriteString("## 概要\n\n")
	fmt.Fprintf(b, "%d件変更、%d件追加、%d件削除\n\n", s.Changed, s.Added, s.Removed)
	b.WriteString("| 区分 | 件数 |\n| --- | --- |\n")
	renumbered := ""
	if s.Renumbered > 0 {
		renumbered = fmt.Sprintf("（うち項番の変更 %d件）", s.Renumbered)
	}
	fmt.Fprintf(b, "| 変更した項目 | %d件%s |\n", s.Changed, renumbered)
	fmt.Fprintf(b, "| 追加した項目 | %d件 |\n", s.Added)
	fmt.Fprintf(b, "| 削除した項目 | %d件 |\n", s.Removed)
	fmt.Fprintf(b, "| 項目の数 | 改正前 %d件、改正後 %d件 |\n", s.ItemsBefore, s.ItemsAfter)
	fmt.Fprintf(b, "| 協議中の項目 | 改正前 %d件、改正後 %d件 |\n", s.OpenBefore, s.OpenAfter)
	fmt.Fprintf(b, "| 基本情報の変更 | %d件 |\n", len(d.Info))
	fmt.Fprintf(b, "| 区分の変更 | %d件 |\n", len(d.Sections))
	fmt.Fprintf(b, "| サービスレベルの変更 | %d件 |\n\n", len(d.Levels))
}

// writeParties defines the labels the role rows use.
func writeParties(b *bytes.Buffer, parties []diff.Party) {
	b.WriteString("## 当事者\n\n役割分担の欄では、当事者を次の表示により示し、役割（◎ 主担当、○ 実施、△ 支援）のない当事者は掲げない。\n\n| 表示 | 名称 |\n| --- | --- |\n")
	for _, p := range parties {
		gone := ""
		if p.Gone {
			gone = "（改正前のみ）"
		}
		fmt.Fprintf(b, "| %s | %s%s |\n", p.Label, EscapeLine(p.Name), gone)
	}
	b.WriteString("\n")
}

// showsRoles reports whether some item's roles are printed, which name
// the parties by their labels.
func showsRoles(items []diff.Item) bool {
	for _, it := range items {
		for _, f := range it.Fields {
			if f.Label == diff.RolesLabel {
				return true
			}
		}
	}
	return false
}

// changeNames says what happened, after a heading.
var changeNames = map[diff.Change]string{
	diff.Changed:    "（変更）",
	diff.Added:      "（追加）",
	diff.Removed:    "（削除）",
	diff.Renumbered: "（項番の変更）",
}

// writeFields writes a section of one two-column table.
func writeFields(b *bytes.Buffer, heading string, fields []diff.Field) {
	if len(fields) == 0 {
		return
	}
	fmt.Fprintf(b, "## %s\n\n", heading)
	writeTable(b, fields)
}

// writeTable writes fields as a table 改正後 | 改正前, one row each; the
// values of something only one version has (an item added or removed)
// share one row, as a provision does in an amendment table.
func writeTable(b *bytes.Buffer, fields []diff.Field) {
	b.WriteString("| 改正後 | 改正前 |\n| --- | --- |\n")
	var olds, news []string
	for _, f := range fields {
		olds = append(olds, cell(f.Label, f.Old, ""))
		news = append(news, cell(f.Label, f.New, ""))
	}
	switch {
	case len(fields) > 1 && strings.Join(olds, "") == "":
		fmt.Fprintf(b, "| %s | （新設） |\n", strings.Join(news, "<br>"))
	case len(fields) > 1 && strings.Join(news, "") == "":
		fmt.Fprintf(b, "| （削除） | %s |\n", strings.Join(olds, "<br>"))
	default:
		for i, f := range fields {
			fmt.Fprintf(b, "| %s | %s |\n", or(news[i], f.New, "（削除）"), or(olds[i], f.Old, "（新設）"))
		}
	}
	b.WriteString("\n")
}

// or returns s, or absent when the side lacks the value (t is nil).
func or(s string, t diff.Text, absent string) string {
	if t == nil {
		return absent
	}
	return s
}

// cell writes one side of a field: 【label】 and the text, or absent
// when that side lacks the value.
func cell(label string, t diff.Text, absent string) string {
	if t == nil {
		return absent
	}
	s := marked(t)
	if s == "" {
		s = "（空欄）"
	}
	return "【" + EscapeLine(label) + "】" + s
}

// marked writes a text for a table cell: on one line, its line breaks as
// <br>, its changed words marked.
func marked(t diff.Text) string {
	var out strings.Builder
	for k, seg := range t {
		lines := strings.Split(seg.Text, "\n")
		for i, line := range lines {
			if i > 0 {
				out.WriteString("<br>")
			}
			first := k == 0 && i == 0
			last := k == len(t)-1 && i == len(lines)-1
			esc := escapeRun(line, first, last)
			if seg.Changed {
				esc = mark.Wrap(esc)
			}
			out.WriteString(esc)
		}
	}
	return out.String()
}

// escapeRun escapes a run of text inside a table cell, where no block
// can start: the characters that start inline markup are escaped, and
// blanks at the cell's edges (first, last), which a table would trim,
// are written as character references.
func escapeRun(s string, first, last bool) string {
	var b strings.Builder
	start, end := 0, len(s)
	if first {
		for start < end && isBlankByte(s[start]) {
			start++
		}
		writeRefs(&b, s[:start])
	}
	if last {
		for end > start && isBlankByte(s[end-1]) {
			end--
		}
	}
	for i := start; i < end; i++ {
		c := s[i]
		if c == '\\' && last && i == end-1 {
			b.WriteString("&#92;")
			continue
		}
		if strings.IndexByte(alwaysEscaped, c) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	if last {
		writeRefs(&b, s[end:])
	}
	return b.String()
}

// writeSections writes the sections added, removed or renamed.
func writeSections(b *bytes.Buffer, sections []diff.Section) {
	var fields []diff.Field
	for _, s := range sections {
		fields = append(fields, s.Title)
	}
	writeFields(b, "区分", fields)
}

// writeItems writes one table per item that changed.
func writeItems(b *bytes.Buffer, items []diff.Item) {
	if len(items) == 0 {
		return
	}
	b.WriteString("## 項目\n\n")
	for _, it := range items {
		what := changeNames[it.Change]
		if it.Change == diff.Renumbered && len(it.Fields) > 1 {
			what = "（項番及び内容の変更）"
		}
		fmt.Fprintf(b, "### %s %s%s\n\n", EscapeLine(it.ID), EscapeLine(it.Title), what)
		writeTable(b, it.Fields)
	}
}

// writeLevels writes one table per service level that changed.
func writeLevels(b *bytes.Buffer, levels []diff.Level) {
	if len(levels) == 0 {
		return
	}
	b.WriteString("## サービスレベル\n\n")
	for _, l := range levels {
		fmt.Fprintf(b, "### %s%s\n\n", EscapeLine(l.Metric), changeNames[l.Change])
		writeTable(b, l.Fields)
	}
}

// writeNotes writes the bookkeeping, apart from the agreement.
func writeNotes(b *bytes.Buffer, notes []diff.Field) {
	if len(notes) == 0 {
		return
	}
	b.WriteString("## 参考（確認表の記録）\n\n本節は、確認表の記録（初回確認、完了日、版数等）の変更を参考として示すものであり、合意の内容を構成しない。\n\n")
	b.WriteString("| 事項 | 改正後 | 改正前 |\n| --- | --- | --- |\n")
	for _, f := range notes {
		fmt.Fprintf(b, "| %s | %s | %s |\n", EscapeLine(f.Label), note(f.New), note(f.Old))
	}
}

// note writes one side of a bookkeeping value.
func note(t diff.Text) string {
	if s := marked(t); s != "" {
		return s
	}
	return "（空欄）"
}
