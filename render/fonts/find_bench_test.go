package fonts

import "testing"

// BenchmarkFind finds the BIZ UD fonts in the system folders and loads them, as a cold start does.
func BenchmarkFind(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Find(Options{}); err != nil {
			b.Skip(err)
		}
	}
}
