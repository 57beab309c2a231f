package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/annexgen/annexgen/internal/outfile"
	"github.com/annexgen/annexgen/templates"
)

// writeTemplates writes the default templates into dir, creating it if needed,
// and returns the paths written. Unless force is set it writes nothing
// when any of the files already exists, and the error (which matches
// fs.ErrExist) names them. It writes all the files or none.
func writeTemplates(dir string, force bool) ([]string, error) {
	names := templates.Names()
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
		b, err := templates.FS.ReadFile(name)
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
