// Package serve is the local web page of annexgen serve: a clerk drops
// workbooks on it, sees the findings on the workbook's own cells and takes
// the documents and the annotated workbook away; of two workbooks, it
// makes the 新旧対照表 (POST /api/diff, files old and new).
//
// The server keeps no state between requests. An upload's response
// carries the findings, the sheets' cell texts and every output (base64),
// and the page offers the outputs from memory (Blob URLs). Uploads are
// spooled to files in a private folder while they are converted and
// removed after the response.
//
// Safety: the Host header must name the bound address, localhost or an IP
// address (DNS rebinding); cross-site requests are refused
// (http.CrossOriginProtection); a strict Content-Security-Policy allows
// only the page's own embedded scripts and styles; conversions run at most
// Config.Workers at a time, with a bounded queue behind them.
package serve

import (
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"strings"
	"time"

	"github.com/annexgen/annexgen/internal/convert"
)

// Defaults of Config.
const (
	DefaultMaxFileBytes = 64 << 20
	DefaultMaxFiles     = 20
	DefaultTimeout      = 2 * time.Minute
)

// Config sets up a server.
type Config struct {
	Converter *convert.Converter // made with Kind "" and the formats to offer
	Addr      string             // the address bound, host:port: the Host header must name it (or localhost, or an IP)
	TempDir   string             // where uploads are spooled while converted; "" for the system's
	Log       *slog.Logger       // nil: slog.Default()
	Version   string             // shown in the page's footer

	MaxFileBytes int64         // a larger file gets 413; 0: DefaultMaxFileBytes
	MaxFiles     int           // files in one request; more get 413; 0: DefaultMaxFiles
	Workers      int           // conversions at a time; 0: runtime.NumCPU()
	Queue        int           // requests waiting for a worker before 503; 0: 4 × Workers
	Timeout      time.Duration // deadline of one request; 0: DefaultTimeout
}

// Server serves the page, the upload API and /healthz.
type Server struct {
	cfg   Config
	log   *slog.Logger
	slots *limiter
	// work converts one spooled upload; tests replace it.
	work func(j job) fileResult
	// compare compares two spooled uploads; tests replace it.
	compare func(old, cur job) diffResult
}

// New returns a server for cfg.
func New(cfg Config) *Server {
	if cfg.MaxFileBytes <= 0 {
		cfg.MaxFileBytes = DefaultMaxFileBytes
	}
	if cfg.MaxFiles <= 0 {
		cfg.MaxFiles = DefaultMaxFiles
	}
	if cfg.Workers <= 0 {
		cfg.Workers = runtime.NumCPU()
	}
	if cfg.Queue <= 0 {
		cfg.Queue = 4 * cfg.Workers
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	s := &Server{cfg: cfg, log: cfg.Log, slots: newLimiter(cfg.Workers, cfg.Queue)}
	s.work = s.convert
	s.compare = s.diff
	return s
}

// contentSecurityPolicy allows the page's own script and style only; the
// outputs are Blob URLs, shown in a frame (the PDF) or fetched.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; " +
	"connect-src 'self' blob:; frame-src blob:; object-src blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// Handler returns the server's HTTP handler.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.page)
	mux.Handle("GET /assets/", assetHandler())
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write([]byte("ok\n"))
	})
	mux.HandleFunc("POST /api/convert", s.convertAPI)
	mux.HandleFunc("POST /api/zip", s.zipAPI)
	mux.HandleFunc("POST /api/diff", s.diffAPI)
	cross := http.NewCrossOriginProtection()
	cross.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.log.Warn("refused cross-origin request", "origin", r.Header.Get("Origin"), "path", r.URL.Path)
		writeError(w, http.StatusForbidden, "ほかのサイトのページからの送信は受け付けません。annexgen のページから送ってください")
	}))
	return s.logged(secured(s.hostCheck(cross.Handler(mux))))
}

// secured adds the headers every response carries.
func secured(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("Content-Security-Policy", contentSecurityPolicy)
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("Referrer-Policy", "no-referrer")
		hd.Set("X-Frame-Options", "DENY")
		hd.Set("Cross-Origin-Opener-Policy", "same-origin")
		hd.Set("Cross-Origin-Resource-Policy", "same-origin")
		h.ServeHTTP(w, r)
	})
}

// hostCheck refuses a Host header that names another machine: a page of
// another site whose name was made to point at 127.0.0.1 (DNS rebinding)
// must not reach the server. Allowed: the bound host, localhost and IP
// addresses, which no DNS answer can stand for.
func (s *Server) hostCheck(h http.Handler) http.Handler {
	bound, _, _ := net.SplitHostPort(s.cfg.Addr)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !allowedHost(r.Host, bound) {
			s.log.Warn("refused host", "host", r.Host, "path", r.URL.Path, "remote", r.RemoteAddr)
			writeError(w, http.StatusMisdirectedRequest, "このページは http://localhost または http://127.0.0.1 で開いてください（Host: "+r.Host+" は受け付けません）")
			return
		}
		h.ServeHTTP(w, r)
	})
}

// allowedHost reports whether the Host header host may reach a server
// bound to the host bound.
func allowedHost(host, bound string) bool {
	name := host
	if h, _, err := net.SplitHostPort(host); err == nil {
		name = h
	}
	name = strings.TrimSuffix(strings.Trim(name, "[]"), ".")
	switch {
	case name == "":
		return false
	case strings.EqualFold(name, "localhost"):
		return true
	case net.ParseIP(name) != nil:
		return true
	}
	return bound != "" && net.ParseIP(bound) == nil && strings.EqualFold(name, bound)
}

// statusWriter remembers the status of a response, for the log.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// logged logs every request once it is answered.
func (s *Server) logged(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		h.ServeHTTP(sw, r)
		s.log.Info("request", "method", r.Method, "path", r.URL.Path, "status", sw.status,
			"ms", time.Since(start).Milliseconds(), "remote", r.RemoteAddr)
	})
}
