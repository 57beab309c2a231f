// Command annexgen turns a filled-in role-allocation checklist workbook
// (「医療情報システムの契約における当事者間の役割分担等に関する確認表」) into a
// contract annex (契約書別紙) or a service-level agreement, as Markdown and PDF.
//
//	annexgen init      [-o FILE] [--vendor NAME]... [--items FILE]
//	annexgen validate  [--format text|json] [--strict] FILE...
//	annexgen render    [--doc annex|sla] [--to md,pdf] [-o DIR] [--templates DIR] [--font FILE]
//	                   [--per-vendor] [--strict] [-j N] [--force] FILE|DIR...
//	annexgen templates [-o DIR]
//	annexgen version
//
// Exit status: 0 when every file was done (warnings allowed); 1 when some
// input was rejected (validation errors, or not a readable workbook); 2 for
// a usage error or an output that could not be written.
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

	"github.com/spf13/pflag"
)

// Exit statuses.
const (
	exitOK       = 0
	exitRejected = 1 // some input was rejected: validation errors, or not a readable workbook
	exitUsage    = 2 // the command line is wrong
	exitWrite    = 2 // an output could not be made or written (the same status as a usage error, as documented)
	exitStopped  = 130
)

const usage = `annexgen: 役割分担確認表（Excel）から契約書別紙・SLA（PDF・Markdown）を作成します

使い方:
  annexgen init      [-o ファイル] [--vendor 事業者名]... [--items 項目一覧]
                     記入用の確認表（.xlsx）を作成します
  annexgen validate  [--format text|json] [--strict] ファイル...
                     確認表の記入漏れや誤りを、セルの位置とともに表示します
  annexgen render    [--doc annex|sla] [--to md,pdf] [-o フォルダ] [--per-vendor] ファイル|フォルダ...
                     確認表から契約書別紙（annex）またはSLA（sla）を作成します
  annexgen serve     [--addr 127.0.0.1:8080] [--open]
                     確認表をドロップして確認・変換するページを開きます
  annexgen templates [-o フォルダ]
                     文書のひな形（テンプレート）を編集用に書き出します
  annexgen version   版数を表示します

各コマンドの詳しい説明: annexgen コマンド --help
`

// env is what a command sees of the outside world; tests replace it.
type env struct {
	stdout, stderr io.Writer
	getenv         func(string) string
	ctx            context.Context
	isTerminal     bool // stderr is a terminal: progress may be drawn
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		// The first Ctrl-C lets the files under way finish; a second one
		// stops at once.
		<-ctx.Done()
		stop()
	}()
	e := &env{
		stdout:     os.Stdout,
		stderr:     os.Stderr,
		getenv:     os.Getenv,
		ctx:        ctx,
		isTerminal: isTerminal(os.Stderr),
	}
	os.Exit(run(e, os.Args[1:]))
}

// run executes one command line and returns the exit status.
func run(e *env, args []string) int {
	if len(args) == 0 {
		fmt.Fprint(e.stderr, usage)
		return exitUsage
	}
	commands := map[string]func(*env, []string) int{
		"init":      runInit,
		"validate":  runValidate,
		"render":    runRender,
		"serve":     runServe,
		"templates": runTemplates,
		"version":   runVersion,
	}
	switch args[0] {
	case "-h", "--help", "help":
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
func newFlags(e *env, name, synopsis string) *pflag.FlagSet {
	fs := pflag.NewFlagSet("annexgen "+name, pflag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.SortFlags = false
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "%s\nオプション:\n%s", synopsis, fs.FlagUsages())
	}
	return fs
}

// parse parses args; done is true when the command should stop with status.
func parse(e *env, fs *pflag.FlagSet, args []string) (status int, done bool) {
	err := fs.Parse(args)
	if errors.Is(err, pflag.ErrHelp) {
		return exitOK, true
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
