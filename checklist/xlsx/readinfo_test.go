package xlsx

import (
	"testing"

	"github.com/annexgen/annexgen/checklist"
)

// TestReadSigning reads the 基本情報 values of the contract and its
// signing, and the optional columns of サービスレベル.
func TestReadSigning(t *testing.T) {
	b := validBook()
	rows := [][2]any{
		{"本契約の締結日", "2024/4/1"},
		{"締結日", "令和6年7月10日"},
		{"効力発生日", "2024-08-01"},
		{"締結方法", "電子契約"},
		{"協議期限", "R6.9.30"},
		{"医療機関所在地", "東京都千代田区一丁目1番1号"},
		{"医療機関代表者", "理事長 山田 太郎"},
		{"事業者A所在地", "大阪市北区二丁目2番2号"},
		{"事業者A代表者", "代表取締役 佐藤 次郎"},
		{"事業者B代表者", "代表取締役 鈴木 三郎"},
	}
	for i, r := range rows {
		n := 11 + i
		b.set(checklist.SheetInfo, "A"+itoa(n), r[0]).set(checklist.SheetInfo, "B"+itoa(n), r[1])
	}
	b.set(checklist.SheetLevels, "E1", "測定期間").set(checklist.SheetLevels, "F1", "未達時の措置（減額など）")
	b.set(checklist.SheetLevels, "E2", "四半期").set(checklist.SheetLevels, "F2", "翌月の月額料金の10%を減額する。")
	c, fs, err := readBook(t, b, checklist.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 0 {
		t.Fatalf("findings:\n%s", short(fs))
	}
	in := c.Info
	d := func(y, m, day int) checklist.Date { return checklist.Date{Year: y, Month: m, Day: day} }
	for _, tc := range []struct {
		name      string
		got, want any
	}{
		{"本契約の締結日", in.MainDate, d(2024, 4, 1)},
		{"締結日", in.SignDate, d(2024, 7, 10)},
		{"効力発生日", in.Effective, d(2024, 8, 1)},
		{"締結方法", in.Electronic, true},
		{"協議期限", in.Deadline, d(2024, 9, 30)},
		{"医療機関所在地", in.Hospital.Address, "東京都千代田区一丁目1番1号"},
		{"医療機関代表者", in.Hospital.Representative, "理事長 山田 太郎"},
		{"事業者A所在地", in.Vendors[0].Address, "大阪市北区二丁目2番2号"},
		{"事業者A代表者", in.Vendors[0].Representative, "代表取締役 佐藤 次郎"},
		{"事業者A担当者", in.Vendors[0].Contact, "営業部 佐藤"},
		{"事業者B代表者", in.Vendors[1].Representative, "代表取締役 鈴木 三郎"},
		{"測定期間", c.Levels[0].Period, "四半期"},
		{"未達時の措置", c.Levels[0].Remedy, "翌月の月額料金の10%を減額する。"},
	} {
		if tc.got != tc.want {
			t.Errorf("%s = %v, want %v", tc.name, tc.got, tc.want)
		}
	}
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
