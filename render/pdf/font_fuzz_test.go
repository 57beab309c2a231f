package pdf

import (
	"bytes"
	"encoding/binary"
	"io"
	"testing"

	"github.com/annexgen/annexgen/render/fonts"
	"github.com/annexgen/annexgen/render/internal/sfnt"
)

// FuzzDamagedFont overwrites bytes of BIZ UD Gothic Bold inside its table directory or one of
// its tables, loads it and typesets a few lines with it: the font is refused or used, never
// with a panic, and reading it allocates no more than its size allows.
func FuzzDamagedFont(f *testing.F) {
	face := loadFace(f, "BIZUDGothic-Bold.ttf", "BIZUDGothic-Bold")
	_, tables, err := sfnt.ReadTables(face.Data, 0)
	if err != nil {
		f.Fatal(err)
	}
	regions := [][2]uint32{{0, 12 + 16*uint32(len(tables))}} // the table directory
	for _, t := range tables {
		regions = append(regions, [2]uint32{t.Offset, min(t.Length, 1<<16)})
	}
	f.Add(uint32(0), uint32(4), []byte{0xFF, 0xFF})
	f.Add(uint32(1), uint32(0), []byte{0x7F, 0xFF, 0xFF, 0xFF})
	f.Add(uint32(2), uint32(12), []byte{0xFF})
	f.Fuzz(func(t *testing.T, region, at uint32, patch []byte) {
		r := regions[region%uint32(len(regions))]
		if r[1] == 0 {
			return
		}
		data := bytes.Clone(face.Data)
		copy(data[r[0]+at%r[1]:], patch)
		ts, err := New(&fonts.Set{Body: &fonts.Face{Name: face.Name, Data: data}})
		if err != nil {
			return
		}
		if _, err := ts.Render(io.Discard, []byte("# 見出し\n\n本文 abc 𠀋 ①\n\n| 項目 | 内容 |\n| --- | --- |\n| A | 合意 |\n"), testMeta); err != nil {
			t.Logf("render: %v", err)
		}
	})
}

// TestFontClaimingMoreMetrics checks that a font whose horizontal header claims more metrics
// than its hmtx table holds is refused.
func TestFontClaimingMoreMetrics(t *testing.T) {
	face := loadFace(t, "BIZUDGothic-Bold.ttf", "BIZUDGothic-Bold")
	_, tables, err := sfnt.ReadTables(face.Data, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, tb := range tables {
		if tb.Tag != "hhea" {
			continue
		}
		data := bytes.Clone(face.Data)
		binary.BigEndian.PutUint16(data[tb.Offset+34:], 0xFFFF) // numberOfHMetrics
		if _, err := New(&fonts.Set{Body: &fonts.Face{Name: face.Name, Data: data}}); err == nil {
			t.Error("a font claiming 65,535 metrics was accepted")
		}
		return
	}
	t.Fatal("no hhea table")
}
