// Package templates holds the default document templates: Go text/template
// files that produce Markdown. annex.md.tmpl (契約書別紙), memorandum.md.tmpl
// (覚書) and sla.md.tmpl (サービス・レベル合意書) are the documents; the
// other files are parts they share, called with {{template "item.md.tmpl" .}}.
//
// Users may copy them (WriteDir), edit them and pass the folder back; a
// file there replaces the default of the same name. The data they receive
// is described by markdown.View in package render/markdown.
package templates

import (
	"embed"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/annexgen/annexgen/internal/outfile"
)

// FS holds the default templates: annex.md.tmpl, memorandum.md.tmpl,
// sla.md.tmpl and the
// shared parts (item.md.tmpl, parties.md.tmpl, …), at its root.
//
//go:embed *.tmpl
var FS embed.FS

// Names returns the names of the default template files, sorted.
func Names() []string {
	entries, _ := fs.ReadDir(FS, ".")
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// WriteDir writes the default templates into dir, creating it if needed,
// and returns the paths written. Unless force is set it writes nothing
// when any of the files already exists, and the error (which matches
// fs.ErrExist) names them. It writes all the files or none.
func WriteDir(dir string, force bool) ([]string, error) {
	names := Names()
	if !force {
		var existing []string
		for _, name := range names {
			p := filepath.Join(dir, name)
			if _, err := os.Lstat(p); err == nil {
				existing = append(existing, p)
			}
		}
		if len(existing) > 0 {
			return nil, &existsError{paths: existing}
		}
	}
	var files []outfile.File
	for _, name := range names {
		b, err := FS.ReadFile(name)
		if err != nil {
			return nil, err
		}
		files = append(files, outfile.File{Path: filepath.Join(dir, name), Data: b})
	}
	if err := outfile.Commit(files, force); err != nil {
		return nil, err
	}
	var written []string
	for _, f := range files {
		written = append(written, f.Path)
	}
	return written, nil
}

// existsError reports template files that are already there.
type existsError struct{ paths []string }

func (e *existsError) Error() string {
	return "次のファイルが既にあるため、テンプレートを書き出しませんでした: " +
		strings.Join(e.paths, ", ")
}

func (e *existsError) Is(target error) bool { return target == fs.ErrExist }
