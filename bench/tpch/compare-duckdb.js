// Runs the 22 TPC-H queries on DuckDB over the .tbl files tpch_tbl_export wrote, sets the timings
// beside presto-cpp's (the JSON tpch_runner wrote), checks every answer against DuckDB's, and
// prints the comparison table; the full report goes to --output as JSON.
//
//   node bench/tpch/compare-duckdb.js --data DIR --presto FILE --output FILE
//        [--queries DIR] [--runs N] [--warmup N] [--threads N] [--only q01,q06]
//
// Answers agree when the row counts are equal and every value matches (bench/lib/answer-check.js):
// text exactly, numbers within half a cent or a relative 1e-9; rows that differ only in the order
// of ties count as a match and are noted.
'use strict';
const duckdb = require('@duckdb/node-api');
const {loadTables} = require('./duckdb-tables');
const fs = require('fs');
const os = require('os');
const path = require('path');
const {checkAnswer} = require('../lib/answer-check');
const {queryName, median, geometricMean, formatMillis, pad} = require('../lib/timing-table');

function parseArguments(argv) {
  const options = {
    queries: path.resolve(__dirname, '../../../shared/tpch/queries'),
    runs: 3, warmup: 1, threads: os.cpus().length, only: [],
  };
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i].replace(/^--/, '');
    const value = argv[i + 1];
    if (value === undefined) throw new Error(`--${flag} needs a value`);
    if (['runs', 'warmup', 'threads'].includes(flag)) options[flag] = Number(value);
    else if (flag === 'only') options.only = value.split(',').filter(Boolean).map(queryName);
    else if (['data', 'presto', 'output', 'queries'].includes(flag)) options[flag] = value;
    else throw new Error(`unknown flag --${flag}`);
  }
  for (const required of ['data', 'presto', 'output']) {
    if (!options[required]) throw new Error(`--${required} is required`);
  }
  return options;
}

function duckdbValue(value) {
  if (value === null || value === undefined) return null;
  return String(value);
}

function formatBytes(bytes) {
  return bytes === undefined ? '-' : `${(bytes / (1 << 20)).toFixed(0)} MB`;
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const presto = JSON.parse(fs.readFileSync(options.presto, 'utf8'));
  const prestoQueries = new Map(presto.queries.map(entry => [entry.query, entry]));

  const instance = await duckdb.DuckDBInstance.create(':memory:', { threads: String(options.threads) });
  const connection = await instance.connect();
  const loadStart = performance.now();
  await loadTables(connection, options.data);
  const loadMillis = performance.now() - loadStart;
  console.error(`duckdb: loaded ${options.data} in ${(loadMillis / 1000).toFixed(1)} s`);

  const results = [];
  for (let number = 1; number <= 22; number++) {
    const name = queryName(String(number));
    if (options.only.length && !options.only.includes(name)) continue;
    const sql = fs.readFileSync(path.join(options.queries, `${name}.sql`), 'utf8');
    const entry = { query: name };
    try {
      for (let i = 0; i < options.warmup; i++) await connection.runAndReadAll(sql);
      const timings = [];
      let reader;
      for (let i = 0; i < options.runs; i++) {
        const start = performance.now();
        reader = await connection.runAndReadAll(sql);
        timings.push(performance.now() - start);
      }
      entry.duckdb = {
        timings_ms: timings, median_ms: median(timings),
        rows: reader.getRows().map(row => row.map(duckdbValue)),
      };
    } catch (error) {
      entry.duckdb = { error: error.message.split('\n')[0] };
    }
    const ours = prestoQueries.get(name);
    if (!ours) {
      entry.presto = { error: 'not run' };
    } else if (ours.error !== undefined) {
      entry.presto = { error: ours.error, timings_ms: ours.timings_ms };
    } else {
      entry.presto = { timings_ms: ours.timings_ms, median_ms: median(ours.timings_ms), rows: ours.result.rows };
    }
    if (entry.presto.error !== undefined) {
      entry.check = { status: 'FAILED', detail: entry.presto.error };
    } else if (entry.duckdb.error !== undefined) {
      entry.check = { status: 'unchecked', detail: `DuckDB failed: ${entry.duckdb.error}` };
    } else {
      entry.check = checkAnswer(entry.presto.rows, entry.duckdb.rows, 'DuckDB');
      entry.row_count = entry.presto.rows.length;
      if (entry.check.status === 'ok') entry.ratio = entry.presto.median_ms / entry.duckdb.median_ms;
    }
    console.error(`duckdb: ${name} ${formatMillis(entry.duckdb.median_ms)} ms`);
    results.push(entry);
  }

  const compared = results.filter(entry => entry.ratio !== undefined);
  const geomean = geometricMean(compared.map(entry => entry.ratio));
  const sum = (entries, side) => entries.reduce((total, entry) => total + entry[side].median_ms, 0);
  const failures = results.filter(entry => entry.check.status !== 'ok');

  const lines = [];
  lines.push(`TPC-H sf${presto.scale_factor}: presto-cpp vs DuckDB ${duckdb.version ? duckdb.version() : ''}, ` +
    `${options.threads} threads, median of ${options.runs} runs after ${options.warmup} warm-up`);
  lines.push(`${pad('query', 6, true)} ${pad('presto-cpp ms', 14)} ${pad('duckdb ms', 10)} ${pad('ratio', 7)} ${pad('rows', 6)}  check`);
  for (const entry of results) {
    const check = entry.check.status + (entry.check.detail && entry.check.status === 'ok' ? ' (tie order)' : '');
    lines.push(`${pad(entry.query, 6, true)} ${pad(formatMillis(entry.presto.median_ms), 14)} ` +
      `${pad(formatMillis(entry.duckdb.median_ms), 10)} ${pad(entry.ratio === undefined ? '-' : entry.ratio.toFixed(2), 7)} ` +
      `${pad(entry.row_count === undefined ? '-' : entry.row_count, 6)}  ${check}`);
  }
  lines.push(`${pad('total', 6, true)} ${pad(formatMillis(sum(compared, 'presto')), 14)} ${pad(formatMillis(sum(compared, 'duckdb')), 10)} ` +
    `${pad(compared.length ? (sum(compared, 'presto') / sum(compared, 'duckdb')).toFixed(2) : '-', 7)}  (${compared.length} queries answered correctly)`);
  lines.push(`geometric mean of the ratios: ${geomean === null ? '-' : geomean.toFixed(2)}`);
  lines.push(`load: presto-cpp ${(presto.load_ms / 1000).toFixed(1)} s, DuckDB ${(loadMillis / 1000).toFixed(1)} s; ` +
    `peak RSS: presto-cpp ${formatBytes(presto.peak_rss_bytes)}, DuckDB (Node process) ${formatBytes(process.resourceUsage().maxRSS * 1024)}`);
  for (const entry of failures) lines.push(`${entry.query}: ${entry.check.status}: ${entry.check.detail}`);
  console.log(lines.join('\n'));

  const report = {
    benchmark: 'tpch',
    scale_factor: presto.scale_factor,
    threads: options.threads,
    runs: options.runs,
    warmup: options.warmup,
    host: { cpus: os.cpus().length, cpu_model: os.cpus()[0].model, memory_bytes: os.totalmem() },
    geomean_ratio: geomean,
    queries_compared: compared.length,
    failures: failures.map(entry => ({ query: entry.query, ...entry.check })),
    total_ms: { presto: sum(compared, 'presto'), duckdb: sum(compared, 'duckdb') },
    load_ms: { presto: presto.load_ms, duckdb: loadMillis },
    peak_rss_bytes: { presto: presto.peak_rss_bytes, duckdb: process.resourceUsage().maxRSS * 1024 },
    queries: results.map(entry => ({
      query: entry.query,
      presto_ms: entry.presto.median_ms ?? null,
      duckdb_ms: entry.duckdb.median_ms ?? null,
      ratio: entry.ratio ?? null,
      rows: entry.row_count ?? null,
      check: entry.check,
      presto_timings_ms: entry.presto.timings_ms ?? [],
      duckdb_timings_ms: entry.duckdb.timings_ms ?? [],
    })),
  };
  fs.mkdirSync(path.dirname(options.output), { recursive: true });
  fs.writeFileSync(options.output, JSON.stringify(report, null, 1) + '\n');
  console.log(`report: ${options.output}`);
  process.exitCode = failures.length ? 1 : 0;
}

main().catch(error => {
  console.error(`compare-duckdb: ${error.message}`);
  process.exit(2);
});
