// Shared by the bench files: a percentile of a list of timings, and the connect→ready row of a table.

/** The p-th percentile (0–1) of `a`, nearest rank. */
export const pct = (a, p) => {
  const s = [...a].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
};

/** Median, min and max of connect→ready times, for console.table. */
export const readyRow = (times) => ({
  'connect→ready median ms': +pct(times, 0.5).toFixed(0),
  'min ms': +Math.min(...times).toFixed(0),
  'max ms': +Math.max(...times).toFixed(0),
});
