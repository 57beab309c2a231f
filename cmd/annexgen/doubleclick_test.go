package main

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"
)

// explorer pretends, for one test, that annexgen was or was not started by
// a double-click in Explorer, and records whether the window waited.
func explorer(t *testing.T, doubleClicked bool) (waited *bool) {
	t.Helper()
	oldStarted, oldWait := startedByExplorer, waitForEnter
	t.Cleanup(func() { startedByExplorer, waitForEnter = oldStarted, oldWait })
	waited = new(bool)
	startedByExplorer = func() bool { return doubleClicked }
	waitForEnter = func() { *waited = true }
	return waited
}

func TestDoubleClickRunsServeOpen(t *testing.T) {
	if got, want := doubleClickArgs(), []string{"serve", "--open"}; !slices.Equal(got, want) {
		t.Fatalf("doubleClickArgs() = %q, want %q", got, want)
	}
}

func TestDoubleClickSaysHowToStop(t *testing.T) {
	for _, tc := range []struct {
		status int
		wait   bool
	}{
		{exitOK, false},
		{130, false},      // Ctrl+C: the user is closing it anyway
		{exitUsage, true}, // e.g. the port is taken: keep the message on screen
		{exitRejected, true},
	} {
		waited := explorer(t, true)
		var out, errOut bytes.Buffer
		e := &env{stdout: &out, stderr: &errOut, getenv: func(string) string { return "" }, ctx: context.Background()}
		var ran []string
		status := runDoubleClicked(e, func(_ *env, args []string) int {
			ran = args
			return tc.status
		})
		if status != tc.status {
			t.Errorf("status %d: returned %d", tc.status, status)
		}
		if !slices.Equal(ran, []string{"serve", "--open"}) {
			t.Errorf("status %d: ran %q, want serve --open", tc.status, ran)
		}
		for _, want := range []string{"Ctrl+C", "ウィンドウを閉じ"} {
			if !strings.Contains(out.String(), want) {
				t.Errorf("status %d: stdout %q lacks %q", tc.status, out.String(), want)
			}
		}
		if *waited != tc.wait || strings.Contains(errOut.String(), "Enter") != tc.wait {
			t.Errorf("status %d: waited %v, stderr %q; want waiting %v", tc.status, *waited, errOut.String(), tc.wait)
		}
	}
}

// TestNoArgumentsFromExplorer checks the path through run: with no
// arguments, a double-click runs the double-click command line (here
// "version" instead of a server).
func TestNoArgumentsFromExplorer(t *testing.T) {
	explorer(t, true)
	old := doubleClickArgs
	t.Cleanup(func() { doubleClickArgs = old })
	doubleClickArgs = func() []string { return []string{"version"} }
	r := annexgen(t, nil)
	if r.status != exitOK || !strings.HasPrefix(r.stdout, doubleClickBanner+"annexgen ") {
		t.Errorf("double-click: status %d, stdout %q; want the banner, then the command's output", r.status, r.stdout)
	}
}

func TestNoArgumentsInTerminalPrintsHelp(t *testing.T) {
	waited := explorer(t, false)
	r := annexgen(t, nil)
	if r.status != exitUsage || !strings.Contains(r.stderr, "使い方") || !strings.Contains(r.stderr, "annexgen serve") {
		t.Errorf("no arguments: status %d, stderr %q; want the help naming serve", r.status, r.stderr)
	}
	if strings.Contains(r.stdout, "Ctrl+C") || *waited {
		t.Errorf("no arguments in a terminal behaved as a double-click: %q", r.stdout)
	}
}
