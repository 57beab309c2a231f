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
	want := []string{"inc", "label", "line", "md", "raw"}
	if !reflect.DeepEqual(names, want) {
		t.Errorf("template functions %v, want exactly %v", names, want)
	}
}
