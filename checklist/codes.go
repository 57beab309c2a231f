package checklist

import "fmt"

// Code names a kind of finding: what `annexgen validate --format json`
// prints as "code", and what a program that reads the findings matches on.
// Every code has one severity (open-item is raised to an error by
// Options.Strict) and one or more Messages.
type Code string

// The finding codes. Each is spelled here and nowhere else; the README
// lists them under "Finding codes".
const (
	HeaderMissing     Code = "header-missing"
	SheetIgnored      Code = "sheet-ignored"
	SheetHidden       Code = "sheet-hidden"
	RowsHidden        Code = "rows-hidden"
	SheetTooLarge     Code = "sheet-too-large"
	SheetDuplicate    Code = "sheet-duplicate"
	ColumnIgnored     Code = "column-ignored"
	ColumnDuplicate   Code = "column-duplicate"
	BasicMissing      Code = "basic-missing"
	BasicInvalid      Code = "basic-invalid"
	BasicDuplicate    Code = "basic-duplicate"
	FirstDateMissing  Code = "first-date-missing"
	VendorUnknown     Code = "vendor-unknown"
	CellError         Code = "cell-error"
	CellTooLong       Code = "cell-too-long"
	ControlChar       Code = "control-char"
	CellBroken        Code = "cell-broken"
	MarkUnknown       Code = "mark-unknown"
	CheckInvalid      Code = "check-invalid"
	DateInvalid       Code = "date-invalid"
	NumberInvalid     Code = "number-invalid"
	NumberMissing     Code = "number-missing"
	IDDuplicate       Code = "id-duplicate"
	LevelItemUnknown  Code = "level-item-unknown"
	OwnerMissing      Code = "owner-missing"
	OwnerMultiple     Code = "owner-multiple"
	JointOneParty     Code = "joint-one-party"
	Part1VendorOwner  Code = "part1-vendor-owner"
	BlankCheck        Code = "check-blank"
	OpenItem          Code = "open-item"
	AgreementMissing  Code = "agreement-missing"
	AgreementExempt   Code = "agreement-exemption"
	AgreementOtherDoc Code = "agreement-other-document"
	AgreementNoParty  Code = "agreement-unknown-party"
	NANoReason        Code = "na-no-reason"
	VendorNoColumn    Code = "vendor-no-column"
	DateOrder         Code = "date-order"
	FileUnreadable    Code = "file-unreadable"
	GlyphMissing      Code = "glyph-missing"
	PartMissing       Code = "part-missing"
	SheetRenamed      Code = "sheet-renamed"
	MergeAcrossItems  Code = "merge-across-items"
	DateAfterCreated  Code = "date-after-created"
	DoneWithoutOpen   Code = "done-without-open"
	EffectiveEarly    Code = "date-effective-before-signing"
	ItemsLost         Code = "items-lost"
)

// Message is one wording of the catalogue: a Code, its severity and a
// Japanese text that says what is wrong and what to do. A code may have
// several wordings (MsgHeaderMissingInfo, MsgHeaderMissingColumn, …).
type Message int

// The wordings of the catalogue, named after their code and, where a code
// has several, what the wording is about.
const (
	MsgHeaderMissingInfo Message = iota
	MsgHeaderMissingParts
	MsgHeaderMissingRow
	MsgHeaderMissingColumn
	MsgHeaderMissingVendor
	MsgSheetIgnored
	MsgSheetIgnoredMore
	MsgSheetHidden
	MsgRowsHidden
	MsgSheetTooLarge
	MsgSheetDuplicate
	MsgColumnIgnored
	MsgColumnIgnoredMore
	MsgColumnDuplicate
	MsgBasicMissingLabel
	MsgBasicMissingValue
	MsgBasicMissingVendor
	MsgBasicInvalid
	MsgBasicInvalidMethod
	MsgBasicDuplicate
	MsgFirstDateMissing
	MsgFirstDateMissingValue
	MsgVendorUnknownContact
	MsgVendorUnknownColumn
	MsgCellError
	MsgCellTooLong
	MsgControlChar
	MsgCellBroken
	MsgMarkUnknown
	MsgCheckInvalid
	MsgDateInvalid
	MsgDateInvalidNumber
	MsgNumberInvalid
	MsgNumberMissing
	MsgIDDuplicate
	MsgLevelItemUnknown
	MsgOwnerMissing
	MsgOwnerMultiple
	MsgJointOneParty
	MsgPart1VendorOwner
	MsgBlankCheck
	MsgOpenItem
	MsgOpenItemStrict
	MsgAgreementMissing
	MsgAgreementExempt
	MsgAgreementOtherDoc
	MsgAgreementNoParty
	MsgNANoReason
	MsgVendorNoColumn
	MsgDateOrder
	MsgFileUnreadable
	MsgFileUnreadableEmptyFolder
	MsgGlyphMissing
	MsgGlyphMissingOutsideBMP
	MsgHeaderMissingPart1
	MsgHeaderMissingPartOf
	MsgSheetRenamed
	MsgPartMissing
	MsgMergeAcrossItems
	MsgDateAfterCreated
	MsgDoneWithoutOpen
	MsgDateOutOfRange
	MsgItemsLost
	MsgItemsLostDocument
	MsgItemsUncounted
	MsgEffectiveEarly
	msgCount
)

// wording is the severity and the text of a Message. The text is a fmt
// format; item findings are prefixed with the item
// ("Part2 A-1「バックアップ」: ").
type wording struct {
	code     Code
	severity Severity
	format   string
}

// catalogue holds every wording, by Message.
var catalogue = [msgCount]wording{
	// The sheets and their header rows.
	MsgHeaderMissingInfo: {HeaderMissing, SeverityError,
		"シート「基本情報」がありません。「基本情報」という名前のシートを作り、医療機関名・対象システム・事業者A などを入力してください。"},
	MsgHeaderMissingParts: {HeaderMissing, SeverityError,
		"確認表の項目のシート（「Part1」または「Part2」）がありません。項目を書いたシートの名前を「Part1」または「Part2」にしてください。"},
	MsgHeaderMissingRow: {HeaderMissing, SeverityError,
		"%s: 先頭%d行に見出しの行（%sが並ぶ行）が見つかりません。見出しの行を入れてください。"},
	MsgHeaderMissingColumn: {HeaderMissing, SeverityError,
		"%s: 見出しの行（%d行目）に「%s」の列がありません。見出しが「%s」の列を追加してください。"},
	MsgHeaderMissingVendor: {HeaderMissing, SeverityError,
		"%s: 見出しの行（%d行目）に事業者の役割の列がありません。見出しが「事業者A」の列を追加してください。"},
	MsgSheetIgnored: {SheetIgnored, SeverityInfo,
		"シート「%s」は確認表のシートではないため、読み込みません。"},
	MsgSheetIgnoredMore: {SheetIgnored, SeverityInfo,
		"このシートを含む残りの%d枚のシートも、確認表のシートではないため読み込みません。"},
	MsgSheetHidden: {SheetHidden, SeverityInfo,
		"シート「%s」は非表示ですが、確認表の一部として読み込みます。"},
	MsgRowsHidden: {RowsHidden, SeverityInfo,
		"%s: 非表示の行（%s）も、確認表の一部として読み込みます。"},
	MsgSheetTooLarge: {SheetTooLarge, SeverityError,
		"シート「%s」は大きすぎるため読み込みません（確認表全体で%d行、またはセル・文字の数が上限を超えています）。確認表の行だけを残し、不要な行や列を削除してください。"},
	MsgSheetDuplicate: {SheetDuplicate, SeverityError,
		"シート「%s」はシート「%s」と同じものとして扱われます。どちらか一方にまとめてください。"},
	MsgColumnIgnored: {ColumnIgnored, SeverityInfo,
		"%s: 列「%s」は確認表の列ではないため、読み込みません。"},
	MsgColumnIgnoredMore: {ColumnIgnored, SeverityInfo,
		"%s: この列を含む残りの%d列も、確認表の列ではないため読み込みません。"},
	MsgColumnDuplicate: {ColumnDuplicate, SeverityError,
		"%s: 列「%s」が2つあります（%s列と%s列）。どちらか一方にまとめてください。"},

	// 基本情報.
	MsgBasicMissingLabel: {BasicMissing, SeverityError,
		"基本情報に「%s」がありません。A列に「%s」、B列にその値を入力してください。"},
	MsgBasicMissingValue: {BasicMissing, SeverityError,
		"基本情報の「%s」が空欄です。B列に%sを入力してください。"},
	MsgBasicMissingVendor: {BasicMissing, SeverityError,
		"基本情報に事業者がありません。A列に「事業者A」、B列に事業者の名称を入力してください。"},
	MsgBasicInvalid: {BasicInvalid, SeverityError,
		"基本情報の文書種別「%s」は使えません。「契約書別紙」「覚書」「SLA」のいずれかを入力してください。"},
	MsgBasicInvalidMethod: {BasicInvalid, SeverityError,
		"基本情報の締結方法「%s」は使えません。紙に記名押印する場合は「書面」、電子契約サービスで締結する場合は「電子契約」を入力してください。"},
	MsgBasicDuplicate: {BasicDuplicate, SeverityWarning,
		"基本情報の「%s」が%d行目と%d行目の2か所にあります。%d行目の値を使います。1行にまとめてください。"},
	MsgFirstDateMissing: {FirstDateMissing, SeverityWarning,
		"基本情報に初回確認日がありません。A列に「初回確認日」、B列に事業者と最初に確認した日を入力してください。"},
	MsgFirstDateMissingValue: {FirstDateMissing, SeverityWarning,
		"基本情報の初回確認日が空欄です。B列に事業者と最初に確認した日を入力してください。"},
	MsgVendorUnknownContact: {VendorUnknown, SeverityError,
		"基本情報の「%s」に当たる事業者%sがありません。A列に「事業者%s」、B列に事業者の名称を入力した行を追加してください。"},

	// Values in cells.
	MsgVendorUnknownColumn: {VendorUnknown, SeverityError,
		"%s: 列「%s」の事業者が基本情報にありません。基本情報に「%s」の行を追加して名称を入力するか、列の見出しを基本情報の事業者に合わせてください。"},
	MsgCellError: {CellError, SeverityError,
		"セルの値が数式のエラー（%s）になっています。数式を直すか、値を直接入力してください。"},
	MsgCellTooLong: {CellTooLong, SeverityError,
		"セルの文字数が%d字あり、Excel のセルの上限（%d字）を超えています。内容を短くしてください。"},
	MsgControlChar: {ControlChar, SeverityWarning,
		"セルに制御文字（U+%04X など、画面に表示されない文字）があります。文書には出せないため取り除きました。セルの内容を確かめてください。"},
	MsgCellBroken: {CellBroken, SeverityError,
		"セルのデータが壊れていて値を読み取れません。セルに値を入力し直して保存してください。"},
	MsgMarkUnknown: {MarkUnknown, SeverityError,
		"%sの役割の欄に「%s」とあります。役割の記号は ◎（主担当）、○（実施）、△（支援）のいずれかです。関与しない場合は空欄か「-」にしてください。"},
	MsgCheckInvalid: {CheckInvalid, SeverityError,
		"初回確認に「%s」とあります。「はい」「いいえ」「対象外」のいずれかを入力してください。まだ確認していなければ空欄にします。"},
	MsgDateInvalid: {DateInvalid, SeverityError,
		"%sの「%s」を日付として読み取れません。2024/6/1 や 令和6年6月1日 のように入力してください。"},
	MsgDateInvalidNumber: {DateInvalid, SeverityError,
		"%sの「%s」は数値のままで、日付として表示されていません。セルの表示形式を「日付」にするか、2024/6/1 や 令和6年6月1日 のように入力してください。"},
	MsgNumberInvalid: {NumberInvalid, SeverityError,
		"%s: 項番「%s」を読み取れません。項目の行には「1」や「A-1」、区分の行には「A」のような英字1文字を入力してください。"},
	MsgNumberMissing: {NumberMissing, SeverityError,
		"%s: %d行目に項番がありません。項目の行であれば項番を入力し、不要な行であれば削除してください。"},
	MsgIDDuplicate: {IDDuplicate, SeverityError,
		"項番が%d行目の項目と同じです。項番を振り直してください。"},
	MsgLevelItemUnknown: {LevelItemUnknown, SeverityWarning,
		"サービスレベル「%s」: 関連項番の「%s」に当たる項目がありません。「Part2 B-2」のように Part と項番で書いてください。"},

	// Rules over the whole checklist.
	MsgOwnerMissing: {OwnerMissing, SeverityError,
		"主担当（◎）がいません。%sのいずれか1者の欄に◎を入力してください。"},
	MsgOwnerMultiple: {OwnerMultiple, SeverityWarning,
		"主担当（◎）が%d者（%s）にあります。それぞれが責任を負う範囲を合意内容に具体的に書くか、◎を1者にしてください。"},
	MsgJointOneParty: {JointOneParty, SeverityWarning,
		"役割の記号が%sにしかありません。Part2 は医療機関と事業者が共同で実施する項目です。%sの役割（○ 実施 または △ 支援）も入力してください。"},
	MsgPart1VendorOwner: {Part1VendorOwner, SeverityWarning,
		"主担当（◎）が%sになっています。Part1 は医療機関が主体となる項目です。主担当を医療機関にするか、このままでよいか確かめてください。"},
	MsgBlankCheck: {BlankCheck, SeverityWarning,
		"初回確認が空欄です。「はい」「いいえ」「対象外」のいずれかを入力してください。"},
	MsgOpenItem: {OpenItem, SeverityWarning,
		"初回確認が「いいえ」で完了日が空欄のため、協議中の項目として扱います。合意できたら完了日を入力してください。"},
	// Raised to an error by Options.Strict, like every open-item finding.
	MsgOpenItemStrict: {OpenItem, SeverityWarning,
		"初回確認が「いいえ」で完了日が空欄の、協議中の項目です。--strict では協議中の項目を認めないため、この確認表からは文書を作成しません。合意できたら完了日を入力してください（一覧: annexgen validate --strict）。"},
	MsgAgreementMissing: {AgreementMissing, SeverityWarning,
		"合意内容が空欄です。文書には「合意内容未記入」と表示されます。合意した内容を具体的に書くか、役割分担だけを合意した場合は「役割分担のとおり」と書いてください。"},
	MsgAgreementExempt: {AgreementExempt, SeverityWarning,
		"合意内容が、サイバー攻撃や不正アクセスによる損害について当事者の責任を一律に免除する内容になっています（「%s」）。医療機関に不利な条項として注意が求められています。免責の範囲と条件（事業者が合意した安全管理措置を怠った場合を除くなど）を具体的に書いてください。"},
	MsgAgreementOtherDoc: {AgreementOtherDoc, SeverityWarning,
		"合意内容に「%s」とありますが、作る文書は%sで、文書の中では「%s」と呼びます。署名する文書と合わなくなるため、「%s」に直してください。"},
	MsgNANoReason: {NANoReason, SeverityWarning,
		"初回確認が「対象外」ですが、備考に理由がありません。対象外とした理由を備考に書いてください。"},
	MsgVendorNoColumn: {VendorNoColumn, SeverityError,
		"%s: 基本情報の%sの役割の列がありません。見出しが「事業者%s」の列を追加してください。"},
	MsgDateOrder: {DateOrder, SeverityWarning,
		"完了日（%s）が基本情報の初回確認日（%s）より前です。日付を確かめてください。"},

	MsgAgreementNoParty: {AgreementNoParty, SeverityWarning,
		"合意内容に「%s」とありますが、この確認表に%sに当たる当事者はいません（当事者は%sです）。文書の中で定義されない呼び方になるため、当事者の呼び方を確かめてください。"},

	// Raised outside the reader and the rules: by the command line and the renderer.
	MsgFileUnreadable: {FileUnreadable, SeverityError,
		"%s"},
	MsgFileUnreadableEmptyFolder: {FileUnreadable, SeverityError,
		"フォルダの中に確認表（.xlsx）がありません。"},
	MsgGlyphMissing: {GlyphMissing, SeverityWarning,
		"%s文字「%c」（U+%04X）はフォントにないため、PDFでは〓と表示されます。別の文字に置き換えるか、この文字を含むフォントを --font で指定してください"},
	MsgGlyphMissingOutsideBMP: {GlyphMissing, SeverityWarning,
		"%s文字「%c」（U+%04X）はフォントにないため、PDFでは〓と表示されます。通常の文字に置き換えるか（例: 𠮷→吉）、この文字を含むフォントを --font で指定してください"},

	// The sheets, the cells and the items accounted for.
	MsgHeaderMissingPart1: {HeaderMissing, SeverityError,
		"シート「Part1」がありません。Part1（主に医療機関が実施する項目）のシートを戻してください。"},
	MsgHeaderMissingPartOf: {HeaderMissing, SeverityError,
		"シート「%s」は確認表の項目のシートのようですが、Part1 と Part2 のどちらか分からないため読み込めません。シート名を「Part1」か「Part2」にしてください。"},
	MsgSheetRenamed: {SheetRenamed, SeverityInfo,
		"シート「%s」を、見出しの行と項目から %s のシートとして読み込みます。シート名を「%s」にすると、このお知らせは出なくなります。"},
	MsgPartMissing: {PartMissing, SeverityWarning,
		"シート「Part2」がありません。Part1 だけの確認表として確認します。契約の文書を作るには Part2（医療機関と事業者が共同で実施する項目）のシートが必要です。該当しない項目は削除せず、初回確認を「対象外」にしてください。"},
	MsgMergeAcrossItems: {MergeAcrossItems, SeverityWarning,
		"%s: 結合セル %s が %sにまたがっているため、同じ値がそれぞれの項目に入ります。項目ごとにセルの結合を解除し、それぞれに値を入力してください。"},
	MsgDateAfterCreated: {DateAfterCreated, SeverityWarning,
		"完了日（%s）が基本情報の作成日（%s）より後です。日付を確かめてください。"},
	MsgDoneWithoutOpen: {DoneWithoutOpen, SeverityInfo,
		"初回確認が「はい」ですが、完了日（%s）があります。完了日は初回確認で「いいえ」だった項目が合意できた日です。このままでよいか確かめてください。"},
	MsgDateOutOfRange: {DateInvalid, SeverityError,
		"%sの「%s」は、Excel の日付の範囲（1900年1月1日～9999年12月31日）の外の数値です。2024/6/1 や 令和6年6月1日 のように入力してください。"},
	MsgItemsLost: {ItemsLost, SeverityError,
		"%s: %sの項目が読み取った確認表にありません（シートの項目%d件のうち%d件）。文書から項目が抜け落ちるため、文書を作りません。Excel で開いて保存し直してから、もう一度お試しください。解決しない場合は開発元に報告してください。"},
	MsgItemsLostDocument: {ItemsLost, SeverityError,
		"項目「%s」が作った文書（%s）にありません。文書から項目が抜け落ちるため、文書を作りません。ひな形を変えている場合は、項目の節（item.md.tmpl）が全項目を出力しているか確かめてください。そうでなければ開発元に報告してください。"},
	MsgItemsUncounted: {ItemsLost, SeverityError,
		"確認表の項目を数え直せなかったため（%v）、すべての項目が文書に入ったことを確かめられません。文書を作りません。Excel で開いて保存し直してから、もう一度お試しください。"},
	MsgEffectiveEarly: {EffectiveEarly, SeverityWarning,
		"効力発生日（%s）が締結日（%s）より前です。この文書は締結より前にさかのぼって効力を生じることになります。さかのぼるのが合意のとおりか、どちらかの日付の誤りでないか確かめてください。"},
}

// Code returns the code of the wording.
func (m Message) Code() Code { return m.wording().code }

// Severity returns the severity of the wording.
func (m Message) Severity() Severity { return m.wording().severity }

func (m Message) wording() wording {
	if m < 0 || m >= msgCount {
		panic(fmt.Sprintf("checklist: no wording %d", int(m)))
	}
	return catalogue[m]
}
