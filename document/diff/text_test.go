package diff

import (
	"strings"
	"testing"
)

func TestTokens(t *testing.T) {
	for _, c := range []struct {
		in   string
		want string
	}{
		{"甲は、速やかに報告する。", "甲|は|、|速|やかに|報告|する|。"},
		{"バックアップを毎日1回取得", "バックアップ|を|毎日|1|回取得"},
		{"稼働率99.95%以上", "稼働率|99.95|%|以上"},
		{"9時～17時、1,000件", "9|時|～|17|時|、|1,000|件"},
		{"Part2 A-1", "Part2| |A|-|1"},
		{"「確認」", "「|確認|」"},
		{"ネットワーク運用課　佐藤", "ネットワーク|運用課|　|佐藤"},
		{"一行目\n\n二行目", "一行目|\n|\n|二行目"},
		{"々の前後は漢字", "々|の|前後|は|漢字"},
		{"◎○△", "◎|○|△"},
		{"", ""},
	} {
		if got := strings.Join(tokens(c.in), "|"); got != c.want {
			t.Errorf("tokens(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// show writes a text with its changed runs in 〔〕.
func show(t Text) string {
	var b strings.Builder
	for _, s := range t {
		if s.Changed {
			b.WriteString("〔" + s.Text + "〕")
		} else {
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

func TestWords(t *testing.T) {
	for _, c := range []struct{ old, new, wantOld, wantNew string }{
		{"甲は報告する。", "甲は速やかに報告する。", "甲は報告する。", "甲は〔速やかに〕報告する。"},
		{"1時間以内に報告する。", "30分以内に報告する。", "〔1時間以内〕に報告する。", "〔30分以内〕に報告する。"},
		// A deletion ends at the end of a sentence, not inside one.
		{"甲が行う。乙が行う。", "甲が行う。", "甲が行う。〔乙が行う。〕", "甲が行う。"},
		// A short common run between two changes is part of the change.
		{"ネットワーク運用課 田中 美咲", "ネットワーク運用課 佐藤 花子", "ネットワーク運用課 〔田中 美咲〕", "ネットワーク運用課 〔佐藤 花子〕"},
		{"月間 99.9%以上", "月間 99.95%以上", "月間 〔99.9〕%以上", "月間 〔99.95〕%以上"},
		{"同じ", "同じ", "同じ", "同じ"},
		{"", "新設", "", "〔新設〕"},
		{"削除", "", "〔削除〕", ""},
	} {
		o, n := Words(c.old, c.new)
		if show(o) != c.wantOld || show(n) != c.wantNew {
			t.Errorf("Words(%q, %q) = %q, %q; want %q, %q", c.old, c.new, show(o), show(n), c.wantOld, c.wantNew)
		}
		if o.String() != c.old || n.String() != c.new {
			t.Errorf("Words(%q, %q) lost text: %q, %q", c.old, c.new, o.String(), n.String())
		}
	}
}

// TestWordsLongCells: past the table's bound the differing middle is
// marked whole, and the common head and tail stay unmarked.
func TestWordsLongCells(t *testing.T) {
	var a, b strings.Builder
	for i := 0; i < 3000; i++ {
		a.WriteString("甲は")
		b.WriteString("乙が")
		a.WriteString("、")
		b.WriteString("。")
	}
	old := "前文。" + a.String() + "後文。"
	new := "前文。" + b.String() + "後文。"
	if n := len(tokens(old)) - 4; n*n <= maxCells {
		t.Fatalf("the test cells are too short (%d tokens) to pass the bound", n)
	}
	o, n := Words(old, new)
	if show(o) != "前文。〔"+a.String()+"〕後文。" || show(n) != "前文。〔"+b.String()+"〕後文。" {
		t.Errorf("long cells: old %.40q…, new %.40q…", show(o), show(n))
	}
	// Within the bound the same kind of text is compared word by word.
	o, n = Words("前文。甲は、甲は、後文。", "前文。乙が、甲は。後文。")
	if show(o) != "前文。〔甲は〕、甲は〔、〕後文。" || show(n) != "前文。〔乙が〕、甲は〔。〕後文。" {
		t.Errorf("short cells: %q, %q", show(o), show(n))
	}
}

func FuzzWords(f *testing.F) {
	f.Add("甲は報告する。", "甲は速やかに報告する。")
	f.Add("a\nb", "a b")
	f.Fuzz(func(t *testing.T, old, new string) {
		o, n := Words(old, new)
		if o.String() != old || n.String() != new {
			t.Fatalf("text lost: %q → %q, %q → %q", old, o.String(), new, n.String())
		}
		if (old == new) != (!o.Changed() && !n.Changed()) {
			t.Fatalf("equal texts %v, but changes marked %v %v", old == new, o.Changed(), n.Changed())
		}
	})
}
