package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// fontFiles are the Japanese TrueType fonts handed to the peers: the ones
// annexgen prefers (BIZ UD Mincho body, BIZ UD Gothic headings), or IPAex.
type fontFiles struct {
	body, heading, bold       string // paths
	bodyFamily, headingFamily string // family names as Typst and fontspec know them
}

// fontChoices lists the font sets in order of preference, by file name.
var fontChoices = []struct {
	body, heading, bold       string
	bodyFamily, headingFamily string
}{
	{"BIZUDMincho-Regular.ttf", "BIZUDGothic-Regular.ttf", "BIZUDGothic-Bold.ttf", "BIZ UDMincho", "BIZ UDGothic"},
	{"ipaexm.ttf", "ipaexg.ttf", "ipaexg.ttf", "IPAexMincho", "IPAexGothic"},
}

// findFontFiles looks for the fonts in the usual font folders.
func findFontFiles() (fontFiles, error) {
	found := map[string]string{}
	for _, dir := range fontDirs() {
		filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if !d.IsDir() {
				if _, ok := found[d.Name()]; !ok {
					found[d.Name()] = path
				}
			}
			return nil
		})
	}
	for _, c := range fontChoices {
		body, heading, bold := found[c.body], found[c.heading], found[c.bold]
		if body != "" && heading != "" && bold != "" {
			return fontFiles{body: body, heading: heading, bold: bold, bodyFamily: c.bodyFamily, headingFamily: c.headingFamily}, nil
		}
	}
	return fontFiles{}, errors.New("no BIZ UD or IPAex TrueType fonts found")
}

// paths returns the distinct font files.
func (f fontFiles) paths() []string {
	ps := []string{f.body}
	for _, p := range []string{f.heading, f.bold} {
		if p != ps[len(ps)-1] && p != ps[0] {
			ps = append(ps, p)
		}
	}
	return ps
}

func (f fontFiles) String() string {
	names := make([]string, 0, 3)
	for _, p := range f.paths() {
		names = append(names, filepath.Base(p))
	}
	return strings.Join(names, ", ")
}

func fontDirs() []string {
	dirs := []string{"/usr/share/fonts", "/usr/local/share/fonts", "/Library/Fonts", "/System/Library/Fonts"}
	if home, err := os.UserHomeDir(); err == nil {
		dirs = append(dirs, filepath.Join(home, ".local", "share", "fonts"), filepath.Join(home, ".fonts"), filepath.Join(home, "Library", "Fonts"))
	}
	if windir := os.Getenv("WINDIR"); windir != "" {
		dirs = append(dirs, filepath.Join(windir, "Fonts"))
	}
	return dirs
}
