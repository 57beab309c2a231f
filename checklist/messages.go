package checklist

import (
	"fmt"
	"slices"
	"strings"
)

// findingText is the severity and the Japanese wording of one kind of
// finding. The wording is a fmt format; item findings are prefixed with
// the item ("Part2 A-1「バックアップ」: ").
type findingText struct {
	severity Severity
	format   string
}

// findingTexts holds the wording of every finding, keyed by code. A key
// may carry a variant after "/" ("header-missing/column"): the code is the
// part before it. Every message says what is wrong and what to do.
var findingTexts = map[string]findingText{
	// The sheets and their header rows.
	"header-missing/info": {SeverityError,
		"シート「基本情報」がありません。「基本情報」という名前のシートを作り、医療機関名・対象システム・事業者A などを入力してください。"},
	"header-missing/parts": {SeverityError,
		"確認表の項目のシート（「Part1」または「Part2」）がありません。項目を書いたシートの名前を「Part1」または「Part2」にしてください。"},
	"header-missing/row": {SeverityError,
		"%s: 先頭%d行に見出しの行（%sが並ぶ行）が見つかりません。見出しの行を入れてください。"},
	"header-missing/column": {SeverityError,
		"%s: 見出しの行（%d行目）に「%s」の列がありません。見出しが「%s」の列を追加してください。"},
	"header-missing/vendor": {SeverityError,
		"%s: 見出しの行（%d行目）に事業者の役割の列がありません。見出しが「事業者A」の列を追加してください。"},
	"sheet-ignored": {SeverityInfo,
		"シート「%s」は確認表のシートではないため、読み込みません。"},
	"sheet-ignored/more": {SeverityInfo,
		"このシートを含め、ほかにも確認表のシートではないシートが%d枚あり、読み込みません。"},
	"sheet-hidden": {SeverityInfo,
		"シート「%s」は非表示ですが、確認表の一部として読み込みます。"},
	"rows-hidden": {SeverityInfo,
		"%s: 非表示の行（%s）も、確認表の一部として読み込みます。"},
	"sheet-too-large": {SeverityError,
		"シート「%s」は大きすぎるため読み込みません（確認表全体で%d行、またはセル・文字の数が上限を超えています）。確認表の行だけを残し、不要な行や列を削除してください。"},
	"sheet-duplicate": {SeverityError,
		"シート「%s」はシート「%s」と同じものとして扱われます。どちらか一方にまとめてください。"},
	"column-ignored": {SeverityInfo,
		"%s: 列「%s」は確認表の列ではないため、読み込みません。"},
	"column-ignored/more": {SeverityInfo,
		"%s: この列を含め、ほかにも確認表の列ではない列が%d列あり、読み込みません。"},
	"column-duplicate": {SeverityError,
		"%s: 列「%s」が2つあります（%s列と%s列）。どちらか一方にまとめてください。"},

	// 基本情報.
	"basic-missing/label": {SeverityError,
		"基本情報に「%s」がありません。A列に「%s」、B列にその値を入力してください。"},
	"basic-missing/value": {SeverityError,
		"基本情報の「%s」が空欄です。B列に%sを入力してください。"},
	"basic-missing/vendor": {SeverityError,
		"基本情報に事業者がありません。A列に「事業者A」、B列に事業者の名称を入力してください。"},
	"basic-invalid": {SeverityError,
		"基本情報の文書種別「%s」は使えません。「契約書別紙」か「SLA」を入力してください。"},
	"basic-duplicate": {SeverityWarning,
		"基本情報の「%s」が%d行目と%d行目の2か所にあります。%d行目の値を使います。1行にまとめてください。"},
	"first-date-missing": {SeverityWarning,
		"基本情報に初回確認日がありません。A列に「初回確認日」、B列に事業者と最初に確認した日を入力してください。"},
	"first-date-missing/value": {SeverityWarning,
		"基本情報の初回確認日が空欄です。B列に事業者と最初に確認した日を入力してください。"},
	"vendor-unknown/contact": {SeverityError,
		"基本情報の「%s」に当たる事業者%sがありません。A列に「事業者%s」、B列に事業者の名称を入力した行を追加してください。"},

	// Values in cells.
	"vendor-unknown/column": {SeverityError,
		"%s: 列「%s」の事業者が基本情報にありません。基本情報に「%s」の行を追加して名称を入力するか、列の見出しを基本情報の事業者に合わせてください。"},
	"cell-error": {SeverityError,
		"セルの値が数式のエラー（%s）になっています。数式を直すか、値を直接入力してください。"},
	"cell-too-long": {SeverityError,
		"セルの文字数が%d字あり、Excel のセルの上限（%d字）を超えています。内容を短くしてください。"},
	"control-char": {SeverityWarning,
		"セルに制御文字（U+%04X など、画面に表示されない文字）があります。文書には出せないため取り除きました。セルの内容を確かめてください。"},
	"cell-broken": {SeverityError,
		"セルのデータが壊れていて値を読み取れません。セルに値を入力し直して保存してください。"},
	"mark-unknown": {SeverityError,
		"%sの役割の欄に「%s」とあります。役割の記号は ◎（主担当）、○（実施）、△（支援）のいずれかです。関与しない場合は空欄か「-」にしてください。"},
	"check-invalid": {SeverityError,
		"初回確認に「%s」とあります。「はい」「いいえ」「対象外」のいずれかを入力してください。まだ確認していなければ空欄にします。"},
	"date-invalid": {SeverityError,
		"%sの「%s」を日付として読み取れません。2024/6/1 や 令和6年6月1日 のように入力してください。"},
	"date-invalid/number": {SeverityError,
		"%sの「%s」は数値のままで、日付として表示されていません。セルの表示形式を「日付」にするか、2024/6/1 や 令和6年6月1日 のように入力してください。"},
	"number-invalid": {SeverityError,
		"%s: 項番「%s」を読み取れません。項目の行には「1」や「A-1」、区分の行には「A」のような英字1文字を入力してください。"},
	"number-missing": {SeverityError,
		"%s: %d行目に項番がありません。項目の行であれば項番を入力し、不要な行であれば削除してください。"},
	"id-duplicate": {SeverityError,
		"項番が%d行目の項目と同じです。項番を振り直してください。"},
	"level-item-unknown": {SeverityWarning,
		"サービスレベル「%s」: 関連項番の「%s」に当たる項目がありません。「Part2 B-2」のように Part と項番で書いてください。"},

	// Rules over the whole checklist.
	"owner-missing": {SeverityError,
		"主担当（◎）がいません。%sのいずれか1者の欄に◎を入力してください。"},
	"owner-multiple": {SeverityWarning,
		"主担当（◎）が%d者（%s）にあります。それぞれが責任を負う範囲を合意内容に具体的に書くか、◎を1者にしてください。"},
	"joint-one-party": {SeverityWarning,
		"役割の記号が%sにしかありません。Part2 は医療機関と事業者が共同で実施する項目です。%sの役割（○ 実施 または △ 支援）も入力してください。"},
	"part1-vendor-owner": {SeverityWarning,
		"主担当（◎）が%sになっています。Part1 は医療機関が主体となる項目です。主担当を医療機関にするか、このままでよいか確かめてください。"},
	"check-blank": {SeverityWarning,
		"初回確認が空欄です。「はい」「いいえ」「対象外」のいずれかを入力してください。"},
	"open-item": {SeverityWarning,
		"初回確認が「いいえ」で完了日が空欄のため、協議中の項目として扱います。合意できたら完了日を入力してください。"},
	"agreement-missing": {SeverityWarning,
		"合意内容が空欄です。合意した内容を具体的に書いてください。"},
	"na-no-reason": {SeverityWarning,
		"初回確認が「対象外」ですが、備考に理由がありません。対象外とした理由を備考に書いてください。"},
	"vendor-no-column": {SeverityWarning,
		"%s: 基本情報の%sの役割の列がありません。見出しが「事業者%s」の列を追加してください。"},
	"date-order": {SeverityWarning,
		"完了日（%s）が基本情報の初回確認日（%s）より前です。日付を確かめてください。"},
}

// codeOf returns the finding code of a findingTexts key.
func codeOf(key string) string {
	code, _, _ := strings.Cut(key, "/")
	return code
}

// Codes returns every finding code the package reports, sorted.
func Codes() []string {
	seen := map[string]bool{}
	var codes []string
	for key := range findingTexts {
		if c := codeOf(key); !seen[c] {
			seen[c] = true
			codes = append(codes, c)
		}
	}
	slices.Sort(codes)
	return codes
}

// where locates a finding.
type where struct {
	sheet string
	ref   string
	item  *Item // nil when the finding is not about one item
}

// newFinding builds the finding of the given findingTexts key.
func newFinding(key string, at where, args ...any) Finding {
	t, ok := findingTexts[key]
	if !ok {
		panic("checklist: no wording for finding " + key)
	}
	msg := fmt.Sprintf(t.format, args...)
	f := Finding{Code: codeOf(key), Severity: t.severity, Sheet: at.sheet, Cell: at.ref}
	if at.item != nil {
		f.Item = at.item.ID
		subject := at.item.ID
		if at.item.Title != "" {
			subject += "「" + firstLine(at.item.Title) + "」"
		}
		msg = subject + ": " + msg
	}
	f.Message = msg
	return f
}

// firstLine returns s up to its first line break.
func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// partyLabel names a party in messages: "医療機関", "事業者A（株式会社サンプル）".
func partyLabel(info *Info, key string) string {
	if key == HospitalKey {
		return HospitalKey
	}
	if v, ok := info.Vendor(key); ok && v.Name != "" {
		return "事業者" + key + "（" + v.Name + "）"
	}
	return "事業者" + key
}

// joinJa joins names with the Japanese comma.
func joinJa(names []string) string { return strings.Join(names, "、") }

// quoteValue shows a cell value in a message: on one line and not too long.
func quoteValue(s string) string {
	s = strings.ReplaceAll(s, "\n", " ")
	r := []rune(s)
	if len(r) > 30 {
		return string(r[:30]) + "…"
	}
	return s
}
