package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/annexgen/annexgen/internal/batch"
)

func TestProgressOnlyOnTerminals(t *testing.T) {
	for _, terminal := range []bool{false, true} {
		var stderr bytes.Buffer
		p := newProgress(&env{stderr: &stderr, isTerminal: terminal}, 4)
		for i := 1; i <= 4; i++ {
			p.started(batch.Input{Rel: "東京/clinic.xlsx"})
			p.update(i, batch.Result{})
		}
		p.finish()
		got := stderr.String()
		switch {
		case !terminal && got != "":
			t.Errorf("not a terminal: drew %q", got)
		case terminal && (!strings.Contains(got, "2/4") || !strings.Contains(got, "残り約") || !strings.Contains(got, "東京/clinic.xlsx") || !strings.HasSuffix(got, "\r\x1b[K")):
			t.Errorf("terminal: drew %q, want the count, the time left, the current file and a cleared line", got)
		}
	}
}

func TestETA(t *testing.T) {
	for _, tt := range []struct {
		elapsed     time.Duration
		done, total int
		want        string
	}{
		{time.Second, 0, 10, "残り時間を計算中"},
		{10 * time.Second, 5, 10, "残り約10秒"},
		{10 * time.Second, 1, 10, "残り約1分30秒"},
		{time.Hour, 1, 3, "残り約2時間00分"},
	} {
		if got := eta(tt.elapsed, tt.done, tt.total); got != tt.want {
			t.Errorf("eta(%v, %d, %d) = %q, want %q", tt.elapsed, tt.done, tt.total, got, tt.want)
		}
	}
}
