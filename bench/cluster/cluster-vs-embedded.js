// Runs each of the 22 TPC-H queries on the embedded engine (`tpch_runner --tables tpch --only qNN`:
// one process parses, plans and runs every fragment) and then on a cluster through the `presto` CLI
// (--server: the coordinator schedules the fragments on its workers, which exchange pages over
// HTTP), so that both sides of a query see the same load on a shared machine. Both read the tpch
// connector's generated tables. Checks that the cluster's answers equal the embedded ones, prints
// the comparison table and writes the report to --output as JSON.
//
//   node bench/cluster/cluster-vs-embedded.js --cli PATH --server URL --runner PATH --output FILE
//        [--queries DIR] [--scale 1] [--runs 3] [--warmup 1] [--only q01,q06] [--threads 2]
//        [--timeout-seconds 600] [--workers N] [--task-concurrency N]
//
// A cluster timing is the wall clock around one CLI process (`--file q.sql --output-format JSON`):
// it includes the CLI's start and the REST protocol (`SELECT 1`, timed the same way, is reported);
// an embedded timing is the wall clock around LocalQueryRunner::execute. Values must be equal as
// text, or as numbers within a relative 1e-9 (doubles summed in another order, printed by another
// printer); see bench/lib/answer-check.js.
'use strict';
const {spawnSync} = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const {checkAnswer} = require('../lib/answer-check');
const {queryName, median, geometricMean, formatMillis, pad} = require('../lib/timing-table');

function parseArguments(argv) {
  const options = {
    queries: path.resolve(__dirname, '../../../shared/tpch/queries'),
    scale: '1', runs: 3, warmup: 1, only: [], threads: 2, timeoutSeconds: 600, workers: null, taskConcurrency: null,
  };
  const numbers = {'runs': 'runs', 'warmup': 'warmup', 'threads': 'threads', 'timeout-seconds': 'timeoutSeconds',
    'workers': 'workers', 'task-concurrency': 'taskConcurrency'};
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i].replace(/^--/, '');
    const value = argv[i + 1];
    if (value === undefined) throw new Error(`--${flag} needs a value`);
    if (numbers[flag]) options[numbers[flag]] = Number(value);
    else if (flag === 'only') options.only = value.split(',').filter(Boolean).map(queryName);
    else if (['cli', 'server', 'runner', 'output', 'queries', 'scale'].includes(flag)) options[flag] = value;
    else throw new Error(`unknown flag --${flag}`);
  }
  for (const required of ['cli', 'server', 'runner', 'output']) {
    if (!options[required]) throw new Error(`--${required} is required`);
  }
  options.schema = options.scale === '0.01' ? 'tiny' : `sf${options.scale}`;
  return options;
}

/// The CLI's JSON output (an object per row, keyed by column name) as rows of text values (null
/// for NULL). No TPC-H query repeats a column name.
function parseJsonRows(text) {
  return text.split('\n').filter(line => line.length > 0).map(line =>
    Object.values(JSON.parse(line)).map(value => value === null ? null : String(value)));
}

/// Runs one statement through the CLI on the cluster; returns {millis, rows} or {error}.
function runCli(options, cliArguments) {
  const start = performance.now();
  const result = spawnSync(options.cli,
    ['--server', options.server, '--catalog', 'tpch', '--schema', options.schema, '--output-format', 'JSON',
      ...cliArguments],
    {encoding: 'utf8', maxBuffer: 1 << 30, timeout: options.timeoutSeconds * 1000});
  const millis = performance.now() - start;
  if (result.error) return {error: result.error.message};
  if (result.status !== 0) {
    return {error: (result.stderr || result.stdout || `exit status ${result.status}`).trim().split('\n')[0]};
  }
  return {millis, rows: parseJsonRows(result.stdout)};
}

/// Warm-up runs, then timed runs of one query on the cluster: {timings_ms, median_ms, rows} or {error}.
function timeQuery(options, file) {
  const timings = [];
  let rows;
  for (let i = 0; i < options.warmup + options.runs; i++) {
    const run = runCli(options, ['--file', file]);
    if (run.error !== undefined) return {error: run.error, timings_ms: timings};
    if (i >= options.warmup) timings.push(run.millis);
    rows = run.rows;
  }
  return {timings_ms: timings, median_ms: median(timings), rows};
}

/// The median wall time of `SELECT 1` through the CLI: what every cluster timing includes.
function select1Millis(options) {
  const timings = [];
  for (let i = 0; i < 5; i++) {
    const run = runCli(options, ['--execute', 'SELECT 1']);
    if (run.error !== undefined) throw new Error(`SELECT 1 on the cluster failed: ${run.error}`);
    timings.push(run.millis);
  }
  return median(timings);
}

/// Runs one query on the embedded engine (tpch_runner, its own warm-up and timed runs):
/// {timings_ms, median_ms, rows} or {error}.
function runEmbedded(options, name) {
  const report = path.join(os.tmpdir(), `presto-bench-embedded-${process.pid}-${name}.json`);
  const result = spawnSync(options.runner,
    ['--tables', 'tpch', '--scale', options.scale, '--runs', String(options.runs), '--warmup', String(options.warmup),
      '--threads', String(options.threads), '--queries', options.queries, '--only', name,
      '--timeout-seconds', String(options.timeoutSeconds), '--output', report],
    {encoding: 'utf8'});
  if (result.status !== 0) {
    return {error: (result.error?.message || result.stderr || `exit status ${result.status}`).trim().split('\n')[0]};
  }
  const entry = JSON.parse(fs.readFileSync(report, 'utf8')).queries[0];
  fs.unlinkSync(report);
  if (!entry) return {error: 'not run'};
  if (entry.error !== undefined) return {error: entry.error, timings_ms: entry.timings_ms};
  return {timings_ms: entry.timings_ms, median_ms: median(entry.timings_ms), rows: entry.result.rows};
}

function formatSeconds(millis) {
  return millis === undefined || millis === null ? '-' : (millis / 1000).toFixed(2);
}

function main() {
  const options = parseArguments(process.argv.slice(2));
  const select1 = select1Millis(options);

  const results = [];
  for (let number = 1; number <= 22; number++) {
    const name = queryName(String(number));
    if (options.only.length && !options.only.includes(name)) continue;
    const entry = {query: name, embedded: runEmbedded(options, name)};
    entry.cluster = timeQuery(options, path.join(options.queries, `${name}.sql`));
    if (entry.cluster.error !== undefined) {
      entry.check = {status: 'FAILED', detail: `cluster: ${entry.cluster.error}`};
    } else if (entry.embedded.error !== undefined) {
      entry.check = {status: 'unchecked', detail: `embedded: ${entry.embedded.error}`};
    } else {
      entry.check = checkAnswer(entry.cluster.rows, entry.embedded.rows, 'embedded', 0);
      entry.row_count = entry.cluster.rows.length;
      if (entry.check.status === 'ok') entry.ratio = entry.cluster.median_ms / entry.embedded.median_ms;
    }
    console.error(`${name}: embedded ${formatMillis(entry.embedded.median_ms)} ms, ` +
      `cluster ${formatMillis(entry.cluster.median_ms)} ms, ${entry.check.status}`);
    results.push(entry);
  }

  const compared = results.filter(entry => entry.ratio !== undefined);
  const geomean = geometricMean(compared.map(entry => entry.ratio));
  const sum = side => compared.reduce((total, entry) => total + entry[side].median_ms, 0);
  const failures = results.filter(entry => entry.check.status !== 'ok');

  const layout = `${options.workers ?? '?'} workers x task.concurrency ${options.taskConcurrency ?? '?'}`;
  const lines = [];
  lines.push(`TPC-H ${options.schema} (tpch connector): embedded engine (${options.threads} threads) vs a loopback ` +
    `cluster (coordinator + ${layout}) through the CLI, ${os.cpus().length} cores, median of ${options.runs} runs ` +
    `after ${options.warmup} warm-up`);
  lines.push(`${pad('query', 6, true)} ${pad('embedded s', 11)} ${pad('cluster s', 10)} ${pad('ratio', 7)} ${pad('rows', 6)}  check`);
  for (const entry of results) {
    const check = entry.check.status + (entry.check.detail && entry.check.status === 'ok' ? ' (tie order)' : '');
    lines.push(`${pad(entry.query, 6, true)} ${pad(formatSeconds(entry.embedded.median_ms), 11)} ` +
      `${pad(formatSeconds(entry.cluster.median_ms), 10)} ${pad(entry.ratio === undefined ? '-' : entry.ratio.toFixed(2), 7)} ` +
      `${pad(entry.row_count === undefined ? '-' : entry.row_count, 6)}  ${check}`);
  }
  lines.push(`${pad('total', 6, true)} ${pad(formatSeconds(sum('embedded')), 11)} ${pad(formatSeconds(sum('cluster')), 10)} ` +
    `${pad(compared.length ? (sum('cluster') / sum('embedded')).toFixed(2) : '-', 7)}  ` +
    `(${compared.length} queries with equal answers)`);
  lines.push(`geometric mean of the ratios (cluster / embedded): ${geomean === null ? '-' : geomean.toFixed(2)}`);
  lines.push(`SELECT 1 through the CLI on the cluster (part of every cluster timing): ${formatMillis(select1)} ms`);
  for (const entry of failures) lines.push(`${entry.query}: ${entry.check.status}: ${entry.check.detail}`);
  console.log(lines.join('\n'));

  const report = {
    benchmark: 'cluster',
    schema: options.schema,
    workers: options.workers,
    task_concurrency: options.taskConcurrency,
    embedded_threads: options.threads,
    runs: options.runs,
    warmup: options.warmup,
    host: {cpus: os.cpus().length, cpu_model: os.cpus()[0].model, memory_bytes: os.totalmem()},
    geomean_ratio: geomean,
    queries_compared: compared.length,
    failures: failures.map(entry => ({query: entry.query, ...entry.check})),
    total_ms: {embedded: sum('embedded'), cluster: sum('cluster')},
    cluster_select1_ms: select1,
    queries: results.map(entry => ({
      query: entry.query,
      embedded_ms: entry.embedded.median_ms ?? null,
      cluster_ms: entry.cluster.median_ms ?? null,
      ratio: entry.ratio ?? null,
      rows: entry.row_count ?? null,
      check: entry.check,
      embedded_timings_ms: entry.embedded.timings_ms ?? [],
      cluster_timings_ms: entry.cluster.timings_ms ?? [],
    })),
  };
  fs.mkdirSync(path.dirname(options.output), {recursive: true});
  fs.writeFileSync(options.output, JSON.stringify(report, null, 1) + '\n');
  console.log(`report: ${options.output}`);
  process.exitCode = failures.length ? 1 : 0;
}

try {
  main();
} catch (error) {
  console.error(`cluster-vs-embedded: ${error.message}`);
  process.exit(2);
}
