package wareki

import "testing"

func TestFormat(t *testing.T) {
	tests := []struct {
		y, m, d int
		want    string
	}{
		{2024, 6, 1, "令和6年6月1日"},
		{2019, 5, 1, "令和元年5月1日"},
		{2019, 4, 30, "平成31年4月30日"},
		{1989, 1, 7, "昭和64年1月7日"},
		{1989, 1, 8, "平成元年1月8日"},
		{1800, 1, 1, "1800年1月1日"},
	}
	for _, tt := range tests {
		if got := Format(tt.y, tt.m, tt.d); got != tt.want {
			t.Errorf("Format(%d,%d,%d) = %q, want %q", tt.y, tt.m, tt.d, got, tt.want)
		}
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		in      string
		y, m, d int
		ok      bool
	}{
		{"2024/6/1", 2024, 6, 1, true},
		{"2024-06-01", 2024, 6, 1, true},
		{"2024.6.1", 2024, 6, 1, true},
		{"2024年6月1日", 2024, 6, 1, true},
		{"２０２４年６月１日", 2024, 6, 1, true},
		{"令和6年6月1日", 2024, 6, 1, true},
		{"令和元年5月1日", 2019, 5, 1, true},
		{"平成31年4月30日", 2019, 4, 30, true},
		{"R6.6.1", 2024, 6, 1, true},
		{"r6/6/1", 2024, 6, 1, true},
		{"Ｒ６．６．１", 2024, 6, 1, true},
		{" H30-1-2 ", 2018, 1, 2, true},
		{"2024/13/1", 0, 0, 0, false},
		{"24/6/1", 0, 0, 0, false},
		{"未定", 0, 0, 0, false},
		{"", 0, 0, 0, false},
		{"2024年6月", 0, 0, 0, false},
		{"R", 0, 0, 0, false},
	}
	for _, tt := range tests {
		y, m, d, ok := Parse(tt.in)
		if ok != tt.ok || y != tt.y || m != tt.m || d != tt.d {
			t.Errorf("Parse(%q) = %d,%d,%d,%v, want %d,%d,%d,%v", tt.in, y, m, d, ok, tt.y, tt.m, tt.d, tt.ok)
		}
	}
}
