// What a client sees of presto-server through the REST protocol, next to DuckDB serving the same
// requests in-process to the same Node client:
//  - round-trip latency of `SELECT 1` (POST /v1/statement, then GET nextUri until done) over one
//    keep-alive connection: p50/p90/p99;
//  - rows per second delivered to the client for `SELECT * FROM orders` (TPC-H sf1, 1.5 M rows);
//    DuckDB reads the same rows from the .tbl files tpch_tbl_export wrote.
//
//   node bench/server/rest-vs-duckdb.js --port PORT --data DIR [--queries N] [--output FILE]
'use strict';
const duckdb = require('@duckdb/node-api');
const fs = require('fs');
const http = require('http');
const {loadTables} = require('../tpch/duckdb-tables');

function parseArguments(argv) {
  const options = {queries: 1000};
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i].replace(/^--/, '');
    if (!['port', 'data', 'queries', 'output'].includes(flag) || argv[i + 1] === undefined) {
      throw new Error(`bad argument ${argv[i]}`);
    }
    options[flag] = ['port', 'queries'].includes(flag) ? Number(argv[i + 1]) : argv[i + 1];
  }
  if (!options.port || !options.data) throw new Error('--port and --data are required');
  return options;
}

const agent = new http.Agent({keepAlive: true, maxSockets: 1});

function request(port, method, requestPath, body) {
  return new Promise((resolve, reject) => {
    const call = http.request({host: '127.0.0.1', port, method, path: requestPath, agent,
      headers: {'X-Presto-User': 'bench', 'X-Presto-Catalog': 'tpch', 'X-Presto-Schema': 'sf1'}}, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve(Buffer.concat(chunks)));
    });
    call.on('error', reject);
    call.end(body || '');
  });
}

/// Runs `sql` through the protocol; returns rows received and JSON bytes read.
async function prestoQuery(port, sql) {
  let body = await request(port, 'POST', '/v1/statement', sql);
  let reply = JSON.parse(body);
  let rows = 0;
  let bytes = body.length;
  while (reply.nextUri) {
    const next = new URL(reply.nextUri);
    body = await request(port, 'GET', next.pathname + next.search);
    bytes += body.length;
    reply = JSON.parse(body);
    rows += reply.data ? reply.data.length : 0;
  }
  if (reply.error) throw new Error(`${sql}: ${reply.error.message}`);
  return {rows, bytes};
}

/// Runs `sql` reading the replies as bytes only (nextUri found by a regular expression, no JSON
/// parsing): what the server delivers, without the client's parsing cost.
async function prestoQueryUnparsed(port, sql) {
  let body = await request(port, 'POST', '/v1/statement', sql);
  let bytes = body.length;
  for (;;) {
    const next = /"nextUri":"([^"]*)"/.exec(body.subarray(0, 4096).toString());
    if (!next) break;
    const uri = new URL(next[1]);
    body = await request(port, 'GET', uri.pathname + uri.search);
    bytes += body.length;
  }
  const stats = JSON.parse(body).stats;
  return {rows: stats.processedRows, bytes};
}

async function duckdbQuery(connection, sql) {
  const reader = await connection.runAndReadAll(sql);
  return {rows: reader.getRows().length, bytes: 0};
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

async function latency(run, count) {
  for (let i = 0; i < 50; i++) await run();
  const micros = [];
  for (let i = 0; i < count; i++) {
    const start = process.hrtime.bigint();
    await run();
    micros.push(Number(process.hrtime.bigint() - start) / 1000);
  }
  micros.sort((a, b) => a - b);
  return {p50: percentile(micros, 0.5), p90: percentile(micros, 0.9), p99: percentile(micros, 0.99)};
}

async function throughput(run) {
  const start = process.hrtime.bigint();
  const {rows, bytes} = await run();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return {rows, seconds, rowsPerSecond: rows / seconds, megabytesPerSecond: bytes / seconds / 1e6};
}

(async () => {
  const options = parseArguments(process.argv.slice(2));
  const instance = await duckdb.DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await loadTables(connection, options.data, ['orders']);

  const presto = {
    latency: await latency(() => prestoQuery(options.port, 'SELECT 1'), options.queries),
    stream: await throughput(() => prestoQuery(options.port, 'SELECT * FROM orders')),
    unparsed: await throughput(() => prestoQueryUnparsed(options.port, 'SELECT * FROM orders')),
  };
  const reference = {
    latency: await latency(() => duckdbQuery(connection, 'SELECT 1'), options.queries),
    stream: await throughput(() => duckdbQuery(connection, 'SELECT * FROM orders')),
  };
  const us = (value) => `${value.toFixed(0)} us`;
  console.log(`SELECT 1, ${options.queries} queries     presto-cpp (REST, keep-alive)   DuckDB (in-process)   ratio`);
  for (const p of ['p50', 'p90', 'p99']) {
    console.log(`  ${p}                       ${us(presto.latency[p]).padStart(12)}                 ` +
      `${us(reference.latency[p]).padStart(10)}        ${(presto.latency[p] / reference.latency[p]).toFixed(1)}x`);
  }
  console.log(`SELECT * FROM orders (sf1)`);
  console.log(`  rows/s                     ${(presto.stream.rowsPerSecond / 1e6).toFixed(2).padStart(8)} M` +
    `                  ${(reference.stream.rowsPerSecond / 1e6).toFixed(2).padStart(6)} M       ` +
    `${(reference.stream.rowsPerSecond / presto.stream.rowsPerSecond).toFixed(1)}x slower`);
  console.log(`  seconds                    ${presto.stream.seconds.toFixed(2).padStart(8)}` +
    `                    ${reference.stream.seconds.toFixed(2).padStart(6)}`);
  console.log(`  JSON received and parsed   ${presto.stream.megabytesPerSecond.toFixed(1).padStart(8)} MB/s` +
    ` (${presto.stream.rows} rows)`);
  console.log(`  JSON received, not parsed  ${presto.unparsed.megabytesPerSecond.toFixed(1).padStart(8)} MB/s, ` +
    `${(presto.unparsed.rowsPerSecond / 1e6).toFixed(2)} M rows/s, ${presto.unparsed.seconds.toFixed(2)} s`);
  if (options.output) {
    fs.writeFileSync(options.output, JSON.stringify({presto, duckdb: reference, queries: options.queries}, null, 2));
  }
})().catch((error) => {
  console.error(error.stack || error);
  process.exit(1);
});
