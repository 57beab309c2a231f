package fonts

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// fontDir makes a folder of fonts for Find: each entry maps a path inside the folder to the
// installed font it links to.
func fontDir(t *testing.T, links map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for rel, system := range links {
		path := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(systemFont(t, system), path); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// isolate makes Find search only dirs, with no font named by the environment.
func isolate(t *testing.T, dirs ...string) {
	t.Helper()
	old := systemDirs
	systemDirs = func() []string { return dirs }
	t.Cleanup(func() { systemDirs = old })
	t.Setenv(EnvBody, "")
	t.Setenv(EnvBold, "")
}

// names returns the PostScript names of a Set, body, heading and bold.
func names(s *Set) [3]string {
	return [3]string{s.Body.Name, s.Heading.Name, s.Bold.Name}
}

var (
	bizUD = map[string]string{
		"morisawa/BIZUDMincho-Regular.ttf": "BIZUDMincho-Regular.ttf",
		"morisawa/BIZUDGothic-Regular.ttf": "BIZUDGothic-Regular.ttf",
		"morisawa/BIZUDGothic-Bold.ttf":    "BIZUDGothic-Bold.ttf",
	}
	ipaex = map[string]string{
		"opentype/ipaexfont-mincho/ipaexm.ttf": "ipaexm.ttf",
		"opentype/ipaexfont-gothic/ipaexg.ttf": "ipaexg.ttf",
	}
	bizUDNames = [3]string{"BIZUDMincho-Regular", "BIZUDGothic-Regular", "BIZUDGothic-Bold"}
)

func TestFindPrefersBIZUD(t *testing.T) {
	both := map[string]string{}
	for k, v := range bizUD {
		both[k] = v
	}
	for k, v := range ipaex {
		both[k] = v
	}
	isolate(t, fontDir(t, both))
	set, err := Find(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := names(set); got != bizUDNames {
		t.Errorf("Find = %v, want %v", got, bizUDNames)
	}
	if !strings.HasSuffix(set.Body.Path, filepath.Join("morisawa", "BIZUDMincho-Regular.ttf")) {
		t.Errorf("Body.Path = %q", set.Body.Path)
	}
}

func TestFindIPAex(t *testing.T) {
	isolate(t, fontDir(t, ipaex))
	set, err := Find(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := names(set), [3]string{"IPAexMincho", "IPAexGothic", "IPAexGothic"}; got != want {
		t.Errorf("Find = %v, want %v", got, want)
	}
	if set.Bold != set.Heading {
		t.Error("without a bold face, Bold should be the Heading face itself")
	}
}

func TestFindExtraDirsAndFallbacks(t *testing.T) {
	isolate(t, fontDir(t, map[string]string{"ipaexg.ttf": "ipaexg.ttf"}))
	extra := fontDir(t, map[string]string{"a/b/c/BIZUDMincho-Regular.ttf": "BIZUDMincho-Regular.ttf"})
	set, err := Find(Options{Dirs: []string{extra}})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := names(set), [3]string{"BIZUDMincho-Regular", "IPAexGothic", "IPAexGothic"}; got != want {
		t.Errorf("Find = %v, want %v", got, want)
	}

	// Only a ゴシック: the body uses it too.
	isolate(t, fontDir(t, map[string]string{"ipaexg.ttf": "ipaexg.ttf"}))
	set, err = Find(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := names(set), [3]string{"IPAexGothic", "IPAexGothic", "IPAexGothic"}; got != want {
		t.Errorf("Find with only a Gothic = %v, want %v", got, want)
	}

	// Only a 明朝: headings use it too.
	isolate(t, fontDir(t, map[string]string{"IPAEXM.TTF": "ipaexm.ttf"}))
	set, err = Find(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := names(set), [3]string{"IPAexMincho", "IPAexMincho", "IPAexMincho"}; got != want {
		t.Errorf("Find with only a Mincho = %v, want %v", got, want)
	}
}

func TestFindExplicitAndEnvironment(t *testing.T) {
	isolate(t, fontDir(t, bizUD))
	ipaexm, ipaexg := systemFont(t, "ipaexm.ttf"), systemFont(t, "ipaexg.ttf")

	t.Setenv(EnvBody, ipaexm)
	set, err := Find(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := names(set), [3]string{"IPAexMincho", "BIZUDGothic-Regular", "BIZUDGothic-Bold"}; got != want {
		t.Errorf("with %s: Find = %v, want %v", EnvBody, got, want)
	}

	t.Setenv(EnvBold, ipaexg)
	set, err = Find(Options{Body: systemFont(t, "BIZUDGothic-Regular.ttf")})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := names(set), [3]string{"BIZUDGothic-Regular", "BIZUDGothic-Regular", "IPAexGothic"}; got != want {
		t.Errorf("with --font and %s: Find = %v, want %v", EnvBold, got, want)
	}

	set, err = Find(Options{Heading: ipaexg, Bold: ipaexm})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := names(set), [3]string{"IPAexMincho", "IPAexGothic", "IPAexMincho"}; got != want {
		t.Errorf("with explicit heading and bold: Find = %v, want %v", got, want)
	}
}

func TestFindExplicitErrors(t *testing.T) {
	isolate(t, fontDir(t, bizUD))
	missing := filepath.Join(t.TempDir(), "nothing.ttf")
	if _, err := Find(Options{Body: missing}); err == nil || !strings.Contains(err.Error(), missing) {
		t.Errorf("a missing --font: %v", err)
	}
	t.Setenv(EnvBold, missing)
	_, err := Find(Options{})
	if err == nil || !strings.Contains(err.Error(), EnvBold) || !strings.Contains(err.Error(), missing) {
		t.Errorf("a missing %s: %v", EnvBold, err)
	}
}

func TestFindCollections(t *testing.T) {
	// Windows ships BIZ UD fonts as collections holding the proportional face as well.
	dir := t.TempDir()
	ttc := buildTTC(t, readSystemFont(t, "BIZUDPMincho-Regular.ttf"), readSystemFont(t, "BIZUDMincho-Regular.ttf"))
	if err := os.WriteFile(filepath.Join(dir, "BIZ-UDMinchoM.ttc"), ttc, 0o644); err != nil {
		t.Fatal(err)
	}
	ttc = buildTTC(t, readSystemFont(t, "BIZUDPGothic-Bold.ttf"), readSystemFont(t, "BIZUDGothic-Bold.ttf"))
	if err := os.WriteFile(filepath.Join(dir, "BIZ-UDGothicB.ttc"), ttc, 0o644); err != nil {
		t.Fatal(err)
	}
	ttc = buildTTC(t, readSystemFont(t, "BIZUDGothic-Regular.ttf"))
	if err := os.WriteFile(filepath.Join(dir, "BIZ-UDGothicR.ttc"), ttc, 0o644); err != nil {
		t.Fatal(err)
	}
	isolate(t, dir)
	set, err := Find(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := names(set); got != bizUDNames {
		t.Errorf("Find = %v, want %v", got, bizUDNames)
	}
	if want := filepath.Join(dir, "BIZ-UDMinchoM.ttc") + "#1"; set.Body.Path != want {
		t.Errorf("Body.Path = %q, want %q", set.Body.Path, want)
	}
	if want := filepath.Join(dir, "BIZ-UDGothicB.ttc") + "#1"; set.Bold.Path != want {
		t.Errorf("Bold.Path = %q, want %q", set.Bold.Path, want)
	}
}

func TestFindSkipsUnusableFonts(t *testing.T) {
	dir := fontDir(t, map[string]string{"ipaexm.ttf": "ipaexm.ttf"})
	// A broken BIZ UD file and a CFF font under a TrueType name are passed over.
	if err := os.WriteFile(filepath.Join(dir, "BIZUDMincho-Regular.ttf"), []byte("broken"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "ipaexg.ttf"), []byte("OTTO\x00\x01"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A symbolic link loop does not stop the search.
	if err := os.Symlink(dir, filepath.Join(dir, "loop")); err != nil {
		t.Fatal(err)
	}
	isolate(t, dir)
	set, err := Find(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := names(set), [3]string{"IPAexMincho", "IPAexMincho", "IPAexMincho"}; got != want {
		t.Errorf("Find = %v, want %v", got, want)
	}
}

func TestFindNotFound(t *testing.T) {
	empty := t.TempDir()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "ipaexm.ttf"), []byte("OTTO\x00\x01"), 0o644); err != nil {
		t.Fatal(err)
	}
	isolate(t, empty, dir, filepath.Join(empty, "absent"))
	_, err := Find(Options{})
	var nf *NotFoundError
	if !errors.As(err, &nf) {
		t.Fatalf("Find = %v, want a *NotFoundError", err)
	}
	msg := err.Error()
	for _, want := range []string{
		"日本語フォント",
		"apt install fonts-morisawa-bizud-mincho fonts-morisawa-bizud-gothic",
		"--font",
		EnvBody,
		empty,
		filepath.Join(dir, "ipaexm.ttf") + ": CFF（PostScript）アウトラインの OpenType フォントは PDF に埋め込めません",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q:\n%s", want, msg)
		}
	}
	if strings.Contains(msg, filepath.Join(empty, "absent")) {
		t.Errorf("message lists a folder that does not exist:\n%s", msg)
	}
}

func TestSystemDirs(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		t.Skip("the Linux font folders")
	}
	t.Setenv("HOME", "/home/someone")
	t.Setenv("XDG_DATA_HOME", "")
	dirs := defaultSystemDirs()
	joined := strings.Join(dirs, "\n")
	for _, want := range []string{"/usr/share/fonts", "/usr/local/share/fonts", "/home/someone/.local/share/fonts", "/home/someone/.fonts"} {
		if !strings.Contains(joined, want) {
			t.Errorf("system font folders %q lack %s", dirs, want)
		}
	}
}
