package xlsx

import (
	"strings"

	"github.com/annexgen/annexgen/checklist"
	"github.com/xuri/excelize/v2"
)

// mapPartHeader maps the header row (and a second header row holding the
// role columns under a grouping heading, if there is one) to columns.
// It returns the layout and the first data row.
func (b *bookReader) mapPartHeader(g *grid, header int, info *checklist.Info) (*partLayout, int) {
	l := &partLayout{headerRow: header, roles: map[string]int{}}
	for i := range l.cols {
		l.cols[i] = -1
	}
	headerRows := []int{header}
	first := header + 1
	if !hasHospitalColumn(g, header) && header < len(g.rows) && hasHospitalColumn(g, header+1) {
		headerRows = append(headerRows, header+1)
		first = header + 2
	}
	width := len(g.rows[header-1])
	if len(headerRows) > 1 {
		width = max(width, len(g.rows[header]))
	}
	m := &headerMapper{b: b, g: g, info: info, l: l, seen: map[string]int{}}
	for col := range width {
		m.column(headerRows, col)
	}
	if m.ignored > maxIgnoredNotes {
		b.add(checklist.MsgColumnIgnoredMore, m.more, g.name, m.ignored-maxIgnoredNotes)
	}
	return l, first
}

// hasHospitalColumn reports whether a row of g heads the hospital's role
// column.
func hasHospitalColumn(g *grid, row int) bool {
	for _, v := range g.rows[row-1] {
		if bareKey(v) == checklist.HospitalKey {
			return true
		}
	}
	return false
}

// headerMapper maps the header cells of a Part sheet to a layout.
type headerMapper struct {
	b       *bookReader
	g       *grid
	info    *checklist.Info
	l       *partLayout
	seen    map[string]int // what a column is -> its column
	ignored int            // columns that name nothing
	more    where          // the first of those not named one by one
}

// column maps one column from its header texts, the lowest header row
// first: under a grouping heading, the second header row names the role
// columns and the first names the others.
func (m *headerMapper) column(headerRows []int, col int) {
	var texts []string
	var rows []int
	for i := len(headerRows) - 1; i >= 0; i-- {
		if t := cleanText(m.g.raw(headerRows[i], col)); t != "" {
			texts, rows = append(texts, t), append(rows, headerRows[i])
		}
	}
	for i := range texts {
		if m.assign(texts[i], rows[i], col) {
			return
		}
	}
	if len(texts) == 0 {
		return
	}
	at := where{sheet: m.g.name, ref: cellRef(rows[0], col)}
	if v := reVendorLabel.FindStringSubmatch(bareKey(texts[0])); v != nil {
		m.b.add(checklist.MsgVendorUnknownColumn, at, m.g.name, texts[0], "事業者"+v[1])
		return
	}
	switch m.ignored++; {
	case m.ignored <= maxIgnoredNotes:
		m.b.add(checklist.MsgColumnIgnored, at, m.g.name, checklist.Quote(texts[0]))
	case m.ignored == maxIgnoredNotes+1:
		m.more = at
	}
}

// assign maps a header text to what it names; false if it names nothing.
func (m *headerMapper) assign(text string, row, col int) bool {
	full, bare := foldKey(text), bareKey(text)
	if f, ok := fieldOf(bare); ok {
		if m.claim(fieldHeaders[f], row, col) {
			m.l.cols[f] = col
		}
		return true
	}
	key := vendorOfHeader(m.info, full, bare)
	switch v := reVendorLabel.FindStringSubmatch(bare); {
	case bare == checklist.HospitalKey:
		key = checklist.HospitalKey
	case key != "":
	case v != nil && !m.b.infoSheet:
		// Without 基本情報, the role columns define the vendors.
		m.info.Vendors = append(m.info.Vendors, checklist.Party{Key: v[1]})
		key = v[1]
	default:
		return false
	}
	what := key
	if key != checklist.HospitalKey {
		what = "事業者" + key
	}
	if m.claim(what, row, col) {
		m.l.roles[key] = col
	}
	return true
}

// claim records that col is what; a second column of the same is reported
// and left out.
func (m *headerMapper) claim(what string, row, col int) bool {
	if prev, dup := m.seen[what]; dup {
		m.b.add(checklist.MsgColumnDuplicate, where{sheet: m.g.name, ref: cellRef(row, col)}, m.g.name, what, columnName(prev), columnName(col))
		return false
	}
	m.seen[what] = col
	return true
}

// fieldOf returns the field of a header text.
func fieldOf(bare string) (field, bool) {
	for f, h := range fieldHeaders {
		if bare == h {
			return field(f), true
		}
	}
	return 0, false
}

// vendorOfHeader returns the key of the vendor a role header names: its
// column key ("事業者A") or its name as given in 基本情報; "" if none.
func vendorOfHeader(info *checklist.Info, full, bare string) string {
	if m := reVendorLabel.FindStringSubmatch(bare); m != nil {
		if _, ok := info.Vendor(m[1]); ok {
			return m[1]
		}
	}
	for _, v := range info.Vendors {
		if name := foldKey(v.Name); name != "" && (name == full || name == bare) {
			return v.Key
		}
	}
	return ""
}

// columnName returns the letters of a 0-based column.
func columnName(col int) string {
	n, _ := excelize.ColumnNumberToName(col + 1)
	return n
}

// partTitle finds the Part's description in the title rows: the text in
// 【】 ("【主に医療機関が実施する項目】").
func partTitle(g *grid, header int) string {
	for r := 1; r < header; r++ {
		for _, v := range g.rows[r-1] {
			if _, rest, ok := strings.Cut(v, "【"); ok {
				if title, _, ok := strings.Cut(rest, "】"); ok {
					return cleanText(title)
				}
			}
		}
	}
	return ""
}

// readPart reads a Part sheet. ok is false when the sheet cannot be read
// because its header row or a required column is missing.
func (b *bookReader) readPart(g *grid, name string, info *checklist.Info) (p checklist.Part, ok bool) {
	header := findHeader(g, "項番", "項目", "内容")
	if header == 0 {
		b.add(checklist.MsgHeaderMissingRow, where{sheet: g.name}, g.name, headerSearchRows, "「項番」「項目」「内容」")
		b.layout.unread[name] = true
		return checklist.Part{}, false
	}
	l, first := b.mapPartHeader(g, header, info)
	missing := false
	for _, f := range []field{fieldCheck, fieldDone, fieldAgreement} {
		if l.cols[f] < 0 {
			b.add(checklist.MsgHeaderMissingColumn, where{sheet: g.name, ref: cellRef(header, 0)}, g.name, header, fieldHeaders[f], fieldHeaders[f])
			missing = true
		}
	}
	vendorCols := len(l.roles)
	if _, ok := l.roles[checklist.HospitalKey]; ok {
		vendorCols--
	} else {
		b.add(checklist.MsgHeaderMissingColumn, where{sheet: g.name, ref: cellRef(header, 0)}, g.name, header, checklist.HospitalKey, checklist.HospitalKey)
		missing = true
	}
	if vendorCols == 0 {
		b.add(checklist.MsgHeaderMissingVendor, where{sheet: g.name, ref: cellRef(header, 0)}, g.name, header)
		missing = true
	}
	if missing {
		b.layout.unread[name] = true
		return checklist.Part{}, false
	}
	b.layout.parts[name] = l
	p = checklist.Part{Name: name, Title: partTitle(g, header)}
	pr := partReader{b: b, g: g, l: l, info: info, part: &p, ids: map[string]int{}}
	pr.read(first)
	pr.mergesAcrossItems()
	return p, true
}

// partReader reads the item rows of one Part sheet.
type partReader struct {
	b    *bookReader
	g    *grid
	l    *partLayout
	info *checklist.Info
	part *checklist.Part
	ids  map[string]int  // item id -> row
	last *checklist.Item // the item read last, for rows that continue it
}

func (pr *partReader) read(first int) {
	g, numCol := pr.g, pr.l.col(fieldNumber)
	last := 0 // rows after the last numbered row are ignored
	for r := first; r <= len(g.rows); r++ {
		if strings.TrimSpace(g.raw(r, numCol)) != "" || g.continued(r, numCol) && last == r-1 {
			last = r
		}
	}
	for r := first; r <= last; r++ {
		if g.continued(r, numCol) {
			pr.continueItem(r)
			continue
		}
		num := pr.b.rawText(g, r, numCol, nil)
		if num == "" {
			if !pr.blankRow(r) {
				pr.b.add(checklist.MsgNumberMissing, where{sheet: g.name, ref: cellRef(r, numCol)}, g.name, r)
			}
			continue
		}
		kind, number, title := parseNumber(num)
		switch kind {
		case numberSection:
			if t := pr.b.text(g, r, pr.l.col(fieldTitle), nil); t != "" {
				title = t
			}
			pr.part.Sections = append(pr.part.Sections, checklist.Section{Letter: number, Title: title})
			pr.last = nil
		case numberItem:
			if pr.numberOnly(r) {
				continue // a row numbered in advance and left empty
			}
			pr.item(r, number)
		default:
			pr.b.add(checklist.MsgNumberInvalid, where{sheet: g.name, ref: cellRef(r, numCol)}, g.name, checklist.Quote(num))
			pr.last = nil
		}
	}
}

// blankRow reports whether every mapped cell of a row is empty.
func (pr *partReader) blankRow(r int) bool {
	for _, c := range pr.l.cols {
		if c >= 0 && strings.TrimSpace(pr.g.raw(r, c)) != "" {
			return false
		}
	}
	for _, c := range pr.l.roles {
		if strings.TrimSpace(pr.g.raw(r, c)) != "" {
			return false
		}
	}
	return true
}

// numberOnly reports whether a row holds nothing but its 項番.
func (pr *partReader) numberOnly(r int) bool {
	for f, c := range pr.l.cols {
		if field(f) != fieldNumber && c >= 0 && strings.TrimSpace(pr.g.raw(r, c)) != "" {
			return false
		}
	}
	for _, c := range pr.l.roles {
		if v := strings.TrimSpace(pr.g.raw(r, c)); v != "" {
			if m, ok := parseMark(v); !ok || m != checklist.MarkNone {
				return false
			}
		}
	}
	return true
}

// item reads an item row.
func (pr *partReader) item(r int, number string) {
	if len(pr.part.Sections) == 0 {
		pr.part.Sections = append(pr.part.Sections, checklist.Section{})
	}
	sec := &pr.part.Sections[len(pr.part.Sections)-1]
	if sec.Letter != "" && isDigit(number[0]) {
		number = sec.Letter + "-" + number
	}
	b, g, l := pr.b, pr.g, pr.l
	it := checklist.Item{
		ID:      pr.part.Name + " " + number,
		Part:    pr.part.Name,
		Section: sec.Letter,
		Number:  number,
		Sheet:   g.name,
		Row:     r,
	}
	it.Title = b.text(g, r, l.col(fieldTitle), &it)
	if prev, dup := pr.ids[it.ID]; dup {
		b.add(checklist.MsgIDDuplicate, where{g.name, cellRef(r, l.col(fieldNumber)), &it}, prev)
	} else {
		pr.ids[it.ID] = r
	}
	it.Content = b.text(g, r, l.col(fieldContent), &it)
	it.Check = pr.check(r, &it)
	it.Done = b.date(g, r, l.col(fieldDone), "完了日", &it)
	it.Roles = pr.roles(r, &it)
	it.Agreement = b.text(g, r, l.col(fieldAgreement), &it)
	it.Remarks = b.text(g, r, l.col(fieldRemarks), &it)
	sec.Items = append(sec.Items, it)
	pr.last = &sec.Items[len(sec.Items)-1]
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// check reads 初回確認.
func (pr *partReader) check(r int, it *checklist.Item) checklist.Check {
	col := pr.l.col(fieldCheck)
	v := pr.b.rawText(pr.g, r, col, it)
	c, ok := parseCheck(v)
	if !ok {
		pr.b.add(checklist.MsgCheckInvalid, where{pr.g.name, cellRef(r, col), it}, checklist.Quote(v))
	}
	return c
}

// roles reads the role marks: the hospital first, then the vendors in the
// order of 基本情報. A party without a column has no Role.
func (pr *partReader) roles(r int, it *checklist.Item) []checklist.Role {
	var roles []checklist.Role
	for _, p := range pr.info.Parties() {
		col, ok := pr.l.roles[p.Key]
		if !ok {
			continue
		}
		v := pr.b.rawText(pr.g, r, col, it)
		m, ok := parseMark(v)
		if !ok {
			pr.b.add(checklist.MsgMarkUnknown, where{pr.g.name, cellRef(r, col), it}, checklist.PartyLabel(pr.info, p.Key), checklist.Quote(v))
		}
		roles = append(roles, checklist.Role{Party: p.Key, Mark: m})
	}
	return roles
}

// continueItem reads a row whose 項番 cell is merged with the row above:
// the row continues the item above. Its text is appended to the item's,
// and values the item lacks are taken from it.
func (pr *partReader) continueItem(r int) {
	it, g, l, b := pr.last, pr.g, pr.l, pr.b
	if it == nil {
		if !pr.blankRow(r) {
			b.add(checklist.MsgNumberMissing, where{sheet: g.name, ref: cellRef(r, l.col(fieldNumber))}, g.name, r)
		}
		return
	}
	for _, f := range []struct {
		field field
		text  *string
	}{{fieldTitle, &it.Title}, {fieldContent, &it.Content}, {fieldAgreement, &it.Agreement}, {fieldRemarks, &it.Remarks}} {
		col := l.col(f.field)
		if col < 0 || g.continued(r, col) || g.raw(r, col) == "" {
			continue
		}
		if t := b.text(g, r, col, it); t != "" {
			if *f.text != "" {
				*f.text += "\n"
			}
			*f.text += t
		}
	}
	if col := l.col(fieldCheck); it.Check == checklist.CheckBlank && !g.continued(r, col) {
		it.Check = pr.check(r, it)
	}
	if col := l.col(fieldDone); it.Done.IsZero() && !g.continued(r, col) {
		it.Done = b.date(g, r, col, "完了日", it)
	}
	for i, role := range it.Roles {
		col := l.roles[role.Party]
		if role.Mark != checklist.MarkNone || g.continued(r, col) || g.raw(r, col) == "" {
			continue
		}
		v := b.rawText(g, r, col, it)
		if m, ok := parseMark(v); ok {
			it.Roles[i].Mark = m
		} else {
			b.add(checklist.MsgMarkUnknown, where{g.name, cellRef(r, col), it}, checklist.PartyLabel(pr.info, role.Party), checklist.Quote(v))
		}
	}
}

// levelHeaders are the header texts of the サービスレベル sheet.
var levelHeaders = []string{"指標", "目標値", "測定方法", "関連項番"}

// readLevels reads the サービスレベル sheet and resolves 関連項番 to item ids.
func (b *bookReader) readLevels(g *grid, parts []checklist.Part) []checklist.ServiceLevel {
	header := findHeader(g, "指標")
	if header == 0 {
		b.add(checklist.MsgHeaderMissingRow, where{sheet: g.name}, g.name, headerSearchRows, "「指標」「目標値」「測定方法」「関連項番」")
		return nil
	}
	cols := make([]int, len(levelHeaders))
	for i, h := range levelHeaders {
		cols[i] = -1
		for c, v := range g.rows[header-1] {
			if bareKey(v) == h {
				cols[i] = c
				break
			}
		}
		if cols[i] < 0 {
			b.add(checklist.MsgHeaderMissingColumn, where{sheet: g.name, ref: cellRef(header, 0)}, g.name, header, h, h)
		}
	}
	for _, c := range cols {
		if c < 0 {
			return nil
		}
	}
	b.layout.levelItems = cols[3]
	period, remedy := levelColumn(g, header, "測定期間"), levelColumn(g, header, "未達時の措置")
	byNumber := map[string][]string{} // 項番 -> item ids
	for _, p := range parts {
		for _, it := range p.Items() {
			byNumber[it.Number] = append(byNumber[it.Number], it.ID)
		}
	}
	var levels []checklist.ServiceLevel
	for r := header + 1; r <= len(g.rows); r++ {
		blank := true
		for _, c := range cols {
			blank = blank && strings.TrimSpace(g.raw(r, c)) == ""
		}
		if blank {
			continue
		}
		lv := checklist.ServiceLevel{
			Metric: b.text(g, r, cols[0], nil),
			Target: b.text(g, r, cols[1], nil),
			Method: b.text(g, r, cols[2], nil),
			Cell:   checklist.Cell{Sheet: g.name, Ref: cellRef(r, cols[0])},
		}
		if period >= 0 {
			lv.Period = b.text(g, r, period, nil)
		}
		if remedy >= 0 {
			lv.Remedy = b.text(g, r, remedy, nil)
		}
		for _, id := range itemRefs(b.text(g, r, cols[3], nil)) {
			if !strings.HasPrefix(id, "Part") {
				if ids := byNumber[id]; len(ids) == 1 {
					id = ids[0]
				}
			}
			lv.Items = append(lv.Items, id)
		}
		levels = append(levels, lv)
	}
	return levels
}
