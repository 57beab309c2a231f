package pdf

import (
	"math"
	"strings"
	"testing"
)

// signature is a signature block as the memorandum and the SLA write it.
const signature = "本覚書の締結を証するため、本書３通を作成し、甲、乙及び丙が記名押印の上、各自１通を保有する。\n\n" +
	"令和　　年　　月　　日\n\n" +
	"甲\\\n所在地　神奈川県横浜市青葉区あおぞら台一丁目1番1号\\\n名称　　医療法人社団 青空会 青空総合病院\\\n代表者　理事長 青木 正和　　印\n\n" +
	"乙\\\n所在地　東京都千代田区神田須田町三丁目3番3号\\\n名称　　株式会社ソラメディカルシステム\\\n代表者　代表取締役 森 和也　　印\n\n" +
	"丙\\\n所在地　神奈川県川崎市中原区みどり町五丁目5番5号\\\n名称　　ミドリネットワークス株式会社\\\n代表者　代表取締役社長 林 美香　　印\n\n"

func TestSignatureBlockOnOnePage(t *testing.T) {
	for n := 20; n < 44; n++ {
		md := "# 題\n\n" + fillers(n) + signature + "## 別表1\n\n" + fillers(3)
		pages := layOut(t, md)
		first, date, last := pageOf(pages, "本覚書の締結を証する"), pageOf(pages, "令和"), pageOf(pages, "代表者　代表取締役社長")
		if first != date || date != last {
			t.Errorf("%d fillers: closing sentence on page %d, date on %d, last party on %d", n, first+1, date+1, last+1)
		}
	}
}

func TestLabelStaysWithParagraph(t *testing.T) {
	long := strings.Repeat("乙は、甲の求めに応じて資料を提供する。", 6)
	for n := 30; n < 40; n++ {
		md := "# 題\n\n" + fillers(n) + "【合意内容】\n\n" + long + "\n"
		pages := layOut(t, md)
		if label, text := pageOf(pages, "【合意内容】"), pageOf(pages, "乙は、"); label != text {
			t.Errorf("%d fillers: label on page %d, its text on %d", n, label+1, text+1)
		}
	}
}

func TestHardLinesOfAnItemHang(t *testing.T) {
	md := "（５）稼働率　別表1の番号1の指標であって、次の方法により測定するもの\\\n" +
		strings.Repeat("計画停止を除く月間の稼働時間の割合。", 5) + "\n"
	pages := layOut(t, md)
	ys, xs := lineStarts(pages[0])
	if len(ys) < 3 {
		t.Fatalf("%d lines", len(ys))
	}
	for _, y := range ys[1:] {
		if got := (xs[y] - marginLeft) / bodySize; math.Abs(got-3) > 0.05 {
			t.Errorf("line at %.2f em, want 3 (under the text after （５）)", got)
		}
	}
}

func TestLabelLinesDoNotCarryAHang(t *testing.T) {
	pages := layOut(t, "名称：医療法人\\\n所在地：\\\n代表者：　　印\n")
	ys, xs := lineStarts(pages[0])
	for _, y := range ys {
		if xs[y] != marginLeft {
			t.Errorf("line at %.2f em: a line with a label of its own starts at the margin", (xs[y]-marginLeft)/bodySize)
		}
	}
}

func TestComparisonColumnsShareEqually(t *testing.T) {
	long := strings.Repeat("合意内容の本文が長く続く。", 8)
	for _, tc := range []struct {
		md    string
		first int
	}{
		{"| 改正後 | 改正前 |\n| --- | --- |\n| " + long + " | 短い |\n", 0},
		{"| 改正後 | 改正前 |\n| --- | --- |\n| （削る） | " + long + " |\n", 0},
		{"| 事項 | 改正後 | 改正前 |\n| --- | --- | --- |\n| Part1 1 合意内容 | 短い | " + long + " |\n", 1},
	} {
		ts := typesetter(t)
		conv := newConverter(ts)
		doc := conv.document([]byte(tc.md))
		widths := newLayouter(ts, conv).columnWidths(doc.blocks[0].(*table), textWidth)
		after, before := widths[tc.first], widths[tc.first+1]
		var sum float64
		for _, w := range widths {
			sum += w
		}
		if math.Abs(after-before) > 0.01 || math.Abs(sum-textWidth) > 0.01 {
			t.Errorf("%q: widths %v, want 改正後 and 改正前 equal and the sum %.2f", tc.md, widths, textWidth)
		}
		if tc.first == 1 && widths[0] > textWidth/4+0.01 {
			t.Errorf("%q: the first column takes %.1f pt", tc.md, widths[0])
		}
	}
}

func TestSignatureBlockLook(t *testing.T) {
	pages := layOut(t, "# 題\n\n"+signature)
	var seals []op
	var party op
	for _, o := range textOps(pages[0]) {
		switch {
		case o.text == sealMark:
			seals = append(seals, o)
		case strings.HasPrefix(o.text, "所在地"):
			party = o
		case strings.HasSuffix(o.text, sealMark):
			t.Errorf("%q: the 印 is not set apart", o.text)
		}
	}
	if len(seals) != 3 {
		t.Fatalf("%d seals, want 3", len(seals))
	}
	for _, o := range seals {
		if right := marginLeft + textWidth - o.size; math.Abs(o.x-right) > 0.01 {
			t.Errorf("印 at %.1f, want %.1f (the end of the measure)", o.x, right)
		}
	}
	if party.x < marginLeft+4*bodySize {
		t.Errorf("party's block at %.1f: not set in", party.x-marginLeft)
	}
}

func TestFrameAndAppendix(t *testing.T) {
	md := "# 題\n\n| 協議中の事項あり（2件） |\n| --- |\n\n前文の本文。\n\n### 第1条（目的）\n\n本文。\n\n" +
		"| 合意内容未記入 |\n| --- |\n\n" + fillers(minPageLines) + "## 別表1　項目\n\n" + fillers(minPageLines) + "## 参考　経過\n\n本文。\n"
	pages := layOut(t, md)
	// The contents list both headings on the first page.
	if len(pages) != 3 || pageOf(pages[1:], "別表") != 0 || pageOf(pages[2:], "参考") != 0 || pageOf(pages[1:2], "参考") != -1 {
		t.Errorf("%d pages: want 別表1 and 参考 each on a page of its own", len(pages))
	}
	for _, tc := range []struct {
		text    string
		centred bool
	}{{"協議中の事項あり", true}, {"合意内容未記入", false}} {
		var x, left, right float64
		for _, o := range pages[0].ops {
			if o.kind == opText && strings.HasPrefix(o.text, tc.text) {
				x = o.x
			}
		}
		left, right = math.Inf(1), math.Inf(-1)
		for _, o := range pages[0].ops {
			if o.kind == opLine && o.x == o.x2 && o.x < x+200 && o.x > x-3*bodySize {
				left, right = math.Min(left, o.x), math.Max(right, o.x)
			}
		}
		if math.IsInf(left, 0) || right-left > textWidth/2 {
			t.Errorf("%s: frame from %.1f to %.1f", tc.text, left, right)
			continue
		}
		mid := marginLeft + textWidth/2
		if centred := math.Abs((left+right)/2-mid) < 1; centred != tc.centred {
			t.Errorf("%s: frame from %.1f to %.1f, centred %v, want %v", tc.text, left, right, centred, tc.centred)
		}
	}
}

func TestAttachmentLabelStandsAlone(t *testing.T) {
	pages := layOut(t, "# 別紙　医療情報システムの安全管理に係る役割分担\n\n本文。\n")
	ops := textOps(pages[0])
	if len(ops) < 2 || ops[0].text != "別紙" || ops[0].x != marginLeft {
		t.Fatalf("first text %+v: want 別紙 at the left margin", ops[0])
	}
	if title := ops[1]; title.y <= ops[0].y || title.x <= marginLeft || strings.Contains(title.text, "別紙") {
		t.Errorf("title %q at (%.1f, %.1f): want it centred below the label", title.text, title.x, title.y)
	}
}

func TestHeaderShortenedAtAPhrase(t *testing.T) {
	title := "別紙　電子カルテシステム、部門システム連携基盤及び院内ネットワーク（リモート保守回線を含む）の安全管理に係る役割分担"
	ts := typesetter(t)
	got := newLayouter(ts, nil).fit(title, gothic, headerSize, textWidth)
	cut := strings.TrimSuffix(got, "…")
	if cut == got || !strings.HasPrefix(title, cut) {
		t.Fatalf("header %q", got)
	}
	spaces, phrases, _ := titleBreaks(title)
	for _, o := range append(spaces, phrases...) {
		if o == len(cut) {
			return
		}
	}
	t.Errorf("header %q: cut inside a phrase", got)
}

func TestSectionHeadingStandsAboveItsItems(t *testing.T) {
	pages := layOut(t, "# 題\n\n## 別表2\n\n### A　共通\n\n#### Part2 A-1 連絡窓口\n\n本文。\n\n### Part1 1 方針\n\n本文。\n")
	sizes := map[string]float64{}
	for _, o := range textOps(pages[len(pages)-1]) {
		sizes[o.text] = o.size
	}
	if sizes["A　共通"] <= sizes["Part1 1 方針"] || sizes["Part1 1 方針"] != bodySize {
		t.Errorf("sizes %v: want the section A　共通 larger than the items", sizes)
	}
}
