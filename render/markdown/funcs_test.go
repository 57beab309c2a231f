package markdown

import (
	"reflect"
	"sort"
	"testing"
)

// TestFuncsAreData pins the functions a user's template may call: they
// only format the data they are given, so that an edited template can
// neither read a file nor run anything. A new function must be added here
// on purpose.
func TestFuncsAreData(t *testing.T) {
	var names []string
	for name := range funcs {
		names = append(names, name)
	}
	sort.Strings(names)
	want := []string{"inc", "label", "line", "md", "num", "raw"}
	if !reflect.DeepEqual(names, want) {
		t.Errorf("template functions %v, want exactly %v", names, want)
	}
}

func TestNum(t *testing.T) {
	for i, want := range map[int]string{0: "１", 9: "１０", 119: "１２０"} {
		if got := fullWidth(i); got != want {
			t.Errorf("num %d = %q, want %q", i, got, want)
		}
	}
}
