package document

import (
	"strings"
	"time"

	"github.com/annexgen/annexgen/checklist"
)

// Meta is what a rendered file says about itself (PDF document
// information, DOCX core properties).
type Meta struct {
	Title   string    // the document's title
	Author  string    // the parties' names: "医療法人○○会、株式会社△△"
	Subject string    // 対象システム
	Created time.Time // the workbook's 作成日 at midnight UTC, never the clock; zero when blank
	Header  string    // running header text: the title
}

// newMeta returns the metadata of d, made from c.
func newMeta(d *Document, c *checklist.Checklist) Meta {
	var names []string
	for _, p := range d.Parties {
		if p.Name != "" {
			names = append(names, p.Name)
		}
	}
	m := Meta{
		Title:   d.Title,
		Author:  strings.Join(names, "、"),
		Subject: d.System,
		Header:  d.Title,
	}
	if dt := c.Info.Created; !dt.IsZero() {
		m.Created = time.Date(dt.Year, time.Month(dt.Month), dt.Day, 0, 0, 0, 0, time.UTC)
	}
	return m
}
