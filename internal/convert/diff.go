package convert

import (
	"bytes"
	"errors"
	"strings"
	"time"

	"github.com/annexgen/annexgen/checklist"
	"github.com/annexgen/annexgen/document"
	"github.com/annexgen/annexgen/document/diff"
	"github.com/annexgen/annexgen/render/markdown"
)

// DiffKind names the outputs of Diff: "STEM.diff.md".
const DiffKind document.Kind = "diff"

// Diff makes the 新旧対照表 of two versions of a checklist, both read and
// validated, in the formats asked for, and returns it with the findings
// of rendering. A format that is not ready (see Ready) is left out.
func (c *Converter) Diff(old, new *checklist.Checklist) ([]Output, checklist.Findings, error) {
	d := diff.Compare(old, new)
	var md bytes.Buffer
	if err := markdown.WriteDiff(&md, d); err != nil {
		return nil, nil, err
	}
	meta := diffMeta(d)
	var outputs []Output
	var glyphs missingGlyphs
	for _, f := range formats {
		data, err := c.format(f.format, md.Bytes(), meta, &glyphs)
		if errors.Is(err, errSkipped) {
			continue
		}
		if err != nil {
			return nil, nil, err
		}
		outputs = append(outputs, Output{Kind: DiffKind, Format: f.format, Meta: meta, Data: data})
	}
	return outputs, glyphs.findings(), nil
}

// diffMeta is what the files of a 新旧対照表 say about themselves: dated
// by the new version's 作成日, never the clock.
func diffMeta(d *diff.Diff) document.Meta {
	var names []string
	for _, p := range d.Parties {
		if p.Name != "" {
			names = append(names, p.Name)
		}
	}
	m := document.Meta{Title: d.Title, Author: strings.Join(names, "、"), Subject: d.System, Header: d.Title}
	if c := d.Created; !c.IsZero() {
		m.Created = time.Date(c.Year, time.Month(c.Month), c.Day, 0, 0, 0, 0, time.UTC)
	}
	return m
}
