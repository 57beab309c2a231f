// Command licenses writes THIRD_PARTY_LICENSES, the licence texts of the
// code compiled into annexgen besides its own: the Go standard library and
// every module that provides a package of cmd/annexgen on any release
// target. Release archives carry the file.
//
//	go run ./internal/tools/licenses            # rewrite THIRD_PARTY_LICENSES
//	go run ./internal/tools/licenses -check     # fail when it is out of date
//
// The texts come from the module cache, so the file changes only when the
// dependencies do.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/annexgen/annexgen/internal/outfile"
)

//go:generate go run . -C ../../..

// targets are the systems the release builds for, as GOOS/GOARCH.
var targets = []string{"darwin/amd64", "darwin/arm64", "linux/amd64", "linux/arm64", "windows/amd64"}

// module is one body of third-party code and the folder holding its licence.
type module struct {
	Path, Version, Dir string
}

func main() {
	root := flag.String("C", ".", "the repository's root `folder`")
	out := flag.String("o", "THIRD_PARTY_LICENSES", "the `file` to write, relative to -C")
	check := flag.Bool("check", false, "do not write: fail when the file differs from what it would be")
	flag.Parse()
	if err := run(*root, *out, *check); err != nil {
		fmt.Fprintln(os.Stderr, "licenses:", err)
		os.Exit(1)
	}
}

func run(root, out string, check bool) error {
	mods, err := linkedModules(root, "./cmd/annexgen", targets)
	if err != nil {
		return err
	}
	goroot, err := goCommand(root, nil, "env", "GOROOT")
	if err != nil {
		return err
	}
	std := module{Path: "Go (the standard library and runtime)", Dir: strings.TrimSpace(goroot)}
	text, err := render(append([]module{std}, mods...))
	if err != nil {
		return err
	}
	path := filepath.Join(root, out)
	if check {
		old, err := os.ReadFile(path)
		if err != nil || !bytes.Equal(old, text) {
			return fmt.Errorf("%s is out of date: run go generate ./internal/tools/licenses", out)
		}
		return nil
	}
	return outfile.Commit([]outfile.File{{Path: path, Data: text}}, true)
}

// linkedModules lists the modules, other than the main one, that provide a
// package of pkg when built for any of targets, sorted by path.
func linkedModules(root, pkg string, targets []string) ([]module, error) {
	const format = `{{with .Module}}{{if not .Main}}{{with .Replace}}{{.Path}}	{{.Version}}	{{.Dir}}{{else}}{{.Path}}	{{.Version}}	{{.Dir}}{{end}}{{end}}{{end}}`
	seen := make(map[string]module)
	for _, target := range targets {
		goos, goarch, ok := strings.Cut(target, "/")
		if !ok {
			return nil, fmt.Errorf("target %q is not GOOS/GOARCH", target)
		}
		env := []string{"GOOS=" + goos, "GOARCH=" + goarch, "CGO_ENABLED=0"}
		list, err := goCommand(root, env, "list", "-deps", "-f", format, pkg)
		if err != nil {
			return nil, err
		}
		for _, line := range strings.Split(list, "\n") {
			f := strings.Split(line, "\t")
			if len(f) != 3 {
				continue
			}
			seen[f[0]+"@"+f[1]] = module{Path: f[0], Version: f[1], Dir: f[2]}
		}
	}
	mods := make([]module, 0, len(seen))
	for _, m := range seen {
		mods = append(mods, m)
	}
	sort.Slice(mods, func(i, j int) bool {
		if mods[i].Path != mods[j].Path {
			return mods[i].Path < mods[j].Path
		}
		return mods[i].Version < mods[j].Version
	})
	return mods, nil
}

// goCommand runs the go command in dir with extra environment variables and
// returns its standard output.
func goCommand(dir string, env []string, args ...string) (string, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go %s: %v\n%s", strings.Join(args, " "), err, stderr.Bytes())
	}
	return string(out), nil
}

// licenceName matches the files that carry a licence or its notices.
var licenceName = regexp.MustCompile(`^(?i)(licen[cs]e|copying|notice|patents)([-._].*)?$`)

// licenceFiles lists the licence files at the top of dir, sorted by name.
func licenceFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		if e.Type().IsRegular() && licenceName.MatchString(e.Name()) && !strings.HasSuffix(e.Name(), ".go") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	return names, nil
}

const preamble = `annexgen is licensed under the Apache License, Version 2.0 (see LICENSE).

Its executable also contains the following third-party software, whose
licences are reproduced below.
`

var (
	rule    = strings.Repeat("=", 78) // before each module
	subrule = strings.Repeat("-", 78) // before each of its files
)

// render returns the text of THIRD_PARTY_LICENSES for mods. A module
// without a licence file is an error: its code cannot be shipped unread.
func render(mods []module) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(preamble)
	for _, m := range mods {
		names, err := licenceFiles(m.Dir)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", m.Path, err)
		}
		if len(names) == 0 {
			return nil, fmt.Errorf("%s %s: no licence file in %s", m.Path, m.Version, m.Dir)
		}
		fmt.Fprintf(&b, "\n%s\n%s\n", rule, strings.TrimSpace(m.Path+" "+m.Version))
		for _, name := range names {
			text, err := os.ReadFile(filepath.Join(m.Dir, name))
			if err != nil {
				return nil, fmt.Errorf("%s: %v", m.Path, err)
			}
			text = bytes.ReplaceAll(text, []byte("\r\n"), []byte("\n"))
			fmt.Fprintf(&b, "%s\n%s\n\n%s\n", subrule, name, bytes.TrimSpace(text))
		}
	}
	return b.Bytes(), nil
}
