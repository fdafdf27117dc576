// Cross-checks .test files against DuckDB: runs every record's SQL in DuckDB (memory.default.x
// becomes mem.x, Presto's `VALUES 1, 2` becomes `VALUES (1), (2)`, the TPC-H tables are loaded from
// ../shared/tpch/data/sf0.01) and prints the records whose rows differ. DuckDB is not Presto:
// every difference needs a look (integer division, decimal typing, NULLs in arrays...), but
// agreement on the rest catches slips in hand-computed rows.
//
//   node tests/sql/logic/duckdb-check.js tests/sql/joins/*.test
const d = require('@duckdb/node-api');
const fs = require('fs');
const path = require('path');
const tpchDir = path.resolve(__dirname, '../../../../shared/tpch');
function parse(text) {
  const lines = text.split('\n'); const recs = []; let i = 0;
  while (i < lines.length) {
    const l = lines[i];
    if (l.trim() === '' || l.startsWith('#')) { i++; continue; }
    const rec = { line: i + 1, header: l, sql: [], rows: [] }; i++;
    let sep = false;
    while (i < lines.length && lines[i].trim() !== '') { const x = lines[i++]; if (x.trim() === '----') { sep = true; break; } if (!x.startsWith('#')) rec.sql.push(x); }
    if (sep) while (i < lines.length && lines[i].trim() !== '') rec.rows.push(lines[i++].trimEnd());
    rec.sql = rec.sql.join('\n'); recs.push(rec);
  }
  return recs;
}
function fixValues(sql) {
  let out = ''; let i = 0;
  const re = /VALUES\s+/gi; let m;
  while ((m = re.exec(sql)) !== null) {
    const start = m.index + m[0].length;
    out += sql.slice(i, start); i = start;
    if (sql[start] === '(') continue;
    let depth = 0, j = start, item = '', items = [], inStr = false;
    for (; j < sql.length; j++) {
      const ch = sql[j];
      if (inStr) { item += ch; if (ch === "'") inStr = false; continue; }
      if (ch === "'") { inStr = true; item += ch; continue; }
      if (ch === '(') depth++;
      if (ch === ')') { if (depth === 0) break; depth--; }
      if (ch === ',' && depth === 0) { items.push(item); item = ''; continue; }
      item += ch;
    }
    items.push(item);
    out += items.map(x => '(' + x.trim() + ')').join(', ');
    i = j; re.lastIndex = j;
  }
  return out + sql.slice(i);
}
function norm(cell) { if (/^-?[0-9.]+(E-?[0-9]+)?$/i.test(cell) && cell !== '.') { const n = Number(cell); if (!isNaN(n)) return String(Number(n.toPrecision(12))); } return cell; }
function normRow(r) { return r.split('|').map(norm).join('|'); }
(async () => {
  const inst = await d.DuckDBInstance.create(':memory:');
  const c = await inst.connect();
  const schema = fs.readFileSync(path.join(tpchDir, 'schema.sql'), 'utf8');
  for (const stmt of schema.split(';')) {
    const m = stmt.match(/create table (\w+)/); if (!m) continue;
    await c.run(stmt);
    const cols = (await c.runAndReadAll(`SELECT column_name, data_type FROM information_schema.columns WHERE table_name='${m[1]}' ORDER BY ordinal_position`)).getRows();
    const spec = '{' + cols.map(([n, t]) => `'${n}': '${t}'`).join(', ') + ", 'dummy': 'VARCHAR'}";
    await c.run(`INSERT INTO ${m[1]} SELECT * EXCLUDE (dummy) FROM read_csv('${tpchDir}/data/sf0.01/${m[1]}.tbl', delim='|', header=false, columns=${spec})`);
  }
  for (const f of process.argv.slice(2)) {
    await c.run('DROP SCHEMA IF EXISTS mem CASCADE'); await c.run('CREATE SCHEMA mem');
    for (const rec of parse(fs.readFileSync(f, 'utf8'))) {
      const sql = rec.sql.replace(/memory\.default\./g, 'mem.').replace(/tpch\.tiny\./g, ''); const sql2 = fixValues(sql);
      let rows, err;
      try { const r = await c.runAndReadAll(sql2); rows = r.getRows().map(row => row.map(v => v === null ? 'NULL' : (String(v) === '' ? '(empty)' : String(v))).join('|')); }
      catch (e) { err = e.message.split('\n')[0]; }
      const h = rec.header;
      if (h.startsWith('statement error')) { if (!err) console.log(`${f}:${rec.line}: expected error, duckdb ok: ${sql}`); continue; }
      if (err) { console.log(`${f}:${rec.line}: duckdb error ${err}\n  ${sql}`); continue; }
      if (!h.startsWith('query')) continue;
      let exp = rec.rows.slice((h.includes('colnames') ? 1 : 0) + (h.includes('types') ? 1 : 0)).map(normRow);
      let act = rows.map(normRow);
      if (h.includes('rowsort')) { exp.sort(); act.sort(); }
      if (JSON.stringify(exp) !== JSON.stringify(act)) console.log(`${f}:${rec.line}: DIFF\n  ${sql}\n  expected: ${JSON.stringify(exp)}\n  duckdb:   ${JSON.stringify(act)}`);
    }
  }
})().catch(e => { console.error('ERR', e.message); process.exit(1); });
