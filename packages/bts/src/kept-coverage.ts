/**
 * Coverage kept from the map a layer leaves, for the map it joins next. With `renderer="auto"` the BTS layer is
 * drawn on the canvas first and then moves to MapLibre over the same boundaries: the worker's result (stats,
 * villages and the coverage picture) still holds, and computing it again would only delay MapLibre's drawing.
 */
import type { CoverageResult } from './coverage-client.js';

export interface KeptCoverage {
  result: CoverageResult;
  /** What the result was computed from, compared by identity (options key, sites, villages, boundaries, picture size). */
  inputs: unknown[];
}

/** The kept result when every input is the same one, else undefined (and the kept picture is freed). */
export function reuseKept(kept: KeptCoverage | undefined, inputs: unknown[]): CoverageResult | undefined {
  if (!kept) return undefined;
  if (kept.inputs.length === inputs.length && kept.inputs.every((x, i) => x === inputs[i])) return kept.result;
  kept.result.image?.close();
  return undefined;
}
