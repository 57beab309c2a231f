package main

import (
	"bytes"
	"fmt"
	"os"

	"github.com/annexgen/annexgen/checklist/form"
	"github.com/annexgen/annexgen/internal/outfile"
)

func runInit(e *env, args []string) int {
	fs := newFlags(e, "init", `annexgen init: 記入用の確認表（Excel ブック）を作成します。

Part1・Part2 の各項目（見本の項目、または --items で指定した項目）、役割欄（医療機関・事業者ごと）、
合意内容・備考の欄があり、初回確認と役割欄はドロップダウンで選べます。

例:
  annexgen init -o 確認表.xlsx --vendor 株式会社メディカルシステム --vendor ネットワーク保守株式会社
`)
	out := fs.StringP("output", "o", "確認表.xlsx", "作成する`ファイル`")
	vendors := fs.StringArray("vendor", nil, "事業者の`名称`（繰り返し指定すると事業者A、B、…の順に列ができます）")
	items := fs.String("items", "", "項目一覧の`ファイル`（UTF-8 の TSV または CSV。列は 部, 項番, 項目, 内容）")
	force := fs.Bool("force", false, "同じ名前のファイルがあれば置き換えます")
	if status, done := parse(e, fs, args); done {
		return status
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(e.stderr, "annexgen init: 余分な引数があります: %s（出力先は -o で指定します）\n", fs.Arg(0))
		return exitUsage
	}
	blank := form.Form{Vendors: *vendors}
	if *items != "" {
		f, err := os.Open(*items)
		if err != nil {
			fmt.Fprintf(e.stderr, "annexgen init: %s: 項目一覧のファイルを開けません\n", *items)
			return exitUsage
		}
		blank.Items, err = form.ReadSeedItems(f, *items)
		f.Close()
		if err != nil {
			fmt.Fprintf(e.stderr, "annexgen init: %v\n", err)
			return exitRejected
		}
	}
	var buf bytes.Buffer
	if err := form.Write(&buf, blank); err != nil {
		fmt.Fprintf(e.stderr, "annexgen init: 確認表を作成できません: %v\n", err)
		return exitWrite
	}
	if err := outfile.Commit([]outfile.File{{Path: *out, Data: buf.Bytes()}}, *force); err != nil {
		fmt.Fprintf(e.stderr, "annexgen init: %v\n", err)
		return exitWrite
	}
	fmt.Fprintf(e.stdout, "%s を作成しました。Excel または LibreOffice で記入し、annexgen validate %s で確認してください。\n", *out, *out)
	return exitOK
}
