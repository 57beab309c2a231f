package mdread

import (
	"testing"
)

// FuzzRead: any input is read without panic, into text of well-formed spans no longer than a
// few times the input.
func FuzzRead(f *testing.F) {
	for _, s := range []string{
		"# 題\n\n甲は\n乙に\n\n| a | *b* |\n| :-- | --: |\n| 1<br>2 | `c` |\n",
		"- a\n  > b\n\n1. c\n\n```\nd\n```\n\n<div>\ne\n</div>\n",
		"\\&amp; &#x1F600; &#0; \x00 [l](https://x) <https://y> <!-- c --> <b>",
		"\t\t\tx\n\n>\t\t- \ty",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		total := 0
		var check func(bs []Block)
		checkText := func(r Rich) {
			total += len(r.Text)
			prev := 0
			for _, sp := range r.Spans {
				if sp.End <= prev || sp.End > len(r.Text) {
					t.Fatalf("%q: span ends %v in %d bytes", src, r.Spans, len(r.Text))
				}
				prev = sp.End
			}
			if prev != len(r.Text) {
				t.Fatalf("%q: spans %v leave text %q unstyled", src, r.Spans, r.Text[prev:])
			}
		}
		check = func(bs []Block) {
			for _, b := range bs {
				switch b := b.(type) {
				case *Paragraph:
					checkText(b.Text)
				case *Heading:
					checkText(b.Text)
				case *CodeBlock:
					checkText(b.Text)
				case *List:
					for _, it := range b.Items {
						check(it)
					}
				case *Quote:
					check(b.Blocks)
				case *Table:
					for _, c := range b.Header {
						checkText(c)
					}
					for _, r := range b.Rows {
						if len(r) > len(b.Aligns) {
							t.Fatalf("%q: a row of %d cells in %d columns", src, len(r), len(b.Aligns))
						}
						for _, c := range r {
							checkText(c)
						}
					}
				case *Rule:
				default:
					t.Fatalf("%q: block %T", src, b)
				}
			}
		}
		check(Read(src))
		// A NUL or a tab stop may become a few bytes; nothing grows more.
		if total > 4*len(src)+4 {
			t.Fatalf("%d bytes of Markdown give %d bytes of text", len(src), total)
		}
	})
}
