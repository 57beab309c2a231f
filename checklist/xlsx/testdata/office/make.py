#!/usr/bin/env python3
"""Writes the flat ODS (.fods) sources of the office fixtures.

The .xlsx files next to them are these sources saved by LibreOffice:
    python3 make.py && for f in *.fods; do
        soffice --headless --convert-to xlsx --outdir . "$f"; done
and ../notxlsx/office.xls and office.ods are office1904.fods saved as .xls
and .ods (soffice --convert-to xls, --convert-to ods), for the file errors.
"""
from xml.sax.saxutils import escape, quoteattr

HEADER = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
 <office:automatic-styles>
  <number:date-style style:name="Ndate">
   <number:year number:style="long"/><number:text>/</number:text>
   <number:month number:style="long"/><number:text>/</number:text>
   <number:day number:style="long"/>
  </number:date-style>
  <number:date-style style:name="Nera" number:language="ja" number:country="JP" number:calendar="gengou">
   <number:era/><number:year/><number:text>年</number:text>
   <number:month/><number:text>月</number:text><number:day/><number:text>日</number:text>
  </number:date-style>
  <number:percentage-style style:name="Npct">
   <number:number number:decimal-places="1" number:min-decimal-places="1" number:min-integer-digits="1"/>
   <number:text>%</number:text>
  </number:percentage-style>
  <style:style style:name="date" style:family="table-cell" style:data-style-name="Ndate"/>
  <style:style style:name="era" style:family="table-cell" style:data-style-name="Nera"/>
  <style:style style:name="pct" style:family="table-cell" style:data-style-name="Npct"/>
  <style:style style:name="wrap" style:family="table-cell">
   <style:table-cell-properties fo:wrap-option="wrap"/>
  </style:style>
 </office:automatic-styles>
 <office:body>
  <office:spreadsheet>
"""
FOOTER = """  </office:spreadsheet>
 </office:body>
</office:document>
"""


def text(s):
    return "".join("<text:p>%s</text:p>" % escape(line) for line in s.split("\n"))


def cell(c):
    """A cell: None (empty), a string, or a dict with kind date/float/formula/covered."""
    if c is None:
        return "<table:table-cell/>"
    if isinstance(c, str):
        style = ' table:style-name="wrap"' if "\n" in c else ""
        return '<table:table-cell%s office:value-type="string">%s</table:table-cell>' % (style, text(c))
    span = ""
    if c.get("cols", 1) > 1:
        span += ' table:number-columns-spanned="%d"' % c["cols"]
    if c.get("rows", 1) > 1:
        span += ' table:number-rows-spanned="%d"' % c["rows"]
    kind = c["kind"]
    if kind == "covered":
        return "<table:covered-table-cell/>"
    if kind == "string":
        return '<table:table-cell%s office:value-type="string">%s</table:table-cell>' % (span, text(c["v"]))
    if kind == "date":
        return ('<table:table-cell table:style-name="%s" office:value-type="date" office:date-value="%s"%s>'
                '<text:p>%s</text:p></table:table-cell>') % (c.get("style", "date"), c["v"], span, c["v"])
    if kind == "float":
        style = ' table:style-name="%s"' % c["style"] if "style" in c else ""
        return ('<table:table-cell%s office:value-type="float" office:value="%s"%s><text:p>%s</text:p></table:table-cell>'
                % (style, c["v"], span, c.get("shown", c["v"])))
    if kind == "formula":
        return ('<table:table-cell table:formula=%s office:value-type="string" office:string-value=%s%s>%s</table:table-cell>'
                % (quoteattr(c["f"]), quoteattr(c["v"]), span, text(c["v"])))
    if kind == "error":
        return ('<table:table-cell table:formula=%s office:value-type="float" office:value="0"%s><text:p>%s</text:p></table:table-cell>'
                % (quoteattr(c["f"]), span, escape(c["v"])))
    raise ValueError(kind)


def table(name, rows):
    out = ['   <table:table table:name=%s>' % quoteattr(name)]
    for row in rows:
        out.append("    <table:table-row>" + "".join(cell(c) for c in (row or [None])) + "</table:table-row>")
    out.append("   </table:table>")
    return "\n".join(out) + "\n"


def document(sheets, null_date=None):
    body = ""
    if null_date:
        body += ('   <table:calculation-settings><table:null-date table:date-value="%s"/>'
                 '</table:calculation-settings>\n' % null_date)
    for name, rows in sheets:
        body += table(name, rows)
    return HEADER + body + FOOTER


COVER = {"kind": "covered"}
TITLE = "医療情報システムの契約における当事者間の役割分担等に関する確認表"
HEAD = ["項番", "項目", "内容", "初回\n確認", "完了日", "医療機関", "事業者A", "事業者B", "合意内容", "備考"]


def merged_row(s, cols=10):
    return [{"kind": "string", "v": s, "cols": cols}] + [COVER] * (cols - 1)


def info(first_date):
    return [
        ["事業者A", "株式会社サンプル医療システム"],
        ["医療機関名", "さくら総合病院"],
        None,
        ["対象システム", "電子カルテシステム"],
        ["事業者Ｂ", "クラウド運用株式会社"],
        ["初回確認日", first_date],
        ["作成日", "令和6年7月1日"],
        ["版数", {"kind": "float", "v": "1"}],
        ["医療機関担当者", "情報システム課\u3000山田"],
    ]


def office():
    part1 = [
        merged_row(TITLE),
        merged_row("Part1【主に医療機関が実施する項目】"),
        HEAD,
        ["１", "契約範囲", "対象とする業務の範囲\n①診療系\n②部門系", "はい", None, "◎", "△", "△",
         {"kind": "formula", "f": 'of:="範囲は"&"別表のとおり。"', "v": "範囲は別表のとおり。"}, None],
        ["２", "責任者", "責任者の指名", "いいえ", {"kind": "date", "v": "2024-07-01"}, "◎", "〇", "－",
         {"kind": "string", "v": "双方が責任者を指名する。", "rows": 2}, None],
        ["3", "教育", "職員への教育", "いいえ", "R6.7.15", "◎", "△", None, COVER, None],
        ["4", "監査", "監査の実施", "はい", None, "◎", "○", None, {"kind": "error", "f": "of:=1/0", "v": "#DIV/0!"}, None],
        None,
        ["", "※ 以上", None],
    ]
    part2 = [
        merged_row(TITLE),
        merged_row("Part2【医療機関と事業者が共同で実施する項目】"),
        HEAD,
        ["A", {"kind": "string", "v": "共通", "cols": 9}] + [COVER] * 8,
        ["1", "バックアップ", "取得の頻度と保管場所", "はい", None, "○", "◎", "▲", "日次で取得し、\n遠隔地に保管する。", None],
        ["Ａ－２", "障害対応", "連絡体制", "対象外", None, None, None, None, None, "別契約で定める。"],
        ["B", {"kind": "string", "v": "運用", "cols": 9}] + [COVER] * 8,
        ["1", "稼働監視", "監視の範囲", "いいえ", {"kind": "date", "v": "2024-08-01", "style": "era"}, "△", "◎", "○", "24時間監視する。", None],
    ]
    levels = [
        ["サービスレベル"],
        ["指標", "目標値", "測定方法", "関連項番"],
        ["稼働率", {"kind": "float", "v": "0.995", "style": "pct", "shown": "99.5%"}, "月間、計画停止を除く", "Part2 B-1、A-1"],
    ]
    sheets = [("基本情報", info({"kind": "date", "v": "2024-06-01"})), ("Part1", part1), ("Part2", part2),
              ("サービスレベル", levels), ("メモ", [["覚え書き"]])]
    return document(sheets)


def office1904():
    part1 = [
        ["項番", "項目", "内容", "初回確認", "完了日", "医療機関", "事業者A", "事業者B", "合意内容", "備考"],
        ["1", "契約範囲", "範囲", "いいえ", {"kind": "date", "v": "2024-07-01"}, "◎", "○", "△", "合意した。", None],
    ]
    return document([("基本情報", info({"kind": "date", "v": "2024-06-01"})), ("Part1", part1)], null_date="1904-01-01")


if __name__ == "__main__":
    for name, doc in [("office.fods", office()), ("office1904.fods", office1904())]:
        with open(name, "w", encoding="utf-8") as f:
            f.write(doc)
