package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

// version is set at build time with -ldflags "-X main.version=v1.2.3".
var version = ""

func runVersion(e *env, args []string) int {
	fs := newFlags(e, "version", "annexgen version: annexgen の版数、Go の版数、OS と CPU の種類を表示します。\n")
	if status, done := parse(e, fs, args); done {
		return status
	}
	if fs.NArg() > 0 {
		return usageError(e, "version", "余分な引数があります: %s", fs.Arg(0))
	}
	v := version
	if v == "" {
		v = "(devel)"
		if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
			v = info.Main.Version
		}
	}
	fmt.Fprintf(e.stdout, "annexgen %s %s %s/%s\n", v, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return exitOK
}
