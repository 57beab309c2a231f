package docx

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// schemaOf names the ECMA-376 (transitional) schema of each part; docProps/core.xml is left out,
// its schema imports the Dublin Core schemas from the web.
var schemaOf = map[string]string{
	"[Content_Types].xml":          "opc-xsd/opc-contentTypes.xsd",
	"_rels/.rels":                  "opc-xsd/opc-relationships.xsd",
	"word/_rels/document.xml.rels": "opc-xsd/opc-relationships.xsd",
	"docProps/app.xml":             "shared-documentPropertiesExtended.xsd",
	"word/theme/theme1.xml":        "dml-main.xsd",
}

// torture is Markdown using every block and inline the renderer knows.
const torture = "# 表題\n\n## 一\n\n### 二\n\n#### 三\n\n##### 四\n\n###### 五\n\n本文 *強調* **太字** `code` " +
	"[リンク](https://example.com) <https://example.jp>\\\n改行<br>改行\n\n- a\n  - b\n\n    続き\n\n1. c\n\n   | x | y |\n   | :-: | -: |\n   | 1 |\n\n" +
	"> 引用\n>\n> > 二重\n\n```\nコード\n```\n\n    インデント\n\n---\n\n<div>\nHTML\n</div>\n\n| a |\n| - |\n| b |\n\n| c |\n| - |\n"

// TestSchema validates every part of the documents against the ECMA-376 schemas with xmllint,
// when DOCX_XSD names a folder that holds them (wml.xsd and the schemas it imports, with a local
// xml.xsd for the xml: attributes); Word refuses or repairs files that break them.
func TestSchema(t *testing.T) {
	dir := os.Getenv("DOCX_XSD")
	if dir == "" {
		t.Skip("DOCX_XSD is not set")
	}
	xmllint := tool(t, "xmllint")
	docs := map[string][]byte{"torture": render(t, []byte(torture), testMeta)}
	for _, name := range fixtures {
		docs[name] = render(t, readFixture(t, name), testMeta)
	}
	var md strings.Builder
	for _, v := range hostile {
		md.WriteString("| " + v + " |\n| - |\n\n" + v + "\n\n")
	}
	docs["hostile"] = render(t, []byte(md.String()), Meta{Title: strings.Join(hostile, ""), Header: strings.Join(hostile, "")})
	for name, data := range docs {
		for part, content := range unpack(t, data) {
			schema, ok := schemaOf[part]
			if !ok && strings.HasPrefix(part, "word/") {
				schema, ok = "wml.xsd", true
			}
			if !ok {
				continue
			}
			path := filepath.Join(t.TempDir(), filepath.Base(part))
			if err := os.WriteFile(path, content, 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(xmllint, "--noout", "--nonet", "--schema", filepath.Join(dir, schema), path).CombinedOutput()
			if err != nil {
				t.Errorf("%s %s: %v\n%s", name, part, err, out)
			}
		}
	}
}
