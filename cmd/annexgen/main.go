// Command annexgen turns a filled-in role-allocation checklist workbook
// (「医療情報システムの契約における当事者間の役割分担等に関する確認表」) into a
// contract annex (契約書別紙) or a service-level agreement, as Markdown and PDF.
//
//	annexgen init      [-o FILE] [--vendor NAME]... [--items FILE]
//	annexgen validate  [--format text|json] [--strict] [--annotate [-o DIR] [--force]] FILE|DIR...
//	annexgen render    [--doc annex|memorandum|sla] [--to md,pdf,docx] [-o DIR] [--templates DIR] [--font FILE]
//	                   [--per-vendor] [--strict] [-j N] [--force | --skip-existing] [--json] FILE|DIR...
//	annexgen serve     [--addr 127.0.0.1:8080] [--open]
//	annexgen diff      [--to md,pdf,docx] [-o DIR] [--force] OLD.xlsx NEW.xlsx
//	annexgen templates [-o DIR]
//	annexgen version
//
// Exit status: 0 when every file was done (warnings allowed); 1 when some
// input was rejected (validation errors, or not a readable workbook); 2 for
// a usage error, a template error or an output that could not be written;
// 130 when interrupted.
//
// stdout carries results only (validate's findings, the files render
// wrote, or the JSON document); diagnostics and progress go to stderr.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/pflag"

	"github.com/annexgen/annexgen/checklist/xlsx"
	"github.com/annexgen/annexgen/internal/outfile"
)

// Exit statuses.
const (
	exitOK       = 0
	exitRejected = 1 // some input was rejected: validation errors, or not a readable workbook
	exitUsage    = 2 // the command line is wrong
	exitWrite    = 2 // an output could not be made or written (the same status as a usage error, as documented)
	exitStopped  = 130
)

const usage = `annexgen: 役割分担確認表（Excel）から契約書別紙・覚書・SLA（PDF・Word・Markdown）を作成します

使い方:
  annexgen init      [-o ファイル] [--vendor 事業者名]... [--items 項目一覧]
                     記入用の確認表（.xlsx）を作成します
  annexgen validate  [--format text|json] [--strict] [--annotate [-o フォルダ]] ファイル|フォルダ...
                     確認表の記入漏れや誤りを、セルの位置とともに表示します
  annexgen render    [--doc annex|memorandum|sla] [--to md,pdf,docx] [-o フォルダ] [--per-vendor] ファイル|フォルダ...
                     確認表から契約書別紙（annex）・覚書（memorandum）・SLA（sla）を作成します
  annexgen serve     [--addr 127.0.0.1:8080] [--open]
                     確認表をドロップして確認・変換するページを開きます
  annexgen diff      [--to md,pdf,docx] [-o フォルダ] [--force] 改正前.xlsx 改正後.xlsx
                     二つの版の確認表から新旧対照表を作成します
  annexgen templates [-o フォルダ]
                     文書のひな形（テンプレート）を編集用に書き出します
  annexgen version   版数を表示します

各コマンドの詳しい説明: annexgen コマンド --help（または annexgen help コマンド）
`

// env is what a command sees of the outside world; tests replace it.
type env struct {
	stdout, stderr io.Writer
	getenv         func(string) string
	ctx            context.Context
	isTerminal     bool // stderr is a terminal: progress may be drawn
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	go stopOnSignals(cancel)
	e := &env{
		stdout:     os.Stdout,
		stderr:     os.Stderr,
		getenv:     os.Getenv,
		ctx:        ctx,
		isTerminal: isTerminal(os.Stderr),
	}
	if len(os.Args) > 1 {
		tuneGC(os.Args[1], os.Getenv)
	}
	status := run(e, os.Args[1:])
	outfile.Stop() // waits for outputs being put in place; none is started after
	xlsx.RemoveTemp()
	os.Exit(status)
}

// stopOnSignals handles Ctrl-C and SIGTERM. The first cancels the
// commands' context: no new file is started, and the files under way get
// a grace period (see render), after which the command returns with
// exitStopped. Should it not have returned a little after that, or at a
// second signal, the process exits here. Either way it ends through
// outfile.Stop and xlsx.RemoveTemp, which leave no temporary file behind.
func stopOnSignals(cancel context.CancelFunc) {
	signals := make(chan os.Signal, 2)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	<-signals
	cancel()
	select {
	case <-signals:
	case <-time.After(grace + 2*time.Second):
	}
	outfile.Stop()
	xlsx.RemoveTemp() // the temporary folders of workbooks still being read
	os.Exit(exitStopped)
}

// run executes one command line and returns the exit status.
func run(e *env, args []string) int {
	if len(args) == 0 && startedByExplorer() {
		return runDoubleClicked(e, run)
	}
	if len(args) == 0 {
		fmt.Fprint(e.stderr, usage)
		return exitUsage
	}
	commands := map[string]func(*env, []string) int{
		"init":      runInit,
		"validate":  runValidate,
		"render":    runRender,
		"diff":      runDiff,
		"serve":     runServe,
		"templates": runTemplates,
		"version":   runVersion,
	}
	switch args[0] {
	case "help":
		if len(args) > 1 {
			if _, ok := commands[args[1]]; ok {
				return run(e, []string{args[1], "--help"}) // annexgen help render
			}
		}
		fmt.Fprint(e.stdout, usage)
		return exitOK
	case "-h", "--help":
		fmt.Fprint(e.stdout, usage)
		return exitOK
	case "-v", "--version":
		return runVersion(e, nil)
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(e.stderr, "annexgen: 「%s」というコマンドはありません。\n\n%s", args[0], usage)
		return exitUsage
	}
	return cmd(e, args[1:])
}

// newFlags returns a flag set for a command whose help starts with synopsis.
// Asked for with -h or --help, the help goes to stdout, so that it can be
// paged or searched; parse prints it.
func newFlags(e *env, name, synopsis string) *pflag.FlagSet {
	fs := pflag.NewFlagSet("annexgen "+name, pflag.ContinueOnError)
	fs.SetOutput(io.Discard) // parse reports errors in Japanese
	fs.SortFlags = false
	fs.Usage = func() {
		fmt.Fprint(e.stdout, synopsis)
		if fs.HasFlags() {
			fmt.Fprintf(e.stdout, "\nオプション:\n%s", flagUsages(fs))
		}
	}
	return fs
}

// parse parses args; done is true when the command should stop with status.
func parse(e *env, fs *pflag.FlagSet, args []string) (status int, done bool) {
	err := fs.Parse(args)
	if errors.Is(err, pflag.ErrHelp) {
		return exitOK, true // fs.Usage has printed the help
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "%s: %s\n（使い方は %s --help）\n", fs.Name(), flagError(err), fs.Name())
		return exitUsage, true
	}
	return 0, false
}

// usageError prints "annexgen CMD: message" on stderr and returns exitUsage.
func usageError(e *env, cmd, format string, a ...any) int {
	fmt.Fprintf(e.stderr, "annexgen "+cmd+": "+format+"\n", a...)
	return exitUsage
}

// flagError rewords pflag's messages for readers of Japanese.
func flagError(err error) string {
	msg := err.Error()
	switch {
	case strings.HasPrefix(msg, "unknown flag: "), strings.HasPrefix(msg, "unknown shorthand flag: "):
		return "知らないオプションです: " + msg[strings.LastIndex(msg, ": ")+2:]
	case strings.HasPrefix(msg, "flag needs an argument: "):
		return "オプションに値がありません: " + strings.TrimPrefix(msg, "flag needs an argument: ")
	case strings.HasPrefix(msg, "invalid argument "):
		return "オプションの値が正しくありません: " + strings.TrimPrefix(msg, "invalid argument ")
	}
	return msg
}

// isTerminal reports whether f is a character device such as a terminal.
func isTerminal(f *os.File) bool {
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
