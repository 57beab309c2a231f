package docx

import (
	"strconv"
	"time"
)

// Namespaces and content types of the parts.
const (
	xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsRels    = "http://schemas.openxmlformats.org/package/2006/relationships"
	relBase   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	ctBase    = "application/vnd.openxmlformats-officedocument."
)

func itoa(n int) string { return strconv.Itoa(n) }

// The relationships of word/document.xml; links to the web follow, from rId100 on.
var documentRels = []struct{ id, kind, target string }{
	{"rId1", "styles", "styles.xml"},
	{"rId2", "settings", "settings.xml"},
	{"rId3", "fontTable", "fontTable.xml"},
	{"rId4", "theme", "theme/theme1.xml"},
	{"rId5", "header", "header1.xml"},
	{"rId6", "header", "header2.xml"},
	{"rId7", "footer", "footer1.xml"},
	{"rId8", "footer", "footer2.xml"},
}

// linkRelID is the relationship id of the i-th external link.
func linkRelID(i int) string { return "rId" + itoa(100+i) }

// documentRelsXML is word/_rels/document.xml.rels.
func documentRelsXML(links []string) string {
	var b xmlBuffer
	b.raw(xmlHeader, `<Relationships xmlns="`, nsRels, `">`)
	for _, r := range documentRels {
		b.raw(`<Relationship Id="`, r.id, `" Type="`, relBase, r.kind, `" Target="`, r.target, `"/>`)
	}
	for i, url := range links {
		b.raw(`<Relationship Id="`, linkRelID(i), `" Type="`, relBase, `hyperlink" Target="`)
		b.attr(uriEscape(url))
		b.raw(`" TargetMode="External"/>`)
	}
	b.raw(`</Relationships>`)
	return b.String()
}

// uriEscape percent-encodes the bytes of s that may not stand in a URI, so that Word accepts the
// link target.
func uriEscape(s string) string {
	const hex = "0123456789ABCDEF"
	var b []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		ok := c > ' ' && c < 0x7F && c != '"' && c != '<' && c != '>' && c != '\\' && c != '^' &&
			c != '`' && c != '{' && c != '|' && c != '}'
		if c == '%' {
			ok = i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2])
		}
		if ok {
			b = append(b, c)
		} else {
			b = append(b, '%', hex[c>>4], hex[c&15])
		}
	}
	return string(b)
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// contentTypesXML is [Content_Types].xml.
const contentTypesXML = xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="` + ctBase + `wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="` + ctBase + `wordprocessingml.styles+xml"/>` +
	`<Override PartName="/word/settings.xml" ContentType="` + ctBase + `wordprocessingml.settings+xml"/>` +
	`<Override PartName="/word/fontTable.xml" ContentType="` + ctBase + `wordprocessingml.fontTable+xml"/>` +
	`<Override PartName="/word/theme/theme1.xml" ContentType="` + ctBase + `theme+xml"/>` +
	`<Override PartName="/word/header1.xml" ContentType="` + ctBase + `wordprocessingml.header+xml"/>` +
	`<Override PartName="/word/header2.xml" ContentType="` + ctBase + `wordprocessingml.header+xml"/>` +
	`<Override PartName="/word/footer1.xml" ContentType="` + ctBase + `wordprocessingml.footer+xml"/>` +
	`<Override PartName="/word/footer2.xml" ContentType="` + ctBase + `wordprocessingml.footer+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`<Override PartName="/docProps/app.xml" ContentType="` + ctBase + `extended-properties+xml"/>` +
	`</Types>`

// packageRelsXML is _rels/.rels.
const packageRelsXML = xmlHeader + `<Relationships xmlns="` + nsRels + `">` +
	`<Relationship Id="rId1" Type="` + relBase + `officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="` + relBase + `extended-properties" Target="docProps/app.xml"/>` +
	`</Relationships>`

// appXML is docProps/app.xml.
const appXML = xmlHeader + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
	`<Application>annexgen</Application></Properties>`

// coreXML is docProps/core.xml: title, subject, the parties as creator, keywords, and the
// workbook's date as the date of creation and of last change (never the clock).
func coreXML(m Meta) string {
	var b xmlBuffer
	b.raw(xmlHeader, `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"`,
		` xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"`,
		` xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	element := func(name, value string) {
		if value != "" {
			b.raw("<", name, ">")
			b.text(value)
			b.raw("</", name, ">")
		}
	}
	element("dc:title", m.Title)
	element("dc:subject", m.Subject)
	element("dc:creator", m.Author)
	element("cp:keywords", m.Keywords)
	if !m.Created.IsZero() {
		date := m.Created.UTC().Format(time.RFC3339)
		b.raw(`<dcterms:created xsi:type="dcterms:W3CDTF">`, date, `</dcterms:created>`)
		b.raw(`<dcterms:modified xsi:type="dcterms:W3CDTF">`, date, `</dcterms:modified>`)
	}
	b.raw(`</cp:coreProperties>`)
	return b.String()
}

// settingsXML is word/settings.xml: update the fields (the table of contents) on opening, compress
// Japanese punctuation, Word 2013 and later layout.
const settingsXML = xmlHeader + `<w:settings xmlns:w="` + nsW + `">` +
	`<w:zoom w:percent="100"/><w:defaultTabStop w:val="840"/>` +
	`<w:characterSpacingControl w:val="compressPunctuation"/><w:updateFields w:val="true"/>` +
	`<w:compat><w:doNotExpandShiftReturn/><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
	`<w:themeFontLang w:val="en-US" w:eastAsia="ja-JP"/>` +
	`<w:clrSchemeMapping w:bg1="light1" w:t1="dark1" w:bg2="light2" w:t2="dark2" w:accent1="accent1" w:accent2="accent2"` +
	` w:accent3="accent3" w:accent4="accent4" w:accent5="accent5" w:accent6="accent6" w:hyperlink="hyperlink" w:followedHyperlink="followedHyperlink"/>` +
	`<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>`

// fontTableXML is word/fontTable.xml. It describes the fonts (PANOSE class, Japanese character
// set, Unicode ranges from the fonts' OS/2 tables) so that Word chooses a like 明朝 or ゴシック,
// such as 游明朝 and 游ゴシック, which the table also lists, where BIZ UD is not installed.
const fontTableXML = xmlHeader + `<w:fonts xmlns:w="` + nsW + `">` +
	`<w:font w:name="` + mincho + `"><w:altName w:val="BIZ UDMincho"/><w:panose1 w:val="02020400000000000000"/>` +
	`<w:charset w:val="80"/><w:family w:val="roman"/><w:pitch w:val="fixed"/>` + fontSig + `</w:font>` +
	`<w:font w:name="` + gothic + `"><w:altName w:val="BIZ UDGothic"/><w:panose1 w:val="020B0400000000000000"/>` +
	`<w:charset w:val="80"/><w:family w:val="modern"/><w:pitch w:val="fixed"/>` + fontSig + `</w:font>` +
	`<w:font w:name="游明朝"><w:altName w:val="Yu Mincho"/><w:panose1 w:val="02020400000000000000"/>` +
	`<w:charset w:val="80"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>` +
	`<w:font w:name="游ゴシック"><w:altName w:val="Yu Gothic"/><w:panose1 w:val="020B0400000000000000"/>` +
	`<w:charset w:val="80"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>` +
	`</w:fonts>`

const fontSig = `<w:sig w:usb0="E00002F7" w:usb1="2AC7EDF8" w:usb2="00000012" w:usb3="00000000" w:csb0="20020009" w:csb1="00000000"/>`

// headerXML is a page header holding text (empty for the first page, as in the PDF).
func headerXML(text string) string {
	var b xmlBuffer
	b.raw(xmlHeader, `<w:hdr xmlns:w="`, nsW, `" xmlns:r="`, nsR, `"><w:p>`)
	if text == "" {
		b.raw(`<w:pPr><w:pStyle w:val="Header"/><w:pBdr><w:bottom w:val="nil"/></w:pBdr></w:pPr>`)
	} else {
		b.raw(`<w:pPr><w:pStyle w:val="Header"/></w:pPr><w:r><w:t xml:space="preserve">`)
		b.text(text)
		b.raw(`</w:t></w:r>`)
	}
	b.raw(`</w:p></w:hdr>`)
	return b.String()
}

// footerXML is the page footer: "n / N" from the PAGE and NUMPAGES fields.
func footerXML() string {
	var b xmlBuffer
	b.raw(xmlHeader, `<w:ftr xmlns:w="`, nsW, `" xmlns:r="`, nsR, `"><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>`)
	field(&b, "PAGE", "1", false)
	b.raw(`<w:r><w:t xml:space="preserve"> / </w:t></w:r>`)
	field(&b, "NUMPAGES", "1", false)
	b.raw(`</w:p></w:ftr>`)
	return b.String()
}

// sectionXML is the page setup: A4 portrait, the PDF's margins (text block 166.7 mm wide,
// 25.4 mm from the top), the headers and footers, no running header on the first page.
const sectionXML = `<w:sectPr>` +
	`<w:headerReference w:type="default" r:id="rId5"/><w:headerReference w:type="first" r:id="rId6"/>` +
	`<w:footerReference w:type="default" r:id="rId7"/><w:footerReference w:type="first" r:id="rId8"/>` +
	`<w:pgSz w:w="11906" w:h="16838"/>` +
	`<w:pgMar w:top="1440" w:right="1228" w:bottom="1360" w:left="1228" w:header="720" w:footer="567" w:gutter="0"/>` +
	`<w:cols w:space="425"/><w:titlePg/><w:docGrid w:linePitch="357"/></w:sectPr>`
