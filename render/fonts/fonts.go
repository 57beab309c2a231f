// Package fonts finds the Japanese TrueType fonts a PDF document is typeset with: a 明朝 face
// for the body, a ゴシック face for headings and its bold.
//
// The PDF writer (gopdf) embeds only TrueType-outline fonts, so CFF-based OpenType fonts are
// refused and a face of a TrueType collection (.ttc, as Windows ships its Japanese fonts) is
// extracted into a standalone font in memory.
package fonts

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/annexgen/annexgen/render/internal/sfnt"
)

// Face is one TrueType font ready for gopdf, which reads only TrueType-outline .ttf data.
type Face struct {
	Name string // PostScript name, e.g. "BIZUDMincho-Regular", from the 'name' table (the PDF BaseFont)
	Path string // where it was found, for messages; "file.ttc#1" for a face of a collection
	Data []byte // standalone TrueType (sfnt 0x00010000) bytes, extracted from a .ttc when needed

	index int        // face number within a collection, -1 for a single font
	font  *sfnt.Font // the parsed font, for HasRune and the PDF metrics
}

// Set is the fonts a document uses.
type Set struct {
	Body    *Face // 明朝 for the body text
	Heading *Face // ゴシック for headings
	Bold    *Face // ゴシック bold; the same Face as Heading when the family has no bold
}

// Options override the search: empty fields are searched for.
type Options struct {
	Body, Heading, Bold string   // font files (a .ttf, or "file.ttc#N"), e.g. from --font and --font-bold
	Dirs                []string // extra folders searched before the system font folders
}

// Environment variables naming font files, used when Options leave Body or Bold empty.
const (
	EnvBody = "ANNEXGEN_FONT"
	EnvBold = "ANNEXGEN_FONT_BOLD"
)

// candidate is a font file searched for by name (case-insensitively). For a collection, names
// lists the PostScript names of the wanted face, in order of preference.
type candidate struct {
	file  string
	names []string
}

// family is a choice for a role, in order of preference, with the bold of the same family.
type family struct {
	regular candidate
	bold    []candidate
}

// bodyFamilies are the 明朝 fonts for the body, best first: BIZ UD Mincho (Debian, Google
// Fonts, Windows 10+ as a collection), IPAex Mincho, Yu Mincho, MS Mincho.
var bodyFamilies = []family{
	{regular: candidate{file: "BIZUDMincho-Regular.ttf"}},
	{regular: candidate{file: "BIZ-UDMinchoM.ttc", names: []string{"BIZUDMincho-Medium", "BIZUDMincho-Regular"}}},
	{regular: candidate{file: "ipaexm.ttf"}},
	{regular: candidate{file: "yumin.ttf"}},
	{regular: candidate{file: "msmincho.ttc", names: []string{"MS-Mincho"}}},
}

// headingFamilies are the ゴシック fonts for headings, best first, each with its bold.
var headingFamilies = []family{
	{regular: candidate{file: "BIZUDGothic-Regular.ttf"}, bold: []candidate{
		{file: "BIZUDGothic-Bold.ttf"},
		{file: "BIZ-UDGothicB.ttc", names: []string{"BIZUDGothic-Bold"}},
	}},
	{regular: candidate{file: "BIZ-UDGothicR.ttc", names: []string{"BIZUDGothic-Regular"}}, bold: []candidate{
		{file: "BIZ-UDGothicB.ttc", names: []string{"BIZUDGothic-Bold"}},
		{file: "BIZUDGothic-Bold.ttf"},
	}},
	{regular: candidate{file: "ipaexg.ttf"}},
	{regular: candidate{file: "YuGothR.ttc", names: []string{"YuGothic-Regular"}}, bold: []candidate{
		{file: "YuGothB.ttc", names: []string{"YuGothic-Bold"}},
	}},
	{regular: candidate{file: "yugothic.ttf"}, bold: []candidate{{file: "yugothib.ttf"}}},
	{regular: candidate{file: "msgothic.ttc", names: []string{"MS-Gothic"}}},
}

// systemDirs returns the font folders of the operating system; tests replace it.
var systemDirs = defaultSystemDirs

func defaultSystemDirs() []string {
	home, _ := os.UserHomeDir()
	var dirs []string
	add := func(parts ...string) {
		if parts[0] != "" {
			dirs = append(dirs, filepath.Join(parts...))
		}
	}
	switch runtime.GOOS {
	case "windows":
		windir := os.Getenv("WINDIR")
		if windir == "" {
			windir = os.Getenv("SystemRoot")
		}
		if windir == "" {
			windir = `C:\Windows`
		}
		add(windir, "Fonts")
		add(os.Getenv("LOCALAPPDATA"), "Microsoft", "Windows", "Fonts")
	case "darwin":
		add(home, "Library", "Fonts")
		add("/Library/Fonts")
		add("/System/Library/Fonts")
	default:
		add(os.Getenv("XDG_DATA_HOME"), "fonts")
		add(home, ".local", "share", "fonts")
		add(home, ".fonts")
		add("/usr/local/share/fonts")
		add("/usr/share/fonts")
	}
	return dirs
}

// NotFoundError reports that no usable Japanese font was found.
type NotFoundError struct {
	Dirs     []string // the folders searched
	Rejected []string // fonts found but unusable, with the reason
}

// Error explains in Japanese what to install or pass.
func (e *NotFoundError) Error() string {
	var b strings.Builder
	b.WriteString("PDF に使う日本語フォント（TrueType 形式）が見つかりません。\n")
	b.WriteString("Debian/Ubuntu では次のコマンドで BIZ UD 明朝と BIZ UD ゴシックを入れてください:\n")
	b.WriteString("  sudo apt install fonts-morisawa-bizud-mincho fonts-morisawa-bizud-gothic\n")
	b.WriteString("BIZ UD 明朝・BIZ UD ゴシックは Windows 10 以降には標準で入っており、Google Fonts からも入手できます。\n")
	b.WriteString("フォントファイルを直接指定するには --font ファイル名（.ttf）を付けるか、環境変数 " + EnvBody + " にファイル名を設定してください。")
	if len(e.Dirs) > 0 {
		b.WriteString("\n探したフォルダ: " + strings.Join(e.Dirs, ", "))
	}
	for _, r := range e.Rejected {
		b.WriteString("\n使えなかったフォント: " + r)
	}
	return b.String()
}

// Find locates the fonts of a document. Each role takes, in order: the file in Options, the
// file named by the environment variable (ANNEXGEN_FONT for Body, ANNEXGEN_FONT_BOLD for Bold),
// then the best font found in Options.Dirs and the system font folders: BIZ UD Mincho, IPAex
// Mincho, Yu Mincho or MS Mincho for Body; BIZ UD Gothic, IPAex Gothic, Yu Gothic or MS Gothic
// for Heading, with the bold of the same family for Bold. Without any 明朝 the body uses the
// heading font, and the other way round; without a bold, Bold is Heading. A named file that
// cannot be used is an error; when no font is found at all, the error is a *NotFoundError.
func Find(opt Options) (*Set, error) {
	body, err := explicit(opt.Body, EnvBody)
	if err != nil {
		return nil, err
	}
	heading, err := explicit(opt.Heading, "")
	if err != nil {
		return nil, err
	}
	bold, err := explicit(opt.Bold, EnvBold)
	if err != nil {
		return nil, err
	}

	s := &searcher{dirs: append(append([]string(nil), opt.Dirs...), systemDirs()...)}
	if body == nil {
		body = s.best(bodyFamilies, nil)
	}
	if heading == nil {
		heading = s.best(headingFamilies, func(f family) {
			if bold == nil {
				bold = s.first(f.bold)
			}
		})
	}
	switch {
	case body == nil && heading == nil:
		return nil, &NotFoundError{Dirs: s.searched(), Rejected: s.rejected}
	case body == nil:
		body = heading
	case heading == nil:
		heading = body
	}
	if bold == nil {
		bold = heading
	}
	return &Set{Body: body, Heading: heading, Bold: bold}, nil
}

// explicit loads the font named by path or, when path is empty, by the environment variable
// env. It returns nil when neither names one.
func explicit(path, env string) (*Face, error) {
	fromEnv := false
	if path == "" && env != "" {
		path, fromEnv = os.Getenv(env), true
	}
	if path == "" {
		return nil, nil
	}
	face, err := Load(path)
	if err != nil && fromEnv {
		return nil, fmt.Errorf("環境変数 %s の指定: %w", env, err)
	}
	return face, err
}

// searcher finds candidate files in font folders, indexing the folders once.
type searcher struct {
	dirs     []string
	files    map[string]string // lower-case file name -> first path found
	visited  []string          // folders indexed, for the not-found message
	rejected []string          // candidates found but unusable
	loaded   map[string]*Face  // by path and face, so a file is read once
}

// maxDepth bounds how deep font folders are searched.
const maxDepth = 8

// index walks the font folders once, remembering the first path of every candidate file name.
func (s *searcher) index() {
	if s.files != nil {
		return
	}
	wanted := map[string]bool{}
	for _, fams := range [][]family{bodyFamilies, headingFamilies} {
		for _, f := range fams {
			wanted[strings.ToLower(f.regular.file)] = true
			for _, b := range f.bold {
				wanted[strings.ToLower(b.file)] = true
			}
		}
	}
	s.files = map[string]string{}
	seen := map[string]bool{}
	var walk func(dir string, depth int)
	walk = func(dir string, depth int) {
		real, err := filepath.EvalSymlinks(dir)
		if err != nil || seen[real] || depth > maxDepth {
			return
		}
		seen[real] = true
		entries, err := os.ReadDir(dir)
		if err != nil {
			return
		}
		var subdirs []string
		for _, e := range entries {
			path := filepath.Join(dir, e.Name())
			isDir := e.IsDir()
			if e.Type()&fs.ModeSymlink != 0 {
				if fi, err := os.Stat(path); err == nil {
					isDir = fi.IsDir()
				}
			}
			if isDir {
				subdirs = append(subdirs, path)
				continue
			}
			name := strings.ToLower(e.Name())
			if _, dup := s.files[name]; wanted[name] && !dup {
				s.files[name] = path
			}
		}
		for _, d := range subdirs {
			walk(d, depth+1)
		}
	}
	for _, d := range s.dirs {
		if fi, err := os.Stat(d); err == nil && fi.IsDir() {
			s.visited = append(s.visited, d)
			walk(d, 0)
		}
	}
}

// searched returns the folders that exist among those searched, or all of them if none does.
func (s *searcher) searched() []string {
	if len(s.visited) > 0 {
		return s.visited
	}
	return s.dirs
}

// best returns the regular face of the first family found, calling found with that family.
func (s *searcher) best(families []family, found func(family)) *Face {
	for _, f := range families {
		if face := s.load(f.regular); face != nil {
			if found != nil {
				found(f)
			}
			return face
		}
	}
	return nil
}

// first returns the first of the candidates found.
func (s *searcher) first(cands []candidate) *Face {
	for _, c := range cands {
		if face := s.load(c); face != nil {
			return face
		}
	}
	return nil
}

// load returns the face of a candidate, or nil when it is absent or unusable.
func (s *searcher) load(c candidate) *Face {
	s.index()
	path, ok := s.files[strings.ToLower(c.file)]
	if !ok {
		return nil
	}
	key := path + "\x00" + strings.Join(c.names, ",")
	if face, ok := s.loaded[key]; ok {
		return face
	}
	if s.loaded == nil {
		s.loaded = map[string]*Face{}
	}
	face, err := loadCandidate(path, c.names)
	if err != nil {
		s.rejected = append(s.rejected, err.Error())
	}
	s.loaded[key] = face
	return face
}

// loadCandidate loads a found file, taking from a collection the face named in names.
func loadCandidate(path string, names []string) (*Face, error) {
	face, err := loadFile(path, -1, names)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return face, nil
}
