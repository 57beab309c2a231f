package serve

import (
	"cmp"
	"slices"
)

// pair is the order the page proposes for a 新旧対照表 of two workbooks:
// the indexes of the 改正前 and the 改正後 among the files, and the rule
// that chose it, which the page shows. The clerk may swap them.
type pair struct {
	Old  int    `json:"old"`
	New  int    `json:"new"`
	Rule string `json:"rule"`
}

// pairOf proposes the order of two workbooks, a dropped (or chosen) before
// b: when both were read, the earlier 作成日 is the 改正前, or, on the same
// or a missing 作成日, the lower 版数; otherwise the order dropped.
func pairOf(a, b fileResult) *pair {
	if a.readable && b.readable {
		if a.Created != "" && b.Created != "" && a.Created != b.Created {
			return ordered(a.Created > b.Created, "作成日の早い方を改正前としました")
		}
		if c := compareVersions(a.Version, b.Version); c != 0 {
			return ordered(c > 0, "版数の小さい方を改正前としました")
		}
	}
	return ordered(false, "ドロップした（選んだ）順に、先の方を改正前としました")
}

// ordered is the pair of files 0 and 1, swapped or not.
func ordered(swap bool, rule string) *pair {
	if swap {
		return &pair{Old: 1, New: 0, Rule: rule}
	}
	return &pair{Old: 0, New: 1, Rule: rule}
}

// compareVersions compares two 版数 by the numbers in them ("第2版" <
// "第10版", "1.2" < "1.10"), half-width or full-width digits; 0 when
// either has none or they are the same.
func compareVersions(a, b string) int {
	x, y := numbers(a), numbers(b)
	if len(x) == 0 || len(y) == 0 {
		return 0
	}
	return slices.CompareFunc(x, y, cmp.Compare[int])
}

// numbers are the runs of digits in s, as numbers (at most nine digits
// each are read; more are ignored).
func numbers(s string) []int {
	var ns []int
	n, digits := 0, 0
	for _, r := range s + " " {
		d := -1
		switch {
		case r >= '0' && r <= '9':
			d = int(r - '0')
		case r >= '０' && r <= '９':
			d = int(r - '０')
		}
		if d >= 0 {
			if digits < 9 {
				n = n*10 + d
			}
			digits++
			continue
		}
		if digits > 0 {
			ns = append(ns, n)
		}
		n, digits = 0, 0
	}
	return ns
}
