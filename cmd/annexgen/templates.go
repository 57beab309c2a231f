package main

import (
	"errors"
	"fmt"
	"io/fs"
)

func runTemplates(e *env, args []string) int {
	flags := newFlags(e, "templates", `annexgen templates: 文書のひな形（テンプレート）を書き出します。

書き出したファイルを編集し、annexgen render --templates フォルダ で使えます。
変更しなかったファイルは削除してもかまいません（組み込みのひな形が使われます）。
`)
	out := flags.StringP("output", "o", "annexgen-templates", "書き出し先の`フォルダ`")
	force := flags.Bool("force", false, "同じ名前のファイルがあれば置き換えます")
	if status, done := parse(e, flags, args); done {
		return status
	}
	if flags.NArg() > 0 {
		fmt.Fprintf(e.stderr, "annexgen templates: 余分な引数があります: %s（書き出し先は -o で指定します）\n", flags.Arg(0))
		return exitUsage
	}
	written, err := writeTemplates(*out, *force)
	if err != nil {
		fmt.Fprintf(e.stderr, "annexgen templates: %v\n", err)
		if errors.Is(err, fs.ErrExist) {
			fmt.Fprintln(e.stderr, "annexgen templates: 上書きするには --force を付けてください。")
		}
		return exitWrite
	}
	for _, p := range written {
		fmt.Fprintln(e.stdout, p)
	}
	return exitOK
}
