package linebreak_test

import (
	"fmt"

	"github.com/annexgen/annexgen/render/linebreak"
)

func ExampleBreak() {
	text := "乙は、障害発生時には2時間以内にSEを派遣する。"
	// A fullwidth character is one em (10 pt), a halfwidth one half an em.
	measure := func(_ int, r rune) float64 {
		if r < 0x1100 {
			return 5
		}
		return 10
	}
	for _, line := range linebreak.Break(text, 100, 10, measure) {
		fmt.Printf("%s (%.1f pt, %d gaps)\n", text[line.Start:line.End], line.Width, len(line.Gaps))
	}
	// Output:
	// 乙は、障害発生時には (100.0 pt, 0 gaps)
	// 2時間以内にSEを派 (92.5 pt, 3 gaps)
	// 遣する。 (40.0 pt, 0 gaps)
}
