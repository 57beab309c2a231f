package serve

import (
	"bytes"
	"embed"
	"html/template"
	"io/fs"
	"net/http"

	"github.com/annexgen/annexgen/document"
)

// assets are the page's files: its template, script and style. Nothing
// is loaded from elsewhere: hospitals are often offline.
//
//go:embed assets
var assets embed.FS

// pageTemplate is the page; html/template escapes what it is given.
var pageTemplate = template.Must(template.ParseFS(assets, "assets/index.html"))

// kindChoice is one document kind offered on the page.
type kindChoice struct {
	Value document.Kind
	Label string
}

// pageData is what the page shows besides the results.
type pageData struct {
	Version  string
	Kinds    []kindChoice
	MaxFiles int
	MaxMB    int64
}

// page serves the page.
func (s *Server) page(w http.ResponseWriter, _ *http.Request) {
	data := pageData{Version: s.cfg.Version, MaxFiles: s.cfg.MaxFiles, MaxMB: s.cfg.MaxFileBytes >> 20}
	for _, k := range document.Kinds() {
		data.Kinds = append(data.Kinds, kindChoice{k, k.Japanese() + "（" + string(k) + "）"})
	}
	var buf bytes.Buffer
	if err := pageTemplate.Execute(&buf, data); err != nil {
		s.log.Error("page", "err", err)
		http.Error(w, "内部エラー", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Write(buf.Bytes())
}

// assetHandler serves the script and the style under /assets/.
func assetHandler() http.Handler {
	sub, err := fs.Sub(assets, "assets")
	if err != nil {
		panic(err)
	}
	files := http.FileServerFS(sub)
	return http.StripPrefix("/assets/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "index.html" || r.URL.Path == "" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Cache-Control", "no-cache")
		files.ServeHTTP(w, r)
	}))
}
