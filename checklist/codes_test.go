package checklist

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// moduleRoot is the module's top folder, seen from this package.
const moduleRoot = ".."

// TestCatalogueComplete checks that every Message has a code, a severity
// and a text, and that the wordings of one code share its severity.
func TestCatalogueComplete(t *testing.T) {
	severity := map[Code]Severity{}
	for m := Message(0); m < msgCount; m++ {
		w := catalogue[m]
		if w.code == "" || w.format == "" {
			t.Errorf("Message %d has no code or no text", m)
			continue
		}
		if s, ok := severity[w.code]; ok && s != w.severity {
			t.Errorf("%s has wordings of severities %s and %s", w.code, s, w.severity)
		}
		severity[w.code] = w.severity
	}
}

// codeConstants returns the Code constants declared in codes.go, by value.
func codeConstants(t *testing.T) map[string]string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "codes.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	consts := map[string]string{}
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, s := range g.Specs {
			vs := s.(*ast.ValueSpec)
			if id, ok := vs.Type.(*ast.Ident); !ok || id.Name != "Code" {
				continue
			}
			v, err := strconv.Unquote(vs.Values[0].(*ast.BasicLit).Value)
			if err != nil {
				t.Fatal(err)
			}
			consts[v] = vs.Names[0].Name
		}
	}
	return consts
}

// TestCodesDeclaredOnce checks that the Code constants and the catalogue
// hold the same codes.
func TestCodesDeclaredOnce(t *testing.T) {
	consts := codeConstants(t)
	for _, c := range Codes() {
		if consts[string(c)] == "" {
			t.Errorf("catalogue code %s has no Code constant", c)
		}
	}
	for v, name := range consts {
		if !slices.Contains(Codes(), Code(v)) {
			t.Errorf("%s (%s) has no wording in the catalogue", name, v)
		}
	}
}

// TestCodesOnlyFromCatalogue walks the module's source: no code is spelled
// as a string outside codes.go, no finding is built with a literal code
// (the reader, the rules, the renderer and the command line all build
// theirs with NewFinding), and every wording of the catalogue is raised
// somewhere.
func TestCodesOnlyFromCatalogue(t *testing.T) {
	consts := codeConstants(t)
	used := map[string]bool{}
	err := filepath.WalkDir(moduleRoot, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case ".git", "testdata", "third_party", "node_modules":
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
		if err != nil {
			return err
		}
		own := path == filepath.Join(moduleRoot, "checklist", "codes.go")
		constructor := path == filepath.Join(moduleRoot, "checklist", "finding.go")
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BasicLit:
				if v, err := strconv.Unquote(n.Value); err == nil && consts[v] != "" && !own {
					t.Errorf("%s: code %q spelled as a string: use %s", path, v, consts[v])
				}
			case *ast.KeyValueExpr:
				if k, ok := n.Key.(*ast.Ident); ok && k.Name == "Code" && !constructor {
					t.Errorf("%s: a finding built with Code: build it with NewFinding", path)
				}
			case *ast.Ident:
				if strings.HasPrefix(n.Name, "Msg") && !own {
					used[n.Name] = true
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range messageNames(t) {
		if !used[name] {
			t.Errorf("%s is in the catalogue but nothing raises it", name)
		}
	}
}

// messageNames returns the names of the Message constants.
func messageNames(t *testing.T) []string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "codes.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, s := range g.Specs {
			for _, id := range s.(*ast.ValueSpec).Names {
				if strings.HasPrefix(id.Name, "Msg") {
					names = append(names, id.Name)
				}
			}
		}
	}
	if len(names) != int(msgCount) {
		t.Fatalf("%d Msg constants, %d wordings", len(names), msgCount)
	}
	return names
}

// TestREADMECodes checks the README's list of finding codes against the
// catalogue.
func TestREADMECodes(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join(moduleRoot, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	const heading = "\n## Finding codes\n"
	_, section, ok := strings.Cut(string(readme), heading)
	if !ok {
		t.Fatalf("README.md has no %q section", strings.TrimSpace(heading))
	}
	section, _, _ = strings.Cut(section, "\n## ")
	var got []string
	for _, line := range strings.Split(section, "\n") {
		if strings.HasPrefix(line, "| `") {
			got = append(got, line)
		}
	}
	var want []string
	for _, c := range Codes() {
		for m := Message(0); m < msgCount; m++ {
			if m.Code() == c {
				want = append(want, "| `"+string(c)+"` | "+m.Severity().String()+" |")
				break
			}
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("README.md's finding codes are not the catalogue's; the rows should be:\n%s", strings.Join(want, "\n"))
	}
}
