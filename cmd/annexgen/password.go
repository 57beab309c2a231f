package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/spf13/pflag"
)

// passwordEnv names the environment variable that may hold the workbooks' password.
const passwordEnv = "ANNEXGEN_PASSWORD"

// addPasswordFlag adds --password-file to fs.
func addPasswordFlag(fs *pflag.FlagSet) *string {
	return fs.String("password-file", "", "パスワード付きの確認表を開くためのパスワードを書いたファイル（環境変数 "+passwordEnv+" でも指定できます）")
}

// password returns the password from the file named by --password-file,
// or else from the environment. A password is never taken from the command
// line itself, where other users of the machine could see it.
func password(e *env, file string) (string, error) {
	if file == "" {
		return e.getenv(passwordEnv), nil
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return "", fmt.Errorf("%s: パスワードファイルを読めません", file)
	}
	return strings.TrimRight(string(b), "\r\n"), nil
}
