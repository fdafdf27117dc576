// Whether two engines (or two layouts of one) gave the same answer to a TPC-H query. Rows are
// arrays of values as text (null for NULL).
//
// Values agree when their text is equal or both are numbers within an absolute tolerance or a
// relative 1e-9 (engines may type an average as decimal or double and round at a different digit,
// and sum doubles in a different order). Every TPC-H query orders its result completely except
// for ties; rows that differ only in the order of ties count as a match and are noted.
'use strict';

const kRelativeTolerance = 1e-9;

function sameValue(actual, expected, absoluteTolerance) {
  if (actual === expected) return true;
  if (actual === null || expected === null) return false;
  const a = Number(actual);
  const b = Number(expected);
  if (actual.trim() === '' || expected.trim() === '' || Number.isNaN(a) || Number.isNaN(b)) return false;
  const difference = Math.abs(a - b);
  return difference <= absoluteTolerance || difference <= kRelativeTolerance * Math.max(Math.abs(a), Math.abs(b));
}

function sameRow(actual, expected, absoluteTolerance) {
  return actual.length === expected.length &&
    actual.every((value, i) => sameValue(value, expected[i], absoluteTolerance));
}

/// Compares `actual` rows with the `expected` rows of the engine called `reference`; returns
/// {status: 'ok' | 'WRONG', detail}. `absoluteTolerance` defaults to half a cent.
function checkAnswer(actual, expected, reference, absoluteTolerance = 0.005 + 1e-9) {
  if (actual.length !== expected.length) {
    return { status: 'WRONG', detail: `${actual.length} rows, ${reference} has ${expected.length}` };
  }
  const firstDifference = actual.findIndex((row, i) => !sameRow(row, expected[i], absoluteTolerance));
  if (firstDifference < 0) return { status: 'ok' };
  const key = row => JSON.stringify(row);
  const sortedActual = [...actual].sort((x, y) => key(x).localeCompare(key(y)));
  const sortedExpected = [...expected].sort((x, y) => key(x).localeCompare(key(y)));
  if (sortedActual.every((row, i) => sameRow(row, sortedExpected[i], absoluteTolerance))) {
    return { status: 'ok', detail: 'rows with equal sort keys in another order' };
  }
  return {
    status: 'WRONG',
    detail: `row ${firstDifference}: got ${JSON.stringify(actual[firstDifference])}, ` +
      `${reference} ${JSON.stringify(expected[firstDifference])}`,
  };
}

module.exports = { checkAnswer };
