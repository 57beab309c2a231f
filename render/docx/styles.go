package docx

// The fonts: BIZ UD明朝 for text, BIZ UDゴシック for headings and emphasis, as in the PDF, for
// Japanese and Latin alike (their Latin letters are half width).
const (
	mincho = "BIZ UD明朝"
	gothic = "BIZ UDゴシック"
)

// fonts returns the run fonts of every script set to name.
func fonts(name string) string {
	return `<w:rFonts w:ascii="` + name + `" w:eastAsia="` + name + `" w:hAnsi="` + name + `" w:cs="` + name + `"/>`
}

// headingStyle returns a paragraph style for heading level n (1 … 6): Word's built-in
// "heading n", so that the navigation pane, the outline view and the TOC field know it.
func headingStyle(n, size, before, after, line int, jc, border string) string {
	id := "Heading" + itoa(n)
	return `<w:style w:type="paragraph" w:styleId="` + id + `"><w:name w:val="heading ` + itoa(n) + `"/>` +
		`<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>` +
		`<w:pPr><w:keepNext/><w:keepLines/>` + border +
		`<w:spacing w:before="` + itoa(before) + `" w:after="` + itoa(after) + `" w:line="` + itoa(line) + `" w:lineRule="atLeast"/>` +
		`<w:jc w:val="` + jc + `"/><w:outlineLvl w:val="` + itoa(n-1) + `"/></w:pPr>` +
		`<w:rPr>` + fonts(gothic) + `<w:b/><w:bCs/><w:sz w:val="` + itoa(size) + `"/><w:szCs w:val="` + itoa(size) + `"/></w:rPr></w:style>`
}

// stylesXML is word/styles.xml. Sizes and spaces follow the PDF: 10.5 pt text on a 17.85 pt
// line pitch, 5 pt between paragraphs, headings of 16, 13, 11.5 and 10.5 pt.
var stylesXML = xmlHeader + `<w:styles xmlns:w="` + nsW + `">` +
	`<w:docDefaults><w:rPrDefault><w:rPr>` + fonts(mincho) +
	`<w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="en-US" w:eastAsia="ja-JP" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
	`<w:pPrDefault><w:pPr><w:widowControl/><w:spacing w:after="100" w:line="357" w:lineRule="atLeast"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>` +
	`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
	headingStyle(1, 32, 0, 280, 480, "center", "") +
	headingStyle(2, 26, 400, 160, 377, "left", `<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="404040"/></w:pBdr>`) +
	headingStyle(3, 23, 280, 80, 345, "left", "") +
	headingStyle(4, 21, 200, 40, 336, "left", "") +
	headingStyle(5, 21, 160, 40, 336, "left", "") +
	headingStyle(6, 21, 160, 40, 336, "left", "") +
	`<w:style w:type="paragraph" w:styleId="TOCHeading"><w:name w:val="TOC Heading"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/>` +
	`<w:pPr><w:keepNext/><w:spacing w:before="400" w:after="120"/><w:jc w:val="center"/></w:pPr>` +
	`<w:rPr>` + fonts(gothic) + `<w:b/><w:bCs/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="TOC2"><w:name w:val="toc 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/>` +
	`<w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9440"/></w:tabs><w:spacing w:before="80" w:after="0"/><w:jc w:val="left"/></w:pPr>` +
	`<w:rPr>` + fonts(gothic) + `</w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="TOC3"><w:name w:val="toc 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/>` +
	`<w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9440"/></w:tabs><w:spacing w:after="0"/><w:ind w:left="420"/><w:jc w:val="left"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/>` +
	`<w:pPr><w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="808080"/></w:pBdr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="left"/></w:pPr>` +
	`<w:rPr>` + fonts(gothic) + `<w:color w:val="4D4D4D"/><w:sz w:val="17"/><w:szCs w:val="17"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/>` +
	`<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/></w:pPr>` +
	`<w:rPr><w:color w:val="333333"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:qFormat/>` +
	`<w:pPr><w:spacing w:before="0" w:after="0" w:line="285" w:lineRule="atLeast"/><w:jc w:val="left"/></w:pPr>` +
	`<w:rPr><w:sz w:val="19"/><w:szCs w:val="19"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="TableHeading"><w:name w:val="Table Heading"/><w:basedOn w:val="TableText"/><w:qFormat/>` +
	`<w:pPr><w:keepNext/><w:jc w:val="center"/></w:pPr><w:rPr>` + fonts(gothic) + `<w:b/><w:bCs/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="BlockText"><w:name w:val="Block Text"/><w:basedOn w:val="Normal"/>` +
	`<w:pPr><w:pBdr><w:left w:val="single" w:sz="18" w:space="8" w:color="BFBFBF"/></w:pBdr></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="SourceCode"><w:name w:val="Source Code"/><w:basedOn w:val="Normal"/>` +
	`<w:pPr><w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/><w:spacing w:line="270" w:lineRule="atLeast"/><w:jc w:val="left"/></w:pPr>` +
	`<w:rPr>` + fonts(gothic) + `<w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>` +
	`<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>` +
	`<w:style w:type="character" w:styleId="Emphasis"><w:name w:val="Emphasis"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="20"/><w:qFormat/><w:rPr>` + fonts(gothic) + `</w:rPr></w:style>` +
	`<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="22"/><w:qFormat/><w:rPr>` + fonts(gothic) + `<w:b/><w:bCs/></w:rPr></w:style>` +
	`<w:style w:type="character" w:styleId="VerbatimChar"><w:name w:val="Verbatim Char"/><w:basedOn w:val="DefaultParagraphFont"/><w:rPr>` + fonts(gothic) + `</w:rPr></w:style>` +
	`<w:style w:type="character" w:styleId="Marked"><w:name w:val="Marked"/><w:basedOn w:val="DefaultParagraphFont"/><w:qFormat/><w:rPr><w:u w:val="single"/></w:rPr></w:style>` +
	`<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>` +
	`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>` +
	`<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
	`<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/>` +
	`<w:pPr><w:spacing w:after="0"/></w:pPr><w:tblPr>` + tableBorders +
	cellMargins + `</w:tblPr></w:style>` +
	`</w:styles>`
