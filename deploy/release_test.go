package deploy

import (
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

const root = ".."

// dockerfile returns the instructions of the Dockerfile, continuation lines
// joined, comments dropped.
func dockerfile(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root, "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	var cur strings.Builder
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		if s, ok := strings.CutSuffix(line, "\\"); ok {
			cur.WriteString(s)
			continue
		}
		cur.WriteString(line)
		if s := strings.TrimSpace(cur.String()); s != "" {
			lines = append(lines, s)
		}
		cur.Reset()
	}
	return lines
}

// instruction returns the argument of the last instruction named name in the
// final stage.
func instruction(t *testing.T, name string) string {
	t.Helper()
	var found string
	for _, line := range dockerfile(t) {
		if rest, ok := strings.CutPrefix(line, name+" "); ok {
			found = strings.TrimSpace(rest)
		}
	}
	if found == "" {
		t.Fatalf("Dockerfile: no %s", name)
	}
	return found
}

func dockerfileUser(t *testing.T) string {
	uid, _, _ := strings.Cut(instruction(t, "USER"), ":")
	return uid
}

func dockerfileExpose(t *testing.T) string { return instruction(t, "EXPOSE") }

// execForm decodes the JSON array of an exec-form instruction.
func execForm(t *testing.T, arg string) []string {
	t.Helper()
	var words []string
	if err := json.Unmarshal([]byte(arg), &words); err != nil {
		t.Fatalf("Dockerfile: %q is not in exec form: %v", arg, err)
	}
	return words
}

func dockerfileCmd(t *testing.T) []string { return execForm(t, instruction(t, "CMD")) }

func TestDockerfile(t *testing.T) {
	if got := dockerfileCmd(t); !slices.Equal(got, []string{"serve", "--addr", "0.0.0.0:" + dockerfileExpose(t)}) {
		t.Errorf("CMD %q: want serve on every address at the exposed port", got)
	}
	if uid := dockerfileUser(t); uid == "0" || uid == "root" || uid == "" {
		t.Errorf("USER %q: want a numeric non-root user", uid)
	}
	all := strings.Join(dockerfile(t), "\n")
	for _, want := range []string{"fonts-morisawa-bizud-mincho", "fonts-morisawa-bizud-gothic", "CGO_ENABLED=0", "-trimpath", "-X main.version="} {
		if !strings.Contains(all, want) {
			t.Errorf("Dockerfile lacks %q", want)
		}
	}
	if got := execForm(t, instruction(t, "ENTRYPOINT")); !slices.Equal(got, []string{"annexgen"}) {
		t.Errorf("ENTRYPOINT %q, want annexgen", got)
	}
}

// TestHealthcheck runs the Dockerfile's HEALTHCHECK command against a server
// that answers /healthz with 200, then with 503, then against no server.
func TestHealthcheck(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	hc := instruction(t, "HEALTHCHECK")
	_, cmdArg, ok := strings.Cut(hc, "CMD ")
	if !ok {
		t.Fatalf("HEALTHCHECK %q has no CMD", hc)
	}
	words := execForm(t, cmdArg)
	port := dockerfileExpose(t)
	if !strings.Contains(strings.Join(words, " "), "127.0.0.1/"+port) || !strings.Contains(strings.Join(words, " "), "GET /healthz ") {
		t.Fatalf("HEALTHCHECK %q does not ask /healthz on port %s", words, port)
	}
	check := func(addr string) error {
		t.Helper()
		w := slices.Clone(words)
		for i := range w {
			w[i] = strings.ReplaceAll(w[i], "127.0.0.1/"+port, strings.Replace(addr, ":", "/", 1))
		}
		return exec.Command(w[0], w[1:]...).Run()
	}
	status := http.StatusOK
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/healthz" {
			http.NotFound(w, r)
			return
		}
		w.WriteHeader(status)
	}))
	addr := srv.Listener.Addr().String()
	if err := check(addr); err != nil {
		t.Errorf("healthy server: check failed: %v", err)
	}
	status = http.StatusServiceUnavailable
	if err := check(addr); err == nil {
		t.Error("server answering 503: check passed")
	}
	srv.Close()
	l, err := net.Listen("tcp", "127.0.0.1:0") // a port nobody listens on once closed
	if err != nil {
		t.Fatal(err)
	}
	free := l.Addr().String()
	l.Close()
	if err := check(free); err == nil {
		t.Error("no server: check passed")
	}
}

// TestGoReleaserConfig checks what the archives are built from: every
// target, no cgo, the version in main.version, and the files a user needs.
func TestGoReleaserConfig(t *testing.T) {
	docs := decodeAll(t, filepath.Join(root, ".goreleaser.yaml"))
	if len(docs) != 1 {
		t.Fatalf(".goreleaser.yaml: %d documents", len(docs))
	}
	cfg := docs[0]
	if get(t, cfg, "version") != 2 {
		t.Errorf("version %v, want 2", get(t, cfg, "version"))
	}
	var targets []string
	builds := make(map[string]obj)
	for _, b := range get(t, cfg, "builds").([]any) {
		b := b.(obj)
		id := get(t, b, "id").(string)
		builds[id] = b
		if get(t, b, "main") != "./cmd/annexgen" || !slices.Contains(get(t, b, "env").([]any), any("CGO_ENABLED=0")) ||
			!slices.Contains(get(t, b, "flags").([]any), any("-trimpath")) ||
			!strings.Contains(fmt.Sprint(get(t, b, "ldflags")), "-X main.version=") {
			t.Errorf("build %s: %v", id, b)
		}
		for _, target := range get(t, b, "targets").([]any) {
			targets = append(targets, id+":"+target.(string))
		}
	}
	sort.Strings(targets)
	want := []string{"annexgen-macos:darwin_amd64", "annexgen-macos:darwin_arm64", "annexgen:linux_amd64", "annexgen:linux_arm64", "annexgen:windows_amd64"}
	if !slices.Equal(targets, want) {
		t.Errorf("targets %v, want %v", targets, want)
	}
	// THIRD_PARTY_LICENSES covers the modules of these same targets.
	tool, err := os.ReadFile(filepath.Join(root, "internal", "tools", "licenses", "main.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, target := range targets {
		_, target, _ = strings.Cut(target, ":")
		if !strings.Contains(string(tool), `"`+strings.Replace(target, "_", "/", 1)+`"`) {
			t.Errorf("internal/tools/licenses does not list the modules of %s", target)
		}
	}

	for _, a := range get(t, cfg, "archives").([]any) {
		a := a.(obj)
		id := get(t, a, "id").(string)
		for _, b := range get(t, a, "ids").([]any) {
			if builds[b.(string)] == nil {
				t.Errorf("archive %s: no build %v", id, b)
			}
		}
		files := make(map[string]obj)
		for _, f := range get(t, a, "files").([]any) {
			switch f := f.(type) {
			case string:
				files[f] = nil
			case obj:
				files[get(t, f, "dst").(string)] = f
				if _, err := os.Stat(filepath.Join(root, get(t, f, "src").(string))); err != nil {
					t.Errorf("archive %s: %v", id, err)
				}
			}
		}
		for _, name := range []string{"README.md", "LICENSE", "THIRD_PARTY_LICENSES"} {
			if _, ok := files[name]; !ok {
				t.Errorf("archive %s lacks %s", id, name)
			} else if _, err := os.Stat(filepath.Join(root, name)); err != nil {
				t.Error(err)
			}
		}
		macOS := id == "annexgen-macos"
		if cmd, ok := files["annexgen.command"]; ok != macOS {
			t.Errorf("archive %s: annexgen.command present %v, want %v", id, ok, macOS)
		} else if ok && get(t, cmd, "info", "mode") != 0o755 {
			t.Errorf("annexgen.command mode %o, want 755 so that Finder runs it", get(t, cmd, "info", "mode"))
		}
	}
	overrides := fmt.Sprint(get(t, cfg, "archives", 0, "format_overrides"))
	if !strings.Contains(overrides, "goos:windows") || !strings.Contains(overrides, "formats:[zip]") {
		t.Errorf("format_overrides %s: want zip for Windows", overrides)
	}
}

// TestMacOSLauncher checks annexgen.command: executable in the repository
// and starting the page as a double-click on Windows does.
func TestMacOSLauncher(t *testing.T) {
	path := filepath.Join(root, "packaging", "macos", "annexgen.command")
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	if info.Mode()&0o111 == 0 || !strings.HasPrefix(string(data), "#!/bin/sh\n") {
		t.Errorf("%s: mode %v: want an executable shell script", path, info.Mode())
	}
	if !strings.Contains(string(data), "./annexgen serve --open") || !strings.Contains(string(data), `cd "$(dirname "$0")"`) {
		t.Errorf("%s does not run the annexgen beside it with serve --open", path)
	}
	if out, err := exec.Command("sh", "-n", path).CombinedOutput(); err != nil {
		t.Errorf("%s: %v\n%s", path, err, out)
	}
}
