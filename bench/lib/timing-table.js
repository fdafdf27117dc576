// What the TPC-H benchmark reports share: query names, medians and geometric means of timings, and
// the cells of the printed tables.
'use strict';

/// `6` and `q6` -> `q06`; other names unchanged.
function queryName(text) {
  const digits = /^q?(\d+)$/.exec(text);
  return digits ? `q${digits[1].padStart(2, '0')}` : text;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/// The geometric mean of positive numbers; null for none.
function geometricMean(values) {
  return values.length ? Math.exp(values.reduce((sum, value) => sum + Math.log(value), 0) / values.length) : null;
}

function formatMillis(value) {
  return value === undefined || value === null ? '-' : value.toFixed(1);
}

function pad(text, width, left = false) {
  text = String(text);
  return left ? text.padEnd(width) : text.padStart(width);
}

module.exports = { queryName, median, geometricMean, formatMillis, pad };
