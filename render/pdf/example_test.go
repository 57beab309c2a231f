package pdf_test

import (
	"fmt"
	"log"
	"os"
	"time"

	"github.com/annexgen/annexgen/render/fonts"
	"github.com/annexgen/annexgen/render/pdf"
)

// A typesetter is made once, with the fonts parsed, and then renders any number of documents,
// from several goroutines if need be.
func Example() {
	set, err := fonts.Find(fonts.Options{})
	if err != nil {
		log.Fatal(err)
	}
	ts, err := pdf.New(set)
	if err != nil {
		log.Fatal(err)
	}
	out, err := os.CreateTemp("", "annex-*.pdf")
	if err != nil {
		log.Fatal(err)
	}
	defer os.Remove(out.Name())
	res, err := ts.Render(out, []byte("# 契約書別紙\n\n## 前文\n\n甲及び乙は、次のとおり合意する。\n"), pdf.Meta{
		Title:   "契約書別紙",
		Author:  "医療法人○○会、株式会社△△",
		Created: time.Date(2026, 4, 1, 0, 0, 0, 0, time.Local),
	})
	if err != nil {
		log.Fatal(err)
	}
	for _, m := range res.Missing {
		fmt.Printf("「%s」の %c はフォントにないため 〓 で示しました\n", m.Context, m.Rune)
	}
	if err := out.Close(); err != nil {
		log.Fatal(err)
	}
}
