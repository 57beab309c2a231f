package mark

import (
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// marks parses src and returns the raw source of each mark's text.
func marks(t *testing.T, src string) []string {
	t.Helper()
	md := goldmark.New(goldmark.WithExtensions(extension.Table, Extension))
	root := md.Parser().Parse(text.NewReader([]byte(src)))
	var out []string
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if m, ok := n.(*Node); ok && entering {
			var b strings.Builder
			for c := m.FirstChild(); c != nil; c = c.NextSibling() {
				b.Write(c.(*ast.Text).Segment.Value([]byte(src)))
			}
			out = append(out, b.String())
		}
		return ast.WalkContinue, nil
	})
	return out
}

func TestParse(t *testing.T) {
	cases := []struct {
		src  string
		want []string
	}{
		{"甲は{==速やかに==}報告する。", []string{"速やかに"}},
		{"{==「確認」==}を行う{==、==}", []string{"「確認」", "、"}},
		{"| 改正後 | 改正前 |\n| --- | --- |\n| 甲{==乙==}丙 | {==a\\|b==} |\n", []string{"乙", "a\\|b"}},
		{"escaped \\{==not a mark==}", nil},
		{"cell text \\{\\=\\=x\\=\\=\\}", nil},
		{"{==x\\==}==}", []string{"x\\==}"}},
		{"{==x=\\}==}", []string{"x=\\}"}},
		{"{====}", nil},
		{"{== open only", nil},
		{"{==a==}{==b==}", []string{"a", "b"}},
	}
	for _, c := range cases {
		got := marks(t, c.src)
		if strings.Join(got, "\x00") != strings.Join(c.want, "\x00") {
			t.Errorf("%q: marks %q, want %q", c.src, got, c.want)
		}
	}
}

func TestWrap(t *testing.T) {
	if Wrap("") != "" || Wrap("a") != "{==a==}" {
		t.Errorf("Wrap: %q %q", Wrap(""), Wrap("a"))
	}
}
