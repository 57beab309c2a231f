package pdf

import (
	"math"
	"strings"
	"testing"

	"github.com/yuin/goldmark/text"
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
		conv := newConverter(ts, []byte(tc.md))
		doc := conv.document(ts.markdown.Parser().Parse(text.NewReader([]byte(tc.md))))
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
