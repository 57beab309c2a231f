package linebreak

import (
	"strings"
	"testing"
)

// benchText is about 10 KB of mixed Japanese and Latin text in the style of the annex.
var benchText = func() string {
	const para = "医療情報システムの契約における当事者間の役割分担等に関する確認表（以下「確認表」という。）に基づき、" +
		"甲及び乙は、サービスレベル99.9%以上を目標とし、障害発生時には2時間以内にSE（システムエンジニア）を派遣する。" +
		"費用は¥1,000,000（税込）とし、“緊急対応”についてはISO/IEC 27001に準拠したBCP（事業継続計画）に従う。"
	var b strings.Builder
	for b.Len() < 10000 {
		b.WriteString(para)
	}
	return b.String()
}()

// BenchmarkBreak breaks about 10 KB of mixed Japanese text into lines of 40 em.
func BenchmarkBreak(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		Break(benchText, 400, 10, fixedMeasure)
	}
}

// BenchmarkOpportunities finds the break opportunities of the same text.
func BenchmarkOpportunities(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		Opportunities(benchText)
	}
}
