package pdf

import (
	"encoding/binary"
	"fmt"
	"regexp"
	"strconv"
	"testing"

	"github.com/annexgen/annexgen/render/internal/sfnt"
)

// The embedded fonts are compact subsets: only the glyphs used, renumbered, with a CIDToGIDMap
// from the CIDs of the text to them; maxp, hmtx and loca agree on the number of glyphs.
func TestFontSubsetsAreCompact(t *testing.T) {
	pdf, _, path := render(t, readFixture(t), testMeta)
	if n := len(regexp.MustCompile(`/CIDToGIDMap \d+ 0 R`).FindAll(pdf, -1)); n != 3 {
		t.Errorf("%d CIDFonts with a CIDToGIDMap, want 3", n)
	}
	files := regexp.MustCompile(`(?m)^(\d+) 0 obj\n<</Length \d+\n/Filter /FlateDecode\n/Length1 `).FindAllSubmatch(pdf, -1)
	if len(files) != 3 {
		t.Fatalf("%d embedded font files, want 3", len(files))
	}
	for _, m := range files {
		obj, _ := strconv.Atoi(string(m[1]))
		data := []byte(run(t, "qpdf", fmt.Sprintf("--show-object=%d", obj), "--filtered-stream-data", path))
		_, tables, err := sfnt.ReadTables(data, 0)
		if err != nil {
			t.Fatalf("font file %d: %v", obj, err)
		}
		size := map[string]uint32{}
		var glyphs uint32
		for _, tb := range tables {
			size[tb.Tag] = tb.Length
			if tb.Tag == "maxp" {
				glyphs = uint32(binary.BigEndian.Uint16(data[tb.Offset+4:]))
			}
		}
		// The fixture uses a few hundred characters of each font, which has 13,932 glyphs.
		if glyphs < 10 || glyphs > 1500 {
			t.Errorf("font file %d has %d glyphs", obj, glyphs)
		}
		if size["hmtx"] != 4*glyphs || size["loca"] != 2*(glyphs+1) && size["loca"] != 4*(glyphs+1) {
			t.Errorf("font file %d: %d glyphs, hmtx %d bytes, loca %d bytes", obj, glyphs, size["hmtx"], size["loca"])
		}
	}
}
