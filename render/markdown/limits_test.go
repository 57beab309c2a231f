package markdown

import (
	"errors"
	"io"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/annexgen/annexgen/document"
)

// TestTemplateLimits runs templates that would make a document without
// end: each stops with a *TemplateError naming the template, never a crash.
func TestTemplateLimits(t *testing.T) {
	defer func(size int, d time.Duration) { MaxOutput, MaxTime = size, d }(MaxOutput, MaxTime)
	d, err := document.New(document.Annex, clinic(), "")
	if err != nil {
		t.Fatal(err)
	}
	// Each case passes one limit long before the other.
	for _, tt := range []struct {
		src, want string
		size      int
		time      time.Duration
	}{
		{"{{range 100000000}}" + strings.Repeat("長い行", 1000) + "{{end}}", "大きくなりすぎます", 1 << 20, time.Hour},
		{"{{range 100000000}}{{$.Title}}{{end}}", "大きくなりすぎます", 1 << 20, time.Hour},
		{"{{range 100000000}}{{range 1000}}{{end}}x{{end}}", "時間がかかりすぎます", 1 << 40, 100 * time.Millisecond},
	} {
		MaxOutput, MaxTime = tt.size, tt.time
		tmpl, err := Parse(document.Annex, fstest.MapFS{"annex.md.tmpl": {Data: []byte(tt.src)}})
		if err != nil {
			t.Fatal(err)
		}
		err = tmpl.Execute(io.Discard, d)
		var te *TemplateError
		if !errors.As(err, &te) || te.File != "annex.md.tmpl" || !te.Override || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want a TemplateError naming annex.md.tmpl and saying %q", tt.src, err, tt.want)
		}
	}
}
