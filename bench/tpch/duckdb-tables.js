// Loads TPC-H .tbl files (as tpch_tbl_export writes them) into DuckDB tables with the shared schema.
'use strict';
const fs = require('fs');
const path = require('path');

/// Creates the TPC-H tables with the shared schema and loads them from DIR/TABLE.tbl.*; `only`
/// (table names) limits what is loaded.
async function loadTables(connection, dataDirectory, only) {
  const schema = fs.readFileSync(path.resolve(__dirname, '../../../shared/tpch/schema.sql'), 'utf8');
  for (const statement of schema.split(';')) {
    const match = statement.match(/create table (\w+)/);
    if (!match) continue;
    const table = match[1];
    if (only && !only.includes(table)) continue;
    await connection.run(statement);
    const columns = (await connection.runAndReadAll(
      `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '${table}' ORDER BY ordinal_position`)).getRows();
    // dbgen ends every line with '|', which read_csv sees as one more (empty) column.
    const spec = '{' + columns.map(([name, type]) => `'${name}': '${type}'`).join(', ') + ", 'line_end': 'VARCHAR'}";
    const files = path.join(dataDirectory, `${table}.tbl*`);
    await connection.run(`INSERT INTO ${table} SELECT * EXCLUDE (line_end) FROM read_csv('${files}', delim = '|', header = false, quote = '', escape = '', columns = ${spec})`);
  }
}

module.exports = {loadTables};
