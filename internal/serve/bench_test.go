package serve

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"testing"
)

// BenchmarkUpload posts samples/hospital.xlsx to /api/convert through the
// handler: reading, validation, the SLA as Markdown and PDF, the annotated
// copy, the sheets' cell texts, the ZIP and the JSON answer.
func BenchmarkUpload(b *testing.B) {
	s, _ := newTestServer(b, Config{TempDir: b.TempDir()}, nil)
	h := s.Handler()
	body, ctype := multipartBody(b, nil, upload{"hospital.xlsx", sample(b, "hospital.xlsx")})
	payload := body.Bytes()
	if err := s.cfg.Converter.Ready(); err != nil {
		b.Skip(err)
	}
	b.ResetTimer()
	for b.Loop() {
		req := httptest.NewRequest("POST", "/api/convert", bytes.NewReader(payload))
		req.Host = "127.0.0.1"
		req.Header.Set("Content-Type", ctype)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != http.StatusOK {
			b.Fatalf("status %d: %s", w.Code, w.Body)
		}
	}
}
