package deploy

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/annexgen/annexgen/render/fonts"
)

// shardScript returns the shell script of the batch Job and its environment.
func shardScript(t *testing.T) (script string, env map[string]string) {
	t.Helper()
	j := one(t, manifests(t), "Job")
	c := get(t, j.obj, "spec", "template", "spec", "containers", 0)
	if cmd := fmt.Sprint(get(t, c, "command")); cmd != "[bash -c]" {
		t.Fatalf("Job command %s, want bash -c", cmd)
	}
	return get(t, c, "args", 0).(string), jobEnv(t, j.obj)
}

// runShard runs the Job's script as pod index with annexgen (a program on
// PATH) over in, and returns its exit status.
func runShard(t *testing.T, script string, env map[string]string, bin, data string, index int) (int, string) {
	t.Helper()
	cmd := exec.Command("bash", "-c", script)
	cmd.Env = append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"),
		fmt.Sprintf("JOB_COMPLETION_INDEX=%d", index))
	for k, v := range env {
		if strings.HasSuffix(k, "_DIR") {
			v = filepath.Join(data, strings.TrimPrefix(v, "/data/"))
		}
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return exit.ExitCode(), string(out)
	}
	if err != nil {
		t.Fatal(err)
	}
	return 0, string(out)
}

// fakeAnnexgen is an annexgen that logs its command line, one argument a
// line, and exits with the status in the file "status" beside it.
const fakeAnnexgen = `#!/bin/sh
{ for a in "$@"; do printf '%s\n' "$a"; done; echo; } >> "$(dirname "$0")/calls"
echo '{"files":[]}'
exit "$(cat "$(dirname "$0")/status" 2>/dev/null || echo 0)"
`

// call is one run of the fake annexgen: its -o folder and its files.
type call struct {
	out   string
	files []string
}

func readCalls(t *testing.T, bin string) []call {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(bin, "calls"))
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	var calls []call
	for _, block := range strings.Split(strings.TrimSuffix(string(data), "\n\n"), "\n\n") {
		args := strings.Split(block, "\n")
		i := slices.Index(args, "-o")
		if args[0] != "render" || !slices.Contains(args, "--force") || i < 0 {
			t.Fatalf("annexgen %q: want render --force -o DIR FILE...", args)
		}
		calls = append(calls, call{out: args[i+1], files: args[i+2:]})
	}
	return calls
}

func writeTree(t *testing.T, dir string, names []string) {
	t.Helper()
	for _, name := range names {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestShardsTakeEveryWorkbookOnce runs every pod of the Job in turn and
// checks that together they render each workbook exactly once, into the
// folder matching its own under in/.
func TestShardsTakeEveryWorkbookOnce(t *testing.T) {
	script, env := shardScript(t)
	data, bin := t.TempDir(), t.TempDir()
	os.WriteFile(filepath.Join(bin, "annexgen"), []byte(fakeAnnexgen), 0o755)
	workbooks := []string{"a.xlsx", "b.XLSX", "病院 1/確認表.xlsx", "病院 1/c.xlsx", "病院 2/sub/d.xlsx", "z/e.xlsx", "z/f.xlsx", "z/g.xlsx"}
	ignored := []string{"notes.txt", "old.xls", "~$a.xlsx", ".hidden/h.xlsx", "z/.i.xlsx"}
	writeTree(t, filepath.Join(data, "in"), append(slices.Clone(workbooks), ignored...))

	shards := 0
	fmt.Sscan(env["SHARDS"], &shards)
	perShard := make([]int, shards)
	var rendered []string
	for k := range shards {
		os.Remove(filepath.Join(bin, "calls"))
		if status, out := runShard(t, script, env, bin, data, k); status != 0 {
			t.Fatalf("shard %d: status %d\n%s", k, status, out)
		}
		for _, c := range readCalls(t, bin) {
			for _, f := range c.files {
				rel, _ := filepath.Rel(filepath.Join(data, "in"), f)
				if want := filepath.Join(data, "out", filepath.Dir(rel)); filepath.Clean(c.out) != want {
					t.Errorf("shard %d: %s rendered into %s, want %s", k, rel, c.out, want)
				}
				rendered = append(rendered, rel)
				perShard[k]++
			}
		}
		report, err := os.ReadFile(filepath.Join(data, "reports", fmt.Sprintf("shard-%d.json", k)))
		if err != nil {
			t.Fatalf("shard %d: no report: %v", k, err)
		}
		if dec := json.NewDecoder(strings.NewReader(string(report))); !validJSONStream(dec) {
			t.Errorf("shard %d: report %q is not a stream of JSON documents", k, report)
		}
	}
	sort.Strings(rendered)
	want := slices.Clone(workbooks)
	sort.Strings(want)
	if !slices.Equal(rendered, want) {
		t.Errorf("rendered %q\nwant each of %q once", rendered, want)
	}
	for k, n := range perShard {
		if n < len(workbooks)/shards || n > len(workbooks)/shards+1 {
			t.Errorf("shard %d took %d of %d workbooks: uneven", k, n, len(workbooks))
		}
	}
}

func validJSONStream(dec *json.Decoder) bool {
	for {
		var v any
		err := dec.Decode(&v)
		if errors.Is(err, io.EOF) {
			return true
		}
		if err != nil {
			return false
		}
	}
}

// TestShardStatus checks how annexgen's exit status becomes the pod's:
// refused workbooks (1) are in the report and the shard is done; a write
// failure (2) fails the pod so that the Job runs it again.
func TestShardStatus(t *testing.T) {
	script, env := shardScript(t)
	for _, tc := range []struct{ annexgen, pod int }{{0, 0}, {1, 0}, {2, 2}} {
		data, bin := t.TempDir(), t.TempDir()
		os.WriteFile(filepath.Join(bin, "annexgen"), []byte(fakeAnnexgen), 0o755)
		os.WriteFile(filepath.Join(bin, "status"), []byte(fmt.Sprint(tc.annexgen)), 0o644)
		writeTree(t, filepath.Join(data, "in"), []string{"a.xlsx"})
		if status, out := runShard(t, script, env, bin, data, 0); status != tc.pod {
			t.Errorf("annexgen exits %d: pod exits %d, want %d\n%s", tc.annexgen, status, tc.pod, out)
		}
	}
}

// TestShardWithRealAnnexgen runs one shard with annexgen itself, to check
// that the command line the script writes is one annexgen accepts.
func TestShardWithRealAnnexgen(t *testing.T) {
	if testing.Short() {
		t.Skip("builds annexgen")
	}
	if _, err := fonts.Find(fonts.Options{}); err != nil {
		t.Skipf("no Japanese font for the PDFs: %v", err)
	}
	script, env := shardScript(t)
	data, bin := t.TempDir(), t.TempDir()
	if out, err := exec.Command("go", "build", "-o", filepath.Join(bin, "annexgen"), "../cmd/annexgen").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	sample, err := os.ReadFile(filepath.Join(root, "samples", "clinic.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"one.xlsx", "sub/two.xlsx"} {
		p := filepath.Join(data, "in", name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, sample, 0o644)
	}
	env["SHARDS"] = "1"
	if status, out := runShard(t, script, env, bin, data, 0); status != 0 {
		t.Fatalf("status %d\n%s", status, out)
	}
	for _, want := range []string{"out/one.annex.md", "out/sub/two.annex.md"} {
		if _, err := os.Stat(filepath.Join(data, want)); err != nil {
			t.Errorf("no %s: %v", want, err)
		}
	}
	report, _ := os.ReadFile(filepath.Join(data, "reports", "shard-0.json"))
	if !validJSONStream(json.NewDecoder(strings.NewReader(string(report)))) || !strings.Contains(string(report), `"files"`) {
		t.Errorf("report %q is not annexgen's JSON", report)
	}
}
