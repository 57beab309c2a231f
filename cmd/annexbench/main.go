// Command annexbench renders the same annex with annexgen and with the tools
// a user would pick instead (Typst, LibreOffice, pandoc with LuaLaTeX), in
// one run on one machine, and prints a table of times and ratios.
//
//	go run ./cmd/annexbench [-n RUNS] [--cold RUNS] [--peers typst,libreoffice,pandoc] [--install] [WORKBOOK]
//
// annexgen is measured warm (in-process, fonts and templates loaded, one
// core, per document) and cold (a new `annexgen render` process per
// document); Typst warm (compiler and fonts loaded in one Node process,
// memoization cache evicted before each compile) and cold (a new Node
// process); LibreOffice and pandoc cold only, as they are used. A tool that
// is not installed gets a "not installed" row. The -j 1 / -j 2 throughput of
// `annexgen render` over a folder of copies of the workbook ends the report.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/spf13/pflag"
)

// Peer names accepted by --peers.
const (
	peerTypst       = "typst"
	peerLibreOffice = "libreoffice"
	peerPandoc      = "pandoc"
)

var allPeers = []string{peerTypst, peerLibreOffice, peerPandoc}

// options are the command-line settings.
type options struct {
	workbook string
	runs     int // warm runs per in-process measurement
	cold     int // timed runs per cold (new process) measurement
	peers    map[string]bool
	install  bool // install the Typst compiler with npm when it is missing
	files    int  // copies of the workbook in the -j throughput folder
	keep     bool // keep the work folder with every output
	annexgen string
	cache    string
	profile  string // CPU profile of annexgen's warm xlsx → PDF runs
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

// run is the command with its arguments and streams; it returns the exit
// status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	o, status, ok := parseOptions(args, stderr)
	if !ok {
		return status
	}
	work, err := os.MkdirTemp("", "annexbench-")
	if err != nil {
		fmt.Fprintf(stderr, "annexbench: %v\n", err)
		return 1
	}
	if o.keep {
		fmt.Fprintf(stderr, "annexbench: outputs are kept in %s\n", work)
	} else {
		defer os.RemoveAll(work)
	}

	b := &bench{opts: o, work: work, log: stderr, ctx: ctx}
	rep, err := b.run()
	if err != nil {
		fmt.Fprintf(stderr, "annexbench: %v\n", err)
		return 1
	}
	rep.print(stdout)
	if ctx.Err() != nil {
		return 130
	}
	return 0
}

// parseOptions reads the command line; when ok is false the run ends with
// status (0 after --help), the reason printed on stderr.
func parseOptions(args []string, stderr io.Writer) (o options, status int, ok bool) {
	fs := pflag.NewFlagSet("annexbench", pflag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, `annexbench renders one workbook's annex with annexgen and with Typst, LibreOffice
and pandoc + LuaLaTeX, and prints times per document and ratios.

usage: go run ./cmd/annexbench [flags] [WORKBOOK]   (default samples/hospital.xlsx)

`)
		fs.PrintDefaults()
	}
	var peers string
	fs.IntVarP(&o.runs, "runs", "n", 20, "timed runs of each warm (in-process) measurement")
	fs.IntVar(&o.cold, "cold", 3, "timed runs of each cold (new process) measurement, after one untimed run")
	fs.StringVar(&peers, "peers", strings.Join(allPeers, ","), "peers to measure, comma-separated: typst, libreoffice, pandoc; none for annexgen only")
	fs.BoolVar(&o.install, "install", false, "install the Typst compiler (npm "+typstPackage+") into the cache folder when it is missing")
	fs.IntVar(&o.files, "files", 40, "copies of the workbook in the -j 1 / -j 2 throughput folder; 0 skips it")
	fs.BoolVar(&o.keep, "keep", false, "keep the work folder (every PDF, the Markdown and the Typst source) and print its path")
	fs.StringVar(&o.annexgen, "annexgen", "", "annexgen binary for the cold runs (default: built from ./cmd/annexgen)")
	fs.StringVar(&o.cache, "cache", defaultCache(), "folder for the npm-installed Typst compiler")
	fs.StringVar(&o.profile, "cpuprofile", "", "write a CPU profile of annexgen's warm xlsx → PDF runs to this file (go tool pprof)")
	if err := fs.Parse(args); err != nil {
		if err == pflag.ErrHelp {
			return o, 0, false
		}
		return o, 2, false
	}
	switch fs.NArg() {
	case 0:
		o.workbook = filepath.Join("samples", "hospital.xlsx")
	case 1:
		o.workbook = fs.Arg(0)
	default:
		fmt.Fprintln(stderr, "annexbench: give one workbook")
		return o, 2, false
	}
	if o.runs < 1 || o.cold < 1 || o.files < 0 {
		fmt.Fprintln(stderr, "annexbench: -n and --cold must be at least 1, --files at least 0")
		return o, 2, false
	}
	o.peers = map[string]bool{}
	for _, p := range strings.Split(peers, ",") {
		p = strings.ToLower(strings.TrimSpace(p))
		switch p {
		case "", "none":
		case peerTypst, peerLibreOffice, peerPandoc:
			o.peers[p] = true
		default:
			fmt.Fprintf(stderr, "annexbench: unknown peer %q (want %s)\n", p, strings.Join(allPeers, ", "))
			return o, 2, false
		}
	}
	if _, err := os.Stat(o.workbook); err != nil {
		fmt.Fprintf(stderr, "annexbench: %v (run it from the repository root, or give a workbook)\n", err)
		return o, 2, false
	}
	return o, 0, true
}

// defaultCache is $XDG_CACHE_HOME/annexbench (~/.cache/annexbench), or a
// folder under the system's temporary folder.
func defaultCache() string {
	if d, err := os.UserCacheDir(); err == nil {
		return filepath.Join(d, "annexbench")
	}
	return filepath.Join(os.TempDir(), "annexbench")
}

// machine describes where the figures were measured.
func machine() string {
	s := fmt.Sprintf("%s/%s, %d CPUs, %s", runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.Version())
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(l, "model name") {
				if _, v, ok := strings.Cut(l, ":"); ok {
					s = strings.TrimSpace(v) + ", " + s
				}
				break
			}
		}
	}
	return s
}

// loadAverage returns the 1-minute load average, or "" where unknown.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return ""
	}
	return f[0]
}
