// End-to-end compatibility test: the real Node `presto-client` (npm) against presto-server running
// SQL on the embedded engine (tpch and memory catalogs). Usage: node presto_engine_test.js PORT
'use strict';

const assert = require('assert');
const {connect, runTests} = require('./harness');

const port = parseInt(process.argv[2], 10);
const {client, execute, rawStatement, expectCanceledAfterFirstRows} = connect(port);

/// Expects `query` to fail; hands the error to `check`.
async function expectFailure(options, check) {
  await assert.rejects(execute(options), (error) => {
    check(error);
    return true;
  });
}

const tests = {
  async selectOne() {
    const result = await execute({query: 'SELECT 1 AS col'});
    assert.deepStrictEqual(result.columns.map((c) => ({name: c.name, type: c.type})), [{name: 'col', type: 'integer'}]);
    assert.deepStrictEqual(result.data, [[1]]);
    assert.strictEqual(result.stats.state, 'FINISHED');
    assert.match(result.queryId, /^\d{8}_\d{6}_\d{5}_[a-z0-9]{5}$/);
  },

  async typedValues() {
    const result = await execute({query: "SELECT true AS b, 42 AS i, BIGINT '1234567890123' AS l, 1.5e0 AS d, " +
      "nan() AS n, DECIMAL '123.45' AS dec, 'héllo' AS s, X'666f6f' AS v, DATE '2001-08-22' AS dt, " +
      "TIMESTAMP '2001-08-22 03:04:05.321' AS ts, ARRAY[1, 2] AS a, MAP(ARRAY['a'], ARRAY[1]) AS m, " +
      "CAST(ROW(7, 'z') AS ROW(x bigint, y varchar)) AS r, NULL AS z, REAL '2.5' AS re, SMALLINT '3' AS sm"});
    assert.deepStrictEqual(result.data, [[true, 42, 1234567890123, 1.5, 'NaN', '123.45', 'héllo', 'Zm9v',
      '2001-08-22', '2001-08-22 03:04:05.321', [1, 2], {a: 1}, [7, 'z'], null, 2.5, 3]]);
    const types = Object.fromEntries(result.columns.map((c) => [c.name, c.type]));
    assert.deepStrictEqual(types, {b: 'boolean', i: 'integer', l: 'bigint', d: 'double', n: 'double',
      dec: 'decimal(5,2)', s: 'varchar(5)', v: 'varbinary', dt: 'date', ts: 'timestamp', a: 'array(integer)',
      m: 'map(varchar(1),integer)', r: 'row(x bigint,y varchar)', z: 'unknown', re: 'real', sm: 'smallint'});
  },

  async tpchQueryWithCatalogAndSchema() {
    const result = await execute({query: 'SELECT name FROM nation WHERE regionkey = 1 ORDER BY name',
      catalog: 'tpch', schema: 'tiny'});
    assert.deepStrictEqual(result.data, [['ARGENTINA'], ['BRAZIL'], ['CANADA'], ['PERU'], ['UNITED STATES']]);
  },

  async aggregationAcrossTasks() {
    // 25 nations, 5 per region; lineitem at scale factor 0.01 has 60175 rows (TPC-H).
    const nations = await execute({query: 'SELECT regionkey, count(*) FROM tpch.tiny.nation GROUP BY regionkey ORDER BY 1'});
    assert.deepStrictEqual(nations.data, [[0, 5], [1, 5], [2, 5], [3, 5], [4, 5]]);
    const lineitem = await execute({query: 'SELECT count(*) FROM tpch.tiny.lineitem'});
    assert.deepStrictEqual(lineitem.data, [[60175]]);
  },

  async largeResultIsStreamedPageByPage() {
    let batches = 0;
    let rows = 0;
    const result = await execute({query: 'SELECT * FROM tpch.tiny.lineitem', data: (error, data) => {
      batches++;
      rows += data.length;
    }});
    assert.strictEqual(rows, 60175);
    assert.ok(result.states.includes('RUNNING'), result.states.join(','));
    // Progress counts what the scan read and the splits (drivers) that ran.
    assert.strictEqual(result.stats.processedRows, 60175);
    assert.ok(result.stats.completedSplits > 0 && result.stats.completedSplits === result.stats.totalSplits,
      JSON.stringify(result.stats));
    assert.ok(batches > 1, 'the rows came in one batch');
  },

  async writesReadBackAndUpdateCounts() {
    await execute({query: 'CREATE TABLE memory.default.node_test (a bigint, b varchar)'});
    try {
      const insert = await rawStatement("INSERT INTO memory.default.node_test VALUES (1, 'x'), (2, NULL)");
      assert.strictEqual(insert.json.updateType, 'INSERT');
      assert.strictEqual(insert.json.updateCount, 2);
      const rows = await execute({query: 'SELECT a, b FROM memory.default.node_test ORDER BY a'});
      assert.deepStrictEqual(rows.data, [[1, 'x'], [2, null]]);
    } finally {
      await execute({query: 'DROP TABLE memory.default.node_test'});
    }
  },

  async showAndExplain() {
    const catalogs = await execute({query: 'SHOW CATALOGS'});
    assert.deepStrictEqual(catalogs.data.map((row) => row[0]).filter((name) => name !== 'system'), ['memory', 'tpch']);
    const columns = await execute({query: 'DESCRIBE tpch.tiny.region'});
    assert.deepStrictEqual(columns.data.map((row) => row.slice(0, 2)),
      [['regionkey', 'bigint'], ['name', 'varchar(25)'], ['comment', 'varchar(152)']]);
    const plan = await execute({query: 'EXPLAIN (TYPE DISTRIBUTED) SELECT count(*) FROM tpch.tiny.nation'});
    assert.match(plan.data[0][0], /Fragment 1 \[SOURCE\]/);
  },

  async errorsCarryCodeNameAndPosition() {
    await expectFailure({query: 'SELECT * FORM nation'}, (error) => {
      assert.strictEqual(error.errorName, 'SYNTAX_ERROR');
      assert.strictEqual(error.errorCode, 1);
      assert.strictEqual(error.errorType, 'USER_ERROR');
      assert.deepStrictEqual(error.errorLocation, {lineNumber: 1, columnNumber: 10});
    });
    // As prestodb, semantic errors reach clients as SYNTAX_ERROR with the node's position.
    await expectFailure({query: 'SELECT * FROM missing_table', catalog: 'tpch', schema: 'tiny'}, (error) => {
      assert.strictEqual(error.errorName, 'SYNTAX_ERROR');
      assert.strictEqual(error.message, "line 1:15: Table 'tpch.tiny.missing_table' does not exist");
    });
    await expectFailure({query: "SELECT 1 + 'a'"}, (error) => {
      assert.strictEqual(error.errorName, 'SYNTAX_ERROR');
      assert.match(error.message, /'\+' cannot be applied to integer, varchar\(1\)/);
      assert.deepStrictEqual(error.errorLocation, {lineNumber: 1, columnNumber: 10});
    });
    await expectFailure({query: 'SELECT 1 / 0'}, (error) => {
      assert.strictEqual(error.errorName, 'DIVISION_BY_ZERO');
      assert.strictEqual(error.errorType, 'USER_ERROR');
    });
  },

  async cancelsARunningQuery() {
    await expectCanceledAfterFirstRows('SELECT * FROM tpch.sf1.lineitem');
  },

  async killsAQuery() {
    let queryId = null;
    const running = execute({query: 'SELECT count(*) FROM tpch.sf1.lineitem a CROSS JOIN tpch.sf1.lineitem b',
      state: (error, id) => { queryId = id; }});
    while (!queryId) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await new Promise((resolve, reject) => client().kill(queryId, (e) => (e ? reject(e) : resolve())));
    await assert.rejects(running, (error) => {
      assert.strictEqual(error.errorName, 'USER_CANCELED');
      return true;
    });
  },

  async sessionPropertiesAndPreparedStatements() {
    const shown = await execute({query: "SHOW SESSION LIKE 'hash_partition_count'", session: 'hash_partition_count=2'});
    assert.deepStrictEqual(shown.data[0].slice(0, 2), ['hash_partition_count', '2']);
    await expectFailure({query: 'SELECT 1', session: 'no_such_property=1'}, (error) => {
      assert.strictEqual(error.errorName, 'INVALID_SESSION_PROPERTY');
    });
    const executed = await execute({query: 'EXECUTE query0 USING 5', prepares: ['SELECT ? * 2']});
    assert.deepStrictEqual(executed.data, [[10]]);
  },

  async useSetSessionAndPrepareComeBackAsHeaders() {
    const use = await rawStatement('USE tpch.tiny');
    assert.strictEqual(use.headers['x-presto-set-catalog'], 'tpch');
    assert.strictEqual(use.headers['x-presto-set-schema'], 'tiny');
    const set = await rawStatement("SET SESSION join_distribution_type = 'BROADCAST'");
    assert.strictEqual(set.headers['x-presto-set-session'], 'join_distribution_type=BROADCAST');
    const prepare = await rawStatement('PREPARE two FROM SELECT 2');
    const [name, sql] = prepare.headers['x-presto-added-prepare'].split('=');
    assert.deepStrictEqual([name, decodeURIComponent(sql.replace(/\+/g, ' '))], ['two', 'SELECT 2']);
    const trino = await rawStatement('USE tpch.sf1', {'X-Trino-User': 'node'});
    assert.strictEqual(trino.headers['x-trino-set-schema'], 'sf1');
  },

  async nodes() {
    const nodes = await new Promise((resolve, reject) => client().nodes(null, (e, data) => (e ? reject(e) : resolve(data))));
    assert.ok(Array.isArray(nodes));
  },
};

runTests(tests);
