package main

import (
	"bufio"
	"fmt"
	"os"

	"github.com/inconshreveable/mousetrap"
)

// startedByExplorer reports whether annexgen was started by a double-click
// in Windows Explorer rather than from a terminal; always false elsewhere.
// Tests replace it.
var startedByExplorer = mousetrap.StartedByExplorer

// waitForEnter keeps a window that Explorer opened on screen until the user
// has read it; Explorer closes the window as soon as the program ends.
// Tests replace it.
var waitForEnter = func() {
	bufio.NewReader(os.Stdin).ReadString('\n')
}

// doubleClickArgs returns the command line run when annexgen is started by
// a double-click with no arguments: the local page, opened in the browser.
// Tests replace it so as not to start a server.
var doubleClickArgs = func() []string {
	return []string{"serve", "--open"}
}

const doubleClickBanner = `annexgen: ブラウザで確認表の変換画面を開きます。
このウィンドウは、画面を使っている間は開いたままにしてください。
終了するには Ctrl+C を押すか、このウィンドウを閉じてください。

`

// runDoubleClicked runs doubleClickArgs through run, saying first how to
// stop it. When it ends with an error, the window stays open until Enter is
// pressed, so that the message can be read.
func runDoubleClicked(e *env, run func(*env, []string) int) int {
	fmt.Fprint(e.stdout, doubleClickBanner)
	status := run(e, doubleClickArgs())
	if status != exitOK && status != 130 { // 130: stopped with Ctrl+C
		fmt.Fprint(e.stderr, "\nEnter キーを押すと、このウィンドウを閉じます。\n")
		waitForEnter()
	}
	return status
}
