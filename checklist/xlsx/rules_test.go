package xlsx

import (
	"fmt"
	"github.com/annexgen/annexgen/checklist"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// ruleCases change validBook so that each finding code appears, and give
// every finding expected, as "code severity Sheet!Cell item".
var ruleCases = []struct {
	name   string
	edit   func(b *testBook)
	strict bool
	want   []string
}{
	{"no 基本情報", func(b *testBook) { b.drop(checklist.SheetInfo) },
		false, []string{"header-missing error 基本情報"}},
	{"no Part sheet", func(b *testBook) { b.drop(checklist.SheetPart1).drop(checklist.SheetPart2) },
		false, []string{"header-missing error "}},
	{"no header row", func(b *testBook) {
		for _, c := range "ABCDEFGHIJ" {
			b.set(checklist.SheetPart1, string(c)+"3", nil)
		}
	}, false, []string{"header-missing error Part1"}},
	{"no 合意内容 column", func(b *testBook) { b.set(checklist.SheetPart1, "I3", nil) },
		false, []string{"header-missing error Part1!A3"}},
	{"no 医療機関 column", func(b *testBook) { b.set(checklist.SheetPart2, "F3", "病院") },
		false, []string{"header-missing error Part2!A3", "column-ignored info Part2!F3"}},
	{"no vendor column", func(b *testBook) { b.set(checklist.SheetPart1, "G3", nil).set(checklist.SheetPart1, "H3", nil) },
		false, []string{"header-missing error Part1!A3"}},
	{"levels without 関連項番", func(b *testBook) { b.set(checklist.SheetLevels, "D1", nil) },
		false, []string{"header-missing error サービスレベル!A1"}},
	{"levels without header", func(b *testBook) { b.set(checklist.SheetLevels, "A1", "項目") },
		false, []string{"header-missing error サービスレベル"}},
	{"other sheet", func(b *testBook) { b.sheet("メモ", []any{"覚え書き"}) },
		false, []string{"sheet-ignored info メモ"}},
	{"two Part1 sheets", func(b *testBook) { b.sheet("ＰＡＲＴ１", []any{"x"}) },
		false, []string{"sheet-duplicate error ＰＡＲＴ１"}},
	{"extra column", func(b *testBook) { b.set(checklist.SheetPart1, "K3", "メモ欄") },
		false, []string{"column-ignored info Part1!K3"}},
	{"two 備考 columns", func(b *testBook) { b.set(checklist.SheetPart1, "K3", "備考") },
		false, []string{"column-duplicate error Part1!K3"}},
	{"no 対象システム", func(b *testBook) { b.set(checklist.SheetInfo, "A2", nil).set(checklist.SheetInfo, "B2", nil) },
		false, []string{"basic-missing error 基本情報"}},
	{"blank 医療機関名", func(b *testBook) { b.set(checklist.SheetInfo, "B1", nil) },
		false, []string{"basic-missing error 基本情報!B1"}},
	{"blank vendor name", func(b *testBook) { b.set(checklist.SheetInfo, "B4", "　") },
		false, []string{"basic-missing error 基本情報!B4"}},
	{"no vendor", func(b *testBook) {
		for _, r := range []string{"3", "4", "10"} {
			b.set(checklist.SheetInfo, "A"+r, nil).set(checklist.SheetInfo, "B"+r, nil)
		}
		for _, s := range []string{checklist.SheetPart1, checklist.SheetPart2} {
			b.set(s, "G3", nil).set(s, "H3", nil)
		}
	}, false, []string{"basic-missing error 基本情報", "header-missing error Part1!A3", "header-missing error Part2!A3"}},
	{"bad 文書種別", func(b *testBook) { b.set(checklist.SheetInfo, "B5", "請求書") },
		false, []string{"basic-invalid error 基本情報!B5"}},
	{"SLA in full width", func(b *testBook) { b.set(checklist.SheetInfo, "B5", "ＳＬＡ") },
		false, nil},
	{"label twice", func(b *testBook) {
		b.set(checklist.SheetInfo, "A11", "医療機関名").set(checklist.SheetInfo, "B11", "別病院")
	},
		false, []string{"basic-duplicate warning 基本情報!A11"}},
	{"blank 初回確認日", func(b *testBook) { b.set(checklist.SheetInfo, "B6", nil) },
		false, []string{"first-date-missing warning 基本情報!B6"}},
	{"no 初回確認日", func(b *testBook) { b.set(checklist.SheetInfo, "A6", nil).set(checklist.SheetInfo, "B6", nil) },
		false, []string{"first-date-missing warning 基本情報"}},
	{"contact of unknown vendor", func(b *testBook) {
		b.set(checklist.SheetInfo, "A11", "事業者C担当者").set(checklist.SheetInfo, "B11", "鈴木")
	},
		false, []string{"vendor-unknown error 基本情報!A11"}},
	{"column of unknown vendor", func(b *testBook) { b.set(checklist.SheetPart2, "K3", "事業者C") },
		false, []string{"vendor-unknown error Part2!K3"}},
	{"formula error", func(b *testBook) { b.errorValue(checklist.SheetPart1, "I4", "1/0", "#DIV/0!") },
		false, []string{"cell-error error Part1!I4 Part1 1"}},
	{"formula #REF! in a mark", func(b *testBook) { b.errorValue(checklist.SheetPart2, "H5", "#REF!", "#REF!") },
		false, []string{"cell-error error Part2!H5 Part2 A-1"}},
	{"unknown mark", func(b *testBook) { b.set(checklist.SheetPart1, "G4", "x") },
		false, []string{"mark-unknown error Part1!G4 Part1 1"}},
	{"unknown check", func(b *testBook) { b.set(checklist.SheetPart1, "D4", "済") },
		false, []string{"check-invalid error Part1!D4 Part1 1"}},
	{"bad 完了日", func(b *testBook) { b.set(checklist.SheetPart1, "E5", "2024/13/1") },
		false, []string{"date-invalid error Part1!E5 Part1 2"}},
	{"bad 作成日", func(b *testBook) { b.set(checklist.SheetInfo, "B7", "来月") },
		false, []string{"date-invalid error 基本情報!B7"}},
	{"number without date format", func(b *testBook) { b.set(checklist.SheetPart1, "E5", 45474) },
		false, []string{"date-invalid error Part1!E5 Part1 2"}},
	{"bad 項番", func(b *testBook) { b.set(checklist.SheetPart1, "A5", "二") },
		false, []string{"number-invalid error Part1!A5"}},
	{"row without 項番", func(b *testBook) {
		b.set(checklist.SheetPart1, "B6", "追記").sheet(checklist.SheetPart1, nil, nil, nil, nil, nil, nil,
			[]any{"3", "保守", "保守の範囲", "はい", "", "◎", "○", "", "別紙のとおり。"})
	}, false, []string{"number-missing error Part1!A6"}},
	{"section letter merged over an item row", func(b *testBook) { b.merge(checklist.SheetPart2, "A7:A8") },
		false, []string{"number-missing error Part2!A8", "level-item-unknown warning サービスレベル!D2"}},
	{"rows after the last item", func(b *testBook) {
		b.set(checklist.SheetPart1, "B9", "以上").set(checklist.SheetPart1, "C12", "注記")
	},
		false, nil},
	{"same 項番", func(b *testBook) { b.set(checklist.SheetPart1, "A5", "１") },
		false, []string{"id-duplicate error Part1!A5 Part1 1"}},
	{"same 項番 in a section", func(b *testBook) { b.set(checklist.SheetPart2, "A8", "A-1") },
		false, []string{"id-duplicate error Part2!A8 Part2 A-1", "level-item-unknown warning サービスレベル!D2"}},
	{"unknown 関連項番", func(b *testBook) { b.set(checklist.SheetLevels, "D2", "Part2 B-9、A-1") },
		false, []string{"level-item-unknown warning サービスレベル!D2"}},
	{"no owner", func(b *testBook) { b.set(checklist.SheetPart1, "F4", "-") },
		false, []string{"owner-missing error Part1!F4 Part1 1"}},
	{"no owner but 対象外", func(b *testBook) {
		b.set(checklist.SheetPart1, "F4", nil).set(checklist.SheetPart1, "D4", "対象外").set(checklist.SheetPart1, "J4", "該当なし")
	},
		false, nil},
	{"two owners", func(b *testBook) { b.set(checklist.SheetPart2, "F5", "◎") },
		false, []string{"owner-multiple warning Part2!G5 Part2 A-1"}},
	{"one party in Part2", func(b *testBook) {
		b.set(checklist.SheetPart2, "F8", "◎").set(checklist.SheetPart2, "G8", "").set(checklist.SheetPart2, "H8", "ー")
	},
		false, []string{"joint-one-party warning Part2!G8 Part2 B-1"}},
	{"vendor owns a Part1 item", func(b *testBook) { b.set(checklist.SheetPart1, "F4", "〇").set(checklist.SheetPart1, "G4", "◎") },
		false, []string{"part1-vendor-owner warning Part1!G4 Part1 1"}},
	{"blank check", func(b *testBook) { b.set(checklist.SheetPart1, "D4", nil) },
		false, []string{"check-blank warning Part1!D4 Part1 1"}},
	{"open item", func(b *testBook) { b.set(checklist.SheetPart1, "E5", nil) },
		false, []string{"open-item warning Part1!E5 Part1 2"}},
	{"open item, strict", func(b *testBook) { b.set(checklist.SheetPart1, "E5", nil) },
		true, []string{"open-item error Part1!E5 Part1 2"}},
	{"blank agreement", func(b *testBook) { b.set(checklist.SheetPart1, "I4", " ") },
		false, []string{"agreement-missing warning Part1!I4 Part1 1"}},
	{"blank agreement, strict", func(b *testBook) { b.set(checklist.SheetPart1, "I4", nil) },
		true, []string{"agreement-missing error Part1!I4 Part1 1"}},
	{"roles only", func(b *testBook) { b.set(checklist.SheetPart1, "I4", "役割分担のとおり") },
		false, nil},
	{"exemption for cyber attacks", func(b *testBook) {
		b.set(checklist.SheetPart1, "I4", "範囲は別表のとおり。\nサイバー攻撃による損害について、乙は一切の責任を負わない。")
	},
		false, []string{"agreement-exemption warning Part1!I4 Part1 1"}},
	{"cyber attack as force majeure", func(b *testBook) {
		b.set(checklist.SheetPart1, "I4", "ランサムウェアによる被害は、不可抗力によるものとする。")
	},
		false, []string{"agreement-exemption warning Part1!I4 Part1 1"}},
	{"agreement names a party the workbook lacks", func(b *testBook) {
		b.set(checklist.SheetPart1, "I4", "乙及び丁は、東京都千代田区一丁目の拠点で対応する。")
	},
		false, []string{"agreement-unknown-party warning Part1!I4 Part1 1"}},
	{"agreement names a place with 丁", func(b *testBook) { b.set(checklist.SheetPart1, "I4", "乙は、一丁目の拠点で対応する。") },
		false, nil},
	{"agreement names another document", func(b *testBook) { b.set(checklist.SheetPart1, "I4", "本覚書の別表のとおり。") },
		false, []string{"agreement-other-document warning Part1!I4 Part1 1"}},
	{"覚書", func(b *testBook) {
		b.set(checklist.SheetInfo, "B5", "覚書").set(checklist.SheetPart1, "I4", "本覚書の別表のとおり。")
	},
		false, nil},
	{"bad 締結方法", func(b *testBook) {
		b.set(checklist.SheetInfo, "A11", "締結方法").set(checklist.SheetInfo, "B11", "押印")
	},
		false, []string{"basic-invalid error 基本情報!B11"}},
	{"bad 協議期限", func(b *testBook) {
		b.set(checklist.SheetInfo, "A11", "協議期限").set(checklist.SheetInfo, "B11", "秋頃")
	},
		false, []string{"date-invalid error 基本情報!B11"}},
	{"address of unknown vendor", func(b *testBook) {
		b.set(checklist.SheetInfo, "A11", "事業者C所在地").set(checklist.SheetInfo, "B11", "東京都")
	},
		false, []string{"vendor-unknown error 基本情報!A11"}},
	{"対象外 without reason", func(b *testBook) { b.set(checklist.SheetPart2, "J6", nil) },
		false, []string{"na-no-reason warning Part2!J6 Part2 A-2"}},
	{"vendor without column", func(b *testBook) { b.set(checklist.SheetPart1, "H3", nil).set(checklist.SheetPart1, "H4", nil) },
		false, []string{"vendor-no-column error Part1!A3"}},
	{"vendor column by name", func(b *testBook) {
		b.set(checklist.SheetPart1, "H3", "クラウド運用（株）").set(checklist.SheetInfo, "B4", "クラウド運用（株）")
	},
		false, nil},
	{"完了日 before 初回確認日", func(b *testBook) { b.set(checklist.SheetPart1, "E5", "R6.5.1") },
		false, []string{"date-order warning Part1!E5 Part1 2"}},
	{"several findings in workbook order", func(b *testBook) {
		b.set(checklist.SheetPart2, "D8", nil).set(checklist.SheetPart2, "I8", nil).set(checklist.SheetPart1, "G4", "?").set(checklist.SheetInfo, "B6", nil)
	}, false, []string{
		"first-date-missing warning 基本情報!B6",
		"mark-unknown error Part1!G4 Part1 1",
		"check-blank warning Part2!D8 Part2 B-1",
		"agreement-missing warning Part2!I8 Part2 B-1",
	}},
}

func TestRules(t *testing.T) {
	var golden strings.Builder
	defer func() { checkGolden(t, "testdata/messages.golden", golden.String()) }()
	for _, tc := range ruleCases {
		t.Run(tc.name, func(t *testing.T) {
			b := validBook()
			tc.edit(b)
			_, fs, err := readBook(t, b, checklist.Options{Strict: tc.strict})
			if err != nil {
				t.Fatal(err)
			}
			if got, want := short(fs), strings.Join(tc.want, "\n"); got != want {
				t.Errorf("findings\n got:\n%s\nwant:\n%s", got, want)
			}
			fmt.Fprintf(&golden, "# %s\n", tc.name)
			for _, f := range fs {
				checkMessage(t, f)
				fmt.Fprintf(&golden, "%s %s %s\n  %s\n", f.Code, f.Severity, f.Location(), f.Message)
			}
		})
	}
}

// checkMessage checks that a message is one line of Japanese that names
// the item when there is one.
func checkMessage(t *testing.T, f checklist.Finding) {
	t.Helper()
	m := f.Message
	if m == "" || strings.Contains(m, "\n") || strings.Contains(m, "%!") || !utf8.ValidString(m) {
		t.Errorf("%s: bad message %q", f.Code, m)
	}
	if !strings.HasSuffix(m, "。") {
		t.Errorf("%s: message does not end a sentence: %q", f.Code, m)
	}
	if f.Item != "" && !strings.HasPrefix(m, f.Item) {
		t.Errorf("%s: message does not start with the item %s: %q", f.Code, f.Item, m)
	}
}

// TestEveryCode checks that the rule cases produce every finding code the
// reader and the rules can raise.
func TestEveryCode(t *testing.T) {
	seen := map[checklist.Code]bool{}
	for _, tc := range ruleCases {
		for _, w := range tc.want {
			code, _, _ := strings.Cut(w, " ")
			seen[checklist.Code(code)] = true
		}
	}
	// Raised by the command line and the renderer, not by this package.
	outside := []checklist.Code{checklist.FileUnreadable, checklist.GlyphMissing, checklist.ItemsLost}
	for _, code := range checklist.Codes() {
		if !seen[code] && !slices.Contains(outside, code) {
			t.Errorf("no rule case gives %s", code)
		}
	}
	for _, code := range []checklist.Code{checklist.OwnerMissing, checklist.OwnerMultiple, checklist.MarkUnknown,
		checklist.VendorUnknown, checklist.VendorNoColumn, checklist.JointOneParty, checklist.Part1VendorOwner,
		checklist.CheckInvalid, checklist.BlankCheck, checklist.OpenItem, checklist.DateInvalid,
		checklist.AgreementMissing, checklist.NANoReason, checklist.IDDuplicate, checklist.HeaderMissing,
		checklist.BasicMissing, checklist.CellError} {
		if !seen[code] {
			t.Errorf("spec code %s is not covered", code)
		}
	}
}
