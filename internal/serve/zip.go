package serve

import (
	"archive/zip"
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"time"
)

// zipTime is the time stamp of every file in a ZIP, so that the same
// upload gives the same bytes.
var zipTime = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// zipOf packs every output of every file into one ZIP, named after the
// workbook when there is one ("確認表.zip"), else "annexgen.zip". Names
// that two files share get " (2)", " (3)"….
func zipOf(files []fileResult) (*output, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	used := map[string]bool{}
	for _, f := range files {
		for _, o := range f.Outputs {
			name := unique(o.Name, used)
			method := zip.Deflate
			if o.Format == "pdf" || o.Format == "xlsx" || o.Format == "docx" {
				method = zip.Store // compressed already
			}
			w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: method, Modified: zipTime})
			if err != nil {
				return nil, err
			}
			if _, err := w.Write(o.Data); err != nil {
				return nil, err
			}
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	name := "annexgen.zip"
	if len(files) == 1 {
		name = strings.TrimSuffix(files[0].File, filepath.Ext(files[0].File)) + ".zip"
	}
	return &output{Name: name, Format: "zip", Type: mediaTypes["zip"], Data: buf.Bytes()}, nil
}

// unique returns name, or name with " (N)" before its first dot, whichever
// is not used yet, and marks it used.
func unique(name string, used map[string]bool) string {
	stem, ext, _ := strings.Cut(name, ".")
	candidate := name
	for i := 2; used[candidate]; i++ {
		candidate = fmt.Sprintf("%s (%d).%s", stem, i, ext)
	}
	used[candidate] = true
	return candidate
}

// contentDisposition is the Content-Disposition of a download named name:
// an ASCII fallback in filename (RFC 6266) and the name itself in
// filename* (RFC 5987), for names in Japanese.
func contentDisposition(name string) string {
	fallback := make([]byte, 0, len(name))
	ascii := true
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= 0x80:
			ascii = false
			continue
		case c < 0x20 || c == 0x7f || c == '"' || c == '\\' || c == '%' || c == ';':
			c = '_'
		}
		fallback = append(fallback, c)
	}
	fb := string(fallback)
	if !ascii {
		fb = "annexgen" + filepath.Ext(name)
	}
	return fmt.Sprintf(`attachment; filename="%s"; filename*=UTF-8''%s`, fb, pathEscape(name))
}

// pathEscape percent-encodes everything but RFC 5987's attr-chars.
func pathEscape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x80 && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("!#$&+-.^_`|~", c) >= 0) {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String()
}
