// The page of annexgen serve. Every text that comes from a workbook is put
// in the page with textContent (through el), never as HTML.
'use strict';

(function () {
  const form = document.getElementById('options');
  const drop = document.getElementById('drop');
  const input = document.getElementById('files');
  const statusLine = document.getElementById('status');
  const all = document.getElementById('all');
  const results = document.getElementById('results');
  const diffPanel = document.getElementById('diff');
  let urls = [];
  let diffURLs = [];

  const severityLabel = { error: 'エラー', warning: '警告', info: '情報' };
  const formatLabel = { pdf: 'PDF', md: 'Markdown', docx: 'Word', xlsx: '確認結果つき確認表（Excel）', zip: 'すべて（ZIP）' };

  // el makes an element; strings among children become text nodes.
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'class') e.className = v;
      else e.setAttribute(k, v);
    }
    for (const c of children) {
      if (c === null || c === undefined) continue;
      e.append(typeof c === 'string' ? document.createTextNode(c) : c);
    }
    return e;
  }

  function setStatus(text, state) {
    statusLine.textContent = text;
    statusLine.className = state === 'error' ? 'error' : '';
    document.body.dataset.state = state;
  }

  // blobURL turns an output (base64) into a Blob URL, revoked at the next
  // upload (or comparison, for the bucket diffURLs).
  function blobURL(o, bucket) {
    const bin = atob(o.data);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    const url = URL.createObjectURL(new Blob([bytes], { type: o.type }));
    (bucket || urls).push(url);
    return url;
  }

  function downloadLink(o, bucket) {
    return el('a', { href: blobURL(o, bucket), download: o.name, class: 'download', 'data-format': o.format },
      (formatLabel[o.format] || o.format) + ': ' + o.name);
  }

  // colName is the column letter of a 0-based column: A, …, Z, AA, ….
  function colName(i) {
    let s = '';
    for (i += 1; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + (i - 1) % 26) + s;
    return s;
  }

  async function upload(files) {
    const list = Array.from(files || []);
    if (list.length === 0) return;
    const data = new FormData(form);
    for (const f of list) data.append('file', f, f.name);
    setStatus(list.length + ' 個のファイルを確認しています…', 'busy');
    let res;
    try {
      res = await fetch('/api/convert', { method: 'POST', body: data });
    } catch (e) {
      setStatus('annexgen に接続できません。annexgen serve が動いているか確かめてください。', 'error');
      return;
    }
    let body;
    try {
      body = await res.json();
    } catch (e) {
      body = { error: '応答を読めませんでした（' + res.status + '）' };
    }
    if (!res.ok) {
      setStatus(body.error || ('エラーが発生しました（' + res.status + '）'), 'error');
      return;
    }
    show(body, list);
    setStatus(body.files.length + ' 個のファイルを確認しました。', 'done');
  }

  function show(body, list) {
    for (const u of urls.concat(diffURLs)) URL.revokeObjectURL(u);
    urls = [];
    diffURLs = [];
    all.replaceChildren();
    diffPanel.replaceChildren();
    results.replaceChildren();
    if (body.pair && list.length === 2) diffPanel.append(pairPanel(body, list));
    if (body.notice) all.append(el('p', { class: 'notice' }, body.notice));
    if (body.zip && body.files.some((f) => f.outputs.length > 0)) all.append(el('p', {}, downloadLink(body.zip)));
    body.files.forEach((f, i) => results.append(card(f, i)));
  }

  // pairPanel offers the 新旧対照表 of two workbooks: the clerk checks which
  // is the 改正前 (proposed by the server, with its rule) and sends both again.
  function pairPanel(body, list) {
    let oldIdx = body.pair.old;
    const describe = (i) => {
      const f = body.files[i];
      const about = [f.created ? '作成日 ' + f.created : '', f.version ? '版数 ' + f.version : ''].filter(Boolean).join('・');
      return f.file + (about ? '（' + about + '）' : '');
    };
    const oldName = el('span', { class: 'side', id: 'diff-old' });
    const newName = el('span', { class: 'side', id: 'diff-new' });
    const render = () => {
      oldName.textContent = describe(oldIdx);
      newName.textContent = describe(1 - oldIdx);
    };
    render();
    const swap = el('button', { type: 'button', id: 'diff-swap' }, '改正前と改正後を入れ替える');
    swap.addEventListener('click', () => {
      oldIdx = 1 - oldIdx;
      rule.textContent = '改正前と改正後を入れ替えました。';
      render();
    });
    const rule = el('p', { class: 'small', id: 'diff-rule' }, body.pair.rule + '。');
    const make = el('button', { type: 'button', id: 'make-diff', class: 'button' }, '新旧対照表を作る');
    const out = el('div', { id: 'diff-result' });
    make.addEventListener('click', () => compare(list, oldIdx, out, make));
    return el('section', { class: 'file pair' },
      el('h2', {}, '新旧対照表（2 つの確認表を比べる）'),
      el('p', {}, '改正前: ', oldName), el('p', {}, '改正後: ', newName),
      rule,
      el('p', { class: 'small' }, '改正前・改正後は、2 つとも読み込めれば作成日の早い方（同じ日か作成日がなければ版数の小さい方）を改正前とし、' +
        'それで決まらなければドロップした（選んだ）順に先の方を改正前とします。違っていれば入れ替えてください。'),
      el('p', {}, swap, ' ', make), out);
  }

  // compare sends files oldIdx (改正前) and 1 - oldIdx (改正後) to /api/diff.
  async function compare(list, oldIdx, out, button) {
    const oldFile = list[oldIdx];
    const newFile = list[1 - oldIdx];
    for (const u of diffURLs) URL.revokeObjectURL(u);
    diffURLs = [];
    const data = new FormData(form);
    data.append('old', oldFile, oldFile.name);
    data.append('new', newFile, newFile.name);
    out.replaceChildren(el('p', { class: 'busy' }, '新旧対照表を作成しています…'));
    button.disabled = true;
    let res, body;
    try {
      res = await fetch('/api/diff', { method: 'POST', body: data });
      body = await res.json();
    } catch (e) {
      body = { error: 'annexgen に接続できないか、応答を読めませんでした。' };
    } finally {
      button.disabled = false;
    }
    if (!res || !res.ok) {
      out.replaceChildren(el('p', { class: 'reason', id: 'diff-error' }, body.error || ('エラーが発生しました（' + res.status + '）')));
      return;
    }
    out.replaceChildren(diffResult(body, oldIdx));
  }

  // diffResult shows the 新旧対照表, or each workbook's findings, linked to
  // the cells of its card (n is the card's index).
  function diffResult(d, oldIdx) {
    const c = el('div', { class: 'status-' + d.status, 'data-status': d.status });
    c.append(el('p', { class: 'summary' }, el('span', { class: 'badge' }, d.label)));
    if (d.reason) c.append(el('p', { class: 'reason' }, d.reason));
    if (d.notice) c.append(el('p', { class: 'notice' }, d.notice));
    if (d.outputs.length > 0) {
      const ul = el('ul', { class: 'downloads' });
      for (const o of d.outputs) ul.append(el('li', {}, downloadLink(o, diffURLs)));
      c.append(ul);
      const pdf = d.outputs.find((o) => o.format === 'pdf');
      if (pdf) {
        const frame = el('iframe', { class: 'pdf', title: 'PDF のプレビュー: ' + pdf.name });
        frame.src = c.querySelector('a[data-format="pdf"]').href;
        c.append(el('details', { open: '' }, el('summary', {}, '新旧対照表の PDF を表示'), frame));
      }
    }
    for (const [side, f, n] of [['改正前', d.old, oldIdx], ['改正後', d.new, 1 - oldIdx]]) {
      if (f.findings.length === 0) continue;
      c.append(el('h3', { class: 'side-' + (side === '改正前' ? 'old' : 'new') }, side + ': ' + f.file + '　' + f.label + '（エラー ' + f.errors + '件・警告 ' + f.warnings + '件）'));
      c.append(findingTable(f.findings, n));
    }
    return c;
  }

  function card(f, n) {
    const c = el('section', { class: 'file status-' + f.status, 'data-file': f.file });
    c.append(el('h2', {}, f.file));
    const counts = 'エラー ' + f.errors + '件・警告 ' + f.warnings + '件';
    c.append(el('p', { class: 'summary' },
      el('span', { class: 'badge' }, f.label), ' ', counts,
      f.kindName ? '　文書: ' + f.kindName : null));
    if (f.reason) c.append(el('p', { class: 'reason' }, f.reason));
    if (f.outputs.length > 0) {
      const ul = el('ul', { class: 'downloads' });
      for (const o of f.outputs) ul.append(el('li', {}, downloadLink(o)));
      c.append(ul);
    }
    const pdf = f.outputs.find((o) => o.format === 'pdf');
    if (pdf) {
      const frame = el('iframe', { class: 'pdf', title: 'PDF のプレビュー: ' + pdf.name });
      frame.src = c.querySelector('a[data-format="pdf"]').href;
      c.append(el('details', { open: '' }, el('summary', {}, 'PDF を表示'), frame));
    }
    const at = locate(f.findings);
    if (f.findings.length > 0) c.append(findingTable(f.findings, n));
    f.sheets.forEach((s, i) => c.append(sheetTable(s, n, i, at)));
    return c;
  }

  // locate groups the findings by "Sheet!A1".
  function locate(findings) {
    const at = new Map();
    for (const x of findings) {
      if (!x.sheet || !x.cell) continue;
      const key = x.sheet + '!' + x.cell;
      if (!at.has(key)) at.set(key, []);
      at.get(key).push(x);
    }
    return at;
  }

  function cellID(n, sheet, ref) {
    return 'f' + n + '-' + encodeURIComponent(sheet) + '-' + ref;
  }

  function findingTable(findings, n) {
    const t = el('table', { class: 'findings' });
    t.append(el('thead', {}, el('tr', {}, el('th', {}, '重大度'), el('th', {}, '場所'), el('th', {}, '項目'), el('th', {}, '内容'))));
    const tb = el('tbody');
    for (const x of findings) {
      const where = x.sheet ? (x.cell ? x.sheet + '!' + x.cell : x.sheet) : '（ファイル全体）';
      let place = where;
      if (x.sheet && x.cell) {
        place = el('a', { href: '#' + cellID(n, x.sheet, x.cell), class: 'goto' }, where);
      }
      tb.append(el('tr', { class: 'sev-' + x.severity },
        el('td', {}, severityLabel[x.severity] || x.severity), el('td', {}, place),
        el('td', {}, x.item || ''), el('td', {}, x.message)));
    }
    t.append(tb);
    return t;
  }

  function sheetTable(s, n, i, at) {
    const wrap = el('div', { class: 'sheet' });
    wrap.append(el('h3', {}, 'シート「' + s.name + '」' + (s.cut ? '（一部のみ表示）' : '')));
    const width = s.rows.reduce((m, r) => Math.max(m, r.length), 0);
    const t = el('table', { class: 'grid', 'data-sheet': s.name });
    const head = el('tr', {}, el('th', {}, ''));
    for (let j = 0; j < width; j++) head.append(el('th', {}, colName(j)));
    head.append(el('th', { class: 'notes' }, '指摘'));
    t.append(el('thead', {}, head));
    const tb = el('tbody');
    s.rows.forEach((row, r) => {
      const tr = el('tr', {}, el('th', {}, String(r + 1)));
      const notes = [];
      for (let j = 0; j < width; j++) {
        const ref = colName(j) + (r + 1);
        const td = el('td', {}, row[j] || '');
        if (row[j]) td.title = row[j];
        const here = at.get(s.name + '!' + ref);
        if (here) {
          const worst = here.some((x) => x.severity === 'error') ? 'error' : here.some((x) => x.severity === 'warning') ? 'warning' : 'info';
          td.className = 'mark mark-' + worst;
          td.id = cellID(n, s.name, ref);
          td.dataset.ref = ref;
          td.title = here.map((x) => x.message).join('\n');
          for (const x of here) notes.push(el('li', { class: 'sev-' + x.severity }, ref + ': ' + x.message));
        }
        tr.append(td);
      }
      tr.append(el('td', { class: 'notes' }, notes.length ? el('ul', {}, ...notes) : null));
      tb.append(tr);
    });
    t.append(tb);
    const scroll = el('div', { class: 'scroll' }, t);
    wrap.append(scroll);
    // Once shown, the table scrolls to its first finding.
    requestAnimationFrame(() => {
      const first = t.querySelector('td.mark');
      if (first) scroll.scrollTop = Math.max(0, first.offsetTop - 80);
    });
    return wrap;
  }

  input.addEventListener('change', () => {
    upload(input.files);
    input.value = '';
  });
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    upload(e.dataTransfer.files);
  });
  // A file dropped beside the zone is not opened by the browser in place of the page.
  window.addEventListener('dragover', (e) => e.preventDefault());
  window.addEventListener('drop', (e) => e.preventDefault());
  document.querySelector('main').addEventListener('click', (e) => {
    const a = e.target.closest('a.goto');
    if (!a) return;
    e.preventDefault();
    const cell = document.getElementById(a.getAttribute('href').slice(1));
    if (cell) {
      cell.scrollIntoView({ block: 'center', inline: 'center' });
      cell.classList.add('flash');
      setTimeout(() => cell.classList.remove('flash'), 1500);
    }
  });
})();
