// Package templates holds the default document templates: Go text/template
// files that produce Markdown. annex.md.tmpl (契約書別紙) and sla.md.tmpl
// (サービス・レベル合意書) are the documents; the other files are parts
// they share, called with {{template "item.md.tmpl" .}}.
//
// Users may copy them (WriteDir), edit them and pass the folder back; a
// file there replaces the default of the same name. The data they receive
// is described by markdown.View in package render/markdown.
package templates

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// FS holds the default templates: annex.md.tmpl, sla.md.tmpl and the
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
// fs.ErrExist) names them.
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
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("フォルダ %s を作成できません: %w", dir, err)
	}
	var written []string
	for _, name := range names {
		b, err := FS.ReadFile(name)
		if err != nil {
			return written, err
		}
		p := filepath.Join(dir, name)
		if err := writeFile(p, b); err != nil {
			return written, fmt.Errorf("テンプレート %s を書き込めません: %w", p, err)
		}
		written = append(written, p)
	}
	return written, nil
}

// writeFile writes b to p through a temporary file, so that p is never
// left half-written.
func writeFile(p string, b []byte) error {
	f, err := os.CreateTemp(filepath.Dir(p), "."+filepath.Base(p)+".*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(b)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, 0o644)
	}
	if err == nil {
		err = os.Rename(tmp, p)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}

// existsError reports template files that are already there.
type existsError struct{ paths []string }

func (e *existsError) Error() string {
	return "次のファイルが既にあるため、テンプレートを書き出しませんでした（上書きする場合は強制上書きを指定してください）: " +
		strings.Join(e.paths, ", ")
}

func (e *existsError) Is(target error) bool { return target == fs.ErrExist }
