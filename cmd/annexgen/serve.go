package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"runtime"
	"runtime/debug"
	"time"

	"github.com/annexgen/annexgen/internal/convert"
	"github.com/annexgen/annexgen/internal/serve"
)

const serveHelp = `annexgen serve: 確認表を確認・変換するページを、このパソコンの中で開きます。

ブラウザーで表示されたアドレス（http://127.0.0.1:8080/ など）を開き、確認表（.xlsx）を
ドロップすると、記入漏れや誤りのあるセルを色付きで表示し、PDF・Markdown・確認結果つきの
確認表をダウンロードできます。ファイルはどこにも保存されません。終了するには Ctrl+C を押します。

例:
  annexgen serve --open
  annexgen serve --addr 127.0.0.1:9000
`

// openBrowser opens url in the user's browser; tests replace it.
var openBrowser = func(url string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	case "darwin":
		cmd = exec.Command("open", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait()
	return nil
}

// shutdownGrace is how long the requests under way may take to finish
// once the server is asked to stop.
const shutdownGrace = 10 * time.Second

func runServe(e *env, args []string) int {
	fs := newFlags(e, "serve", serveHelp)
	addr := fs.String("addr", "127.0.0.1:8080", "待ち受けるアドレスとポート（既定ではこのパソコンからだけ開けます）")
	open := fs.Bool("open", false, "起動したらブラウザーでページを開きます")
	logFormat := fs.String("log-format", "text", "ログの形式: text または json")
	if status, done := parse(e, fs, args); done {
		return status
	}
	if *logFormat != "text" && *logFormat != "json" {
		return usageError(e, "serve", "--log-format には text か json を指定してください（指定された値: %s）", *logFormat)
	}
	if fs.NArg() > 0 {
		return usageError(e, "serve", "serve はファイルを受け取りません。ページにドロップしてください")
	}
	log := newLogger(e, *logFormat)
	tmp, err := os.MkdirTemp("", "annexgen-serve-")
	if err != nil {
		return usageError(e, "serve", "一時フォルダを作れません: %v", err)
	}
	defer os.RemoveAll(tmp)
	defer useTempDir(tmp)()
	conv, err := convert.New(convert.Options{Formats: convert.Formats()}) // every format the pipeline makes
	if err != nil {
		return usageError(e, "serve", "%v", err)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return usageError(e, "serve", "%s で待ち受けられません（%v）。ほかのプログラムが使っていれば --addr 127.0.0.1:8081 のように別のポートを指定してください", *addr, err)
	}
	bound := ln.Addr().String()
	srv := &http.Server{
		Handler: serve.New(serve.Config{
			Converter: conv, Addr: bound, TempDir: tmp, Log: log, Version: pageVersion(),
		}).Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       5 * time.Minute, // a slow upload does not hold a connection for ever
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	go func() {
		if err := conv.Ready(); err != nil {
			log.Warn("PDF は作成できません（Markdown と確認結果つきの確認表は作成できます）", "reason", err.Error())
		}
	}()
	url := pageURL(ln.Addr())
	fmt.Fprintf(e.stderr, "annexgen のページ: %s\n（終了するには Ctrl+C を押します）\n", url)
	log.Info("listening", "addr", bound, "url", url)
	if *open {
		if err := openBrowser(url); err != nil {
			log.Warn("ブラウザーを開けません。アドレスをブラウザーに入力してください", "url", url, "err", err.Error())
		}
	}
	return serveUntilDone(e, srv, ln, log)
}

// serveUntilDone serves until e's context ends, then shuts down gracefully.
func serveUntilDone(e *env, srv *http.Server, ln net.Listener, log *slog.Logger) int {
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		if !errors.Is(err, http.ErrServerClosed) {
			fmt.Fprintf(e.stderr, "annexgen serve: %v\n", err)
			return exitWrite
		}
		return exitOK
	case <-e.ctx.Done():
	}
	log.Info("shutting down")
	ctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		srv.Close()
	}
	fmt.Fprintln(e.stderr, "annexgen serve: 終了しました")
	return exitOK
}

// pageURL is the address a browser opens for a listener: 127.0.0.1 in
// place of an address that means every interface.
func pageURL(a net.Addr) string {
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return "http://" + a.String() + "/"
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, port) + "/"
}

// newLogger logs to stderr as text or JSON.
func newLogger(e *env, format string) *slog.Logger {
	if format == "json" {
		return slog.New(slog.NewJSONHandler(e.stderr, nil))
	}
	return slog.New(slog.NewTextHandler(e.stderr, nil))
}

// pageVersion is the version shown in the page's footer.
func pageVersion() string {
	if version != "" {
		return version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
		return info.Main.Version
	}
	return "(devel)"
}

// useTempDir makes dir the process's temporary folder, so that the
// temporary files of libraries (excelize spills big sheets to disk) stay
// inside it too, and returns the function that puts the old one back.
func useTempDir(dir string) (restore func()) {
	names := []string{"TMPDIR", "TMP", "TEMP"}
	old := map[string]*string{}
	for _, n := range names {
		if v, ok := os.LookupEnv(n); ok {
			old[n] = &v
		} else {
			old[n] = nil
		}
		os.Setenv(n, dir)
	}
	return func() {
		for _, n := range names {
			if v := old[n]; v != nil {
				os.Setenv(n, *v)
			} else {
				os.Unsetenv(n)
			}
		}
	}
}
