package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/annexgen/annexgen/checklist/xlsx"
	"github.com/spf13/pflag"
)

// passwordEnv names the environment variable that may hold the workbooks' password.
const passwordEnv = "ANNEXGEN_PASSWORD"

// addPasswordFlag adds --password-file to fs.
func addPasswordFlag(fs *pflag.FlagSet) *string {
	return fs.String("password-file", "", "パスワード付きの確認表を開くためのパスワードを書いた`ファイル`（環境変数 "+passwordEnv+" でも指定できます）")
}

// password returns the password from the file named by --password-file,
// or else from the environment, and where it came from, for messages. A
// password is never taken from the command line itself, where other users
// of the machine could see it. Either loses its line break at the end.
func password(e *env, file string) (pw, source string, err error) {
	if file == "" {
		if pw = trimPassword(e.getenv(passwordEnv)); pw != "" {
			source = "環境変数 " + passwordEnv
		}
		return pw, source, nil
	}
	// A named pipe or a device could keep the open or the read waiting forever.
	if info, err := os.Stat(file); err == nil && !info.Mode().IsRegular() {
		return "", "", fmt.Errorf("%s: パスワードファイルが通常のファイルではありません（名前付きパイプやデバイスからは読みません）", file)
	}
	f, err := os.Open(file)
	if err != nil {
		return "", "", fmt.Errorf("%s: パスワードファイルを読めません", file)
	}
	defer f.Close()
	// A password is short: a huge file or a device is not read to its end.
	b, err := io.ReadAll(io.LimitReader(f, 4096))
	if err != nil {
		return "", "", fmt.Errorf("%s: パスワードファイルを読めません", file)
	}
	return trimPassword(string(b)), "--password-file のファイル " + file, nil
}

// trimPassword drops the line break that editors and "echo" leave at the end.
func trimPassword(pw string) string { return strings.TrimRight(pw, "\r\n") }

// passwordHint says how to give the password when err is about a missing
// or wrong one, and "" otherwise. source is where the password came from.
func passwordHint(err error, source string) string {
	switch {
	case errors.Is(err, xlsx.ErrPasswordMissing):
		return "パスワードは、パスワードを書いたファイルを --password-file で指定するか、環境変数 " + passwordEnv + " に設定して渡します。"
	case errors.Is(err, xlsx.ErrPasswordWrong) && source != "":
		return "（使ったパスワード: " + source + "）"
	}
	return ""
}
