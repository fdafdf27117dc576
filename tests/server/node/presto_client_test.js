// Compatibility test: the real Node `presto-client` (npm) against presto-test-server (the
// coordinator over the fake engine). Usage: node presto_client_test.js PORT
'use strict';

const assert = require('assert');
const {connect, runTests} = require('./harness');

const port = parseInt(process.argv[2], 10);
const {client, execute, rawRequest, rawStatement, expectCanceledAfterFirstRows} = connect(port);

const tests = {
  async selectOne() {
    const result = await execute({query: 'SELECT 1 AS col'});
    assert.deepStrictEqual(result.columns.map((c) => ({name: c.name, type: c.type})), [{name: 'col', type: 'integer'}]);
    assert.deepStrictEqual(result.data, [[1]]);
    assert.strictEqual(result.stats.state, 'FINISHED');
    assert.deepStrictEqual(result.states, ['QUEUED', 'FINISHED']);
    assert.match(result.queryId, /^\d{8}_\d{6}_\d{5}_[a-z0-9]{5}$/);
  },

  async typedValues() {
    const result = await execute({query: 'SELECT * FROM types'});
    assert.deepStrictEqual(result.data, [[true, 42, 1234567890123, 1.5, 'NaN', '123.45', 'héllo', 'Zm9v',
      '2001-08-22', '2001-08-22 03:04:05.321', [1, 2], {a: 1}, [7, 'z'], null]]);
    const types = Object.fromEntries(result.columns.map((c) => [c.name, c.type]));
    assert.strictEqual(types.dec, 'decimal(10,2)');
    assert.strictEqual(types.r, 'row(x bigint,y varchar)');
    assert.strictEqual(types.m, 'map(varchar,bigint)');
  },

  async followsNextUriThroughStreamedPages() {
    const result = await execute({query: 'SELECT * FROM stream(5, 10, 60)'});
    assert.strictEqual(result.data.length, 50);
    assert.deepStrictEqual(result.data.map((row) => row[0]), Array.from({length: 50}, (_, i) => i));
    assert.ok(result.states.includes('RUNNING'), result.states.join(','));
  },

  async syntaxErrorWithCodeNameAndPosition() {
    await assert.rejects(execute({query: 'SELECT * FORM nation'}), (error) => {
      assert.strictEqual(error.errorName, 'SYNTAX_ERROR');
      assert.strictEqual(error.errorCode, 1);
      assert.strictEqual(error.errorType, 'USER_ERROR');
      assert.deepStrictEqual(error.errorLocation, {lineNumber: 1, columnNumber: 10});
      assert.match(error.message, /^line 1:10: /);
      return true;
    });
  },

  async missingTable() {
    await assert.rejects(execute({query: 'SELECT * FROM missing_table', catalog: 'tpch', schema: 'tiny'}), (error) => {
      assert.strictEqual(error.message, "line 1:15: Table 'tpch.tiny.missing_table' does not exist");
      return true;
    });
  },

  async emptyQueryIsAnError() {
    await assert.rejects(execute({query: ''}), (error) => {
      assert.match(error.message, /SQL statement is empty/);
      return true;
    });
  },

  async cancelsARunningQuery() {
    await expectCanceledAfterFirstRows('SELECT * FROM stream(1000, 1, 20)');
  },

  async killsAQuery() {
    const running = execute({query: 'SELECT * FROM stream(1000, 1, 20)'});
    await new Promise((resolve) => setTimeout(resolve, 150));
    const queries = JSON.parse((await rawRequest('GET', '/v1/query')).body);
    const target = queries.filter((q) => q.state !== 'FINISHED' && q.state !== 'FAILED').pop();
    assert.ok(target, 'no running query found');
    await new Promise((resolve, reject) => client().kill(target.queryId, (e) => (e ? reject(e) : resolve())));
    await assert.rejects(running, (error) => {
      assert.strictEqual(error.errorName, 'USER_CANCELED');
      assert.strictEqual(error.message, 'Query was canceled');
      return true;
    });
  },

  async sessionAndPreparedStatementsReachTheServer() {
    const result = await execute({query: 'SELECT * FROM session', catalog: 'tpch', schema: 'sf1',
      session: 'query_max_run_time=2h,tpch.splits=4', timezone: 'Asia/Tokyo', prepares: ['SELECT 1, 2']});
    const [user, source, catalog, schema, zone, , properties, prepared] = result.data[0];
    assert.deepStrictEqual([user, source, catalog, schema, zone], ['node', 'nodejs-client', 'tpch', 'sf1', 'Asia/Tokyo']);
    assert.deepStrictEqual(properties, {query_max_run_time: '2h', 'tpch.splits': '4'});
    assert.deepStrictEqual(prepared, {query0: 'SELECT 1, 2'});
  },

  async useAndSetSessionComeBackAsHeaders() {
    // presto-client does not expose reply headers; read them with plain HTTP as it would receive them.
    const reply = await rawStatement('USE tpch.tiny');
    assert.strictEqual(reply.headers['x-presto-set-catalog'], 'tpch');
    assert.strictEqual(reply.headers['x-presto-set-schema'], 'tiny');
    const set = await execute({query: "SET SESSION query_max_run_time = '3h'"});
    assert.deepStrictEqual(set.data, [[true]]);
  },

  async trinoEngine() {
    const result = await execute({query: 'SELECT * FROM session', session: 'a=b'}, {engine: 'trino', user: 'trino-user'});
    assert.strictEqual(result.data[0][0], 'trino-user');
    assert.deepStrictEqual(result.data[0][6], {a: 'b'});
  },

  async nodes() {
    const nodes = await new Promise((resolve, reject) => client().nodes(null, (e, data) => (e ? reject(e) : resolve(data))));
    assert.ok(Array.isArray(nodes));
    assert.ok(nodes.length >= 1);
  },
};

runTests(tests);
