package diff

import (
	"fmt"
	"strings"
	"testing"

	"github.com/annexgen/annexgen/checklist"
)

// longPair is two checklists of n items whose agreements, about 1,350
// words each, all differ in the middle: the worst case the budget bounds.
func longPair(n int) (old, new *checklist.Checklist) {
	build := func(word string) *checklist.Checklist {
		c := &checklist.Checklist{}
		var items []checklist.Item
		for i := 0; i < n; i++ {
			items = append(items, checklist.Item{
				ID: fmt.Sprintf("Part1 %d", i+1), Part: "Part1", Number: fmt.Sprint(i + 1), Title: "項目",
				Agreement: "前文。" + strings.Repeat(word, 330) + "後文。",
			})
		}
		c.Parts = []checklist.Part{{Name: "Part1", Sections: []checklist.Section{{Items: items}}}}
		return c
	}
	return build("報告は、"), build("報告が、")
}

// TestBudget: past the budget of one comparison, cells are still compared,
// as wholes between their common head and tail.
func TestBudget(t *testing.T) {
	old, new := longPair(40)
	d := Compare(old, new)
	if len(d.Items) != 40 {
		t.Fatalf("%d items changed, want 40", len(d.Items))
	}
	first, last := d.Items[0].Fields[0], d.Items[39].Fields[0]
	if len(first.New) <= 3 {
		t.Errorf("the first item was not compared word by word: %d segments", len(first.New))
	}
	if len(last.New) != 3 || !last.New[1].Changed || !strings.HasPrefix(last.New[0].Text, "前文。") {
		t.Errorf("the last item, past the budget: %d segments", len(last.New))
	}
}

func BenchmarkCompareLongCells(b *testing.B) {
	old, new := longPair(1000)
	for b.Loop() {
		Compare(old, new)
	}
}

func BenchmarkCompareSample(b *testing.B) {
	old, new := sampleRenewal(b)
	for b.Loop() {
		Compare(old, new)
	}
}
