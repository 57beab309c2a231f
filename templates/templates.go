// Package templates holds the default document templates: Go text/template
// files that produce Markdown. annex.md.tmpl (契約書別紙), memorandum.md.tmpl
// (覚書) and sla.md.tmpl (サービス・レベル合意書) are the documents; the
// other files are parts they share, called with {{template "item.md.tmpl" .}}.
//
// Users may copy them (annexgen templates -o DIR), edit them and pass the folder back; a
// file there replaces the default of the same name. The data they receive
// is described by markdown.View in package render/markdown.
package templates

import (
	"embed"
	"io/fs"
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
