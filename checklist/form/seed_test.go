package form

import (
	"reflect"
	"strings"
	"testing"
)

func TestReadSeedItems(t *testing.T) {
	p2a := func(n, title, content string) SeedItem {
		return SeedItem{Part: "Part2", Section: "A", SectionTitle: "共通", Number: n, Title: title, Content: content}
	}
	for _, tc := range []struct {
		name, file, input string
		want              []SeedItem
	}{
		{
			name: "tsv",
			file: "items.tsv",
			input: "部\t項番\t項目\t内容\n" +
				"Part1\t1\t方針\t方針を定める。\n" +
				"Part2\tA\t共通\t\n" +
				"Part2\t1\t窓口\t窓口を決める。\n",
			want: []SeedItem{
				{Part: "Part1", Number: "1", Title: "方針", Content: "方針を定める。"},
				p2a("1", "窓口", "窓口を決める。"),
			},
		},
		{
			name: "csv with quotes, commas and a line break",
			file: "items.csv",
			input: "部,項番,項目,内容\r\n" +
				"Part2,A,共通,\r\n" +
				"Part2,1,\"窓口, 夜間\",\"①窓口を決める。\r\n②夜間の連絡先を決める。\"\r\n" +
				"Part2,2,引用,\"「\"\"至急\"\"」と書く\"\r\n",
			want: []SeedItem{
				p2a("1", "窓口, 夜間", "①窓口を決める。\n②夜間の連絡先を決める。"),
				p2a("2", "引用", "「\"至急\"」と書く"),
			},
		},
		{
			name:  "bom, full-width and spaces, columns in another order",
			file:  "items.txt",
			input: "\uFEFF項番,部,内容,項目,備考\nＡ,ｐａｒｔ２,,共通,\n　１ ,Part2, 内容です。　,窓口,メモ\n",
			want:  []SeedItem{p2a("1", "窓口", "内容です。")},
		},
		{
			name:  "tab detected from content, blank lines skipped",
			file:  "items",
			input: "部\t項番\t項目\t内容\n\nPart1\t1\t方針\t方針を、定める。\n\n",
			want:  []SeedItem{{Part: "Part1", Number: "1", Title: "方針", Content: "方針を、定める。"}},
		},
		{
			name: "tsv quotes: literal inside text, quoted field with a line break and a tab",
			file: "items.tsv",
			input: "部\t項番\t項目\t内容\r\n" +
				"Part1\t1\t\"注意\"の件\t\"開き引用符だけ\r\n" +
				"Part1\t2\tx\t\"一行目\r\n二行目\t\"\"引用\"\"\"\r\n" +
				"Part1\t3\ty\tz\r\n",
			want: []SeedItem{
				{Part: "Part1", Number: "1", Title: "\"注意\"の件", Content: "\"開き引用符だけ"},
				{Part: "Part1", Number: "2", Title: "x", Content: "一行目\n二行目\t\"引用\""},
				{Part: "Part1", Number: "3", Title: "y", Content: "z"},
			},
		},
		{
			name:  "A-1 style numbers and sections in Part1",
			file:  "items.tsv",
			input: "部\t項番\t項目\t内容\nPart1\tB\t体制\t\nPart1\t1\t責任者\t決める。\nPart2\tA-1\t窓口\t決める。\n",
			want: []SeedItem{
				{Part: "Part1", Section: "B", SectionTitle: "体制", Number: "1", Title: "責任者", Content: "決める。"},
				{Part: "Part2", Number: "A-1", Title: "窓口", Content: "決める。"},
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ReadSeedItems(strings.NewReader(tc.input), tc.file)
			if err != nil {
				t.Fatalf("ReadSeedItems: %v", err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got  %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

func TestReadSeedItemsErrors(t *testing.T) {
	const head = "部\t項番\t項目\t内容\n"
	for _, tc := range []struct {
		name, file, input, want string
	}{
		{"empty", "a.tsv", "", "a.tsv: 項目が1行もありません"},
		{"header only", "a.tsv", head, "a.tsv: 項目が1行もありません"},
		{"header missing columns", "a.tsv", "部\t番号\t項目\nPart1\t1\tx\n", "a.tsv の 1 行目: 見出しに「項番」「内容」がありません"},
		{"bad part", "a.tsv", head + "Part1\t1\tx\ty\nPart3\t2\tx\ty\n", "a.tsv の 3 行目: 「部」の「Part3」が読み取れません"},
		{"blank part", "a.tsv", head + "\t2\tx\ty\n", "a.tsv の 2 行目: 「部」が空です"},
		{"blank number", "a.tsv", head + "Part1\t\tx\ty\n", "a.tsv の 2 行目: 「項番」が空です"},
		{"blank title", "a.tsv", head + "Part1\t1\t\ty\n", "a.tsv の 2 行目: 「項目」が空です"},
		{"bad number", "a.tsv", head + "Part1\t一\tx\ty\n", "a.tsv の 2 行目: 項番「一」が読み取れません"},
		{"section with content", "a.tsv", head + "Part2\tA\t共通\t説明\n", "a.tsv の 2 行目: 区分の行（項番「A」）に「内容」"},
		{"duplicate", "a.tsv", head + "Part2\tA\t共通\t\nPart2\t1\tx\ty\nPart2\t1\tz\ty\n", "a.tsv の 4 行目: 項番「Part2 A-1」は 3 行目と重複"},
		{"line number after a multi-line field", "a.tsv", head + "Part1\t1\tx\t\"a\nb\nc\"\nPart1\t1\tz\ty\n", "a.tsv の 5 行目: 項番「Part1 1」は 2 行目と重複"},
		{"bad quote", "b.csv", "部,項番,項目,内容\nPart1,1,x,\"y\nPart1,2,x,y\n", "b.csv の 2 行目: 「\"」（ダブルクォート）の使い方"},
		{"shift_jis", "c.csv", "部,項番,項目,内容\nPart1,1,\x95\xfb\x90\x6a,y\n", "c.csv の 2 行目: 文字コードが UTF-8 ではありません"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			items, err := ReadSeedItems(strings.NewReader(tc.input), tc.file)
			if err == nil {
				t.Fatalf("no error; items %+v", items)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q\nwant it to contain %q", err, tc.want)
			}
		})
	}
}

func TestSampleItems(t *testing.T) {
	items := SampleItems()
	if n := len(items); n < 10 || n > 20 {
		t.Errorf("%d sample items, want 10 to 20", n)
	}
	parts := map[string]int{}
	sections := map[string]string{}
	ids := map[string]bool{}
	for _, it := range items {
		parts[it.Part]++
		if it.Title == "" || it.Content == "" || it.Number == "" {
			t.Errorf("incomplete sample item %+v", it)
		}
		if ids[it.ID()] {
			t.Errorf("duplicate sample item %s", it.ID())
		}
		ids[it.ID()] = true
		if it.Part == "Part2" {
			sections[it.Section] = it.SectionTitle
		}
	}
	if parts["Part1"] == 0 || parts["Part2"] == 0 {
		t.Errorf("sample items per part: %v", parts)
	}
	if sections["A"] != "共通" || len(sections) < 3 {
		t.Errorf("Part2 sections %v, want A 共通 and at least two more", sections)
	}
}

func FuzzReadSeedItems(f *testing.F) {
	f.Add("部\t項番\t項目\t内容\nPart1\t1\tx\ty\n", "a.tsv")
	f.Add("部,項番,項目,内容\nPart2,A,共通,\nPart2,1,\"x\",\"y\"\"z\"\n", "a.csv")
	f.Fuzz(func(t *testing.T, input, name string) {
		items, err := ReadSeedItems(strings.NewReader(input), name)
		if err != nil {
			if !strings.Contains(err.Error(), name) {
				t.Errorf("error %q does not name the file %q", err, name)
			}
			return
		}
		for _, it := range items {
			if it.Part != "Part1" && it.Part != "Part2" || it.Number == "" || it.Title == "" {
				t.Errorf("accepted an incomplete item %+v", it)
			}
		}
	})
}
