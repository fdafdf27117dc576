// Shared by the presto-client compatibility tests: a client factory, a promise wrapper around
// Client.execute, raw HTTP requests and a tiny sequential test runner.
'use strict';

const assert = require('assert');
const http = require('http');
const path = require('path');
const presto = require(path.join(__dirname, '../../../node_modules/presto-client'));

/// Binds the helpers to a server on 127.0.0.1:port.
function connect(port) {
  function client(extra) {
    return new presto.Client(Object.assign({host: '127.0.0.1', port, user: 'node', checkInterval: 50}, extra || {}));
  }

  /// Runs a query; resolves with everything the callbacks saw (or rejects with the error object).
  function execute(options, clientOptions) {
    return new Promise((resolve, reject) => {
      const seen = {states: [], columns: null, data: [], queryId: null};
      client(clientOptions).execute(Object.assign({
        state: (error, queryId, stats) => { seen.queryId = queryId; seen.states.push(stats.state); },
        columns: (error, columns) => { seen.columns = columns; },
        data: (error, data, columns, stats) => { seen.data.push(...data); },
        success: (error, stats) => { seen.stats = stats; resolve(seen); },
        error: (error) => { error.seen = seen; reject(error); },
      }, options));
    });
  }

  function rawRequest(method, requestPath, headers, body) {
    return new Promise((resolve, reject) => {
      const request = http.request({host: '127.0.0.1', port, method, path: requestPath, headers}, (response) => {
        let text = '';
        response.on('data', (chunk) => { text += chunk; });
        response.on('end', () => resolve({status: response.statusCode, headers: response.headers, body: text}));
      });
      request.on('error', reject);
      request.end(body || '');
    });
  }

  /// Posts a statement and follows nextUri with plain HTTP; resolves with the last reply (whose
  /// headers carry session changes, which presto-client does not expose).
  async function rawStatement(sql, headers) {
    let reply = await rawRequest('POST', '/v1/statement', Object.assign({'X-Presto-User': 'node'}, headers || {}), sql);
    let body = JSON.parse(reply.body);
    while (body.nextUri) {
      const next = new URL(body.nextUri);
      reply = await rawRequest('GET', next.pathname + next.search, {});
      body = JSON.parse(reply.body);
    }
    reply.json = body;
    return reply;
  }

  /// Runs `sql`, cancels it through presto-client once the first rows arrived, and checks that the
  /// server then reports the query FAILED with USER_CANCELED.
  async function expectCanceledAfterFirstRows(sql) {
    let rows = 0;
    const error = await new Promise((resolve) => {
      let queryId = null;
      client().execute({
        query: sql,
        state: (e, id) => { queryId = id; },
        data: (e, data) => { rows += data.length; },
        cancel: () => rows > 0,
        success: () => resolve(new Error('query was not canceled')),
        error: (e) => { e.queryId = queryId; resolve(e); },
      });
    });
    assert.strictEqual(error.message, 'query fetch canceled by operation');
    const info = await new Promise((resolve, reject) =>
      client().query(error.queryId, (e, data) => (e ? reject(e) : resolve(data))));
    assert.strictEqual(info.state, 'FAILED');
    assert.strictEqual(info.errorCode.name, 'USER_CANCELED');
  }

  return {client, execute, rawRequest, rawStatement, expectCanceledAfterFirstRows};
}

/// Runs the named async tests one after another, prints one line each and exits non-zero on failure.
async function runTests(tests) {
  let failed = 0;
  for (const [name, test] of Object.entries(tests)) {
    try {
      await test();
      console.log(`ok   ${name}`);
    } catch (error) {
      failed++;
      console.log(`FAIL ${name}: ${error && error.stack ? error.stack : JSON.stringify(error)}`);
    }
  }
  console.log(`${Object.keys(tests).length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

module.exports = {connect, runTests};
