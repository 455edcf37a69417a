/**
 * Coverage kept from the map a layer leaves, for the map it joins next. With `renderer="auto"` the BTS layer is
 * drawn on the canvas first and then moves to MapLibre over the same boundaries: the worker's result (stats,
 * villages and the coverage picture) still holds, and computing it again would only delay MapLibre's drawing.
 * A result still being computed when the layer moves (a layer whose code came after the canvas painted) is kept
 * too: the new map waits for it rather than asking the worker again.
 */
import type { CoverageResult } from './coverage-client.js';

interface KeptCoverage {
  /** The result, or the computing under way (undefined when it failed or was overtaken). */
  result: Promise<CoverageResult | undefined>;
  /** What the result was computed from, compared by identity (options key, sites, villages, boundaries, picture size). */
  inputs: unknown[];
}

/** Frees a kept result's picture (once it is there) that no map will draw. */
function dropKept(kept: KeptCoverage | undefined): void {
  void kept?.result.then((r) => r?.image?.close(), () => undefined);
}

/** The kept result when every input is the same one, else undefined (and the kept picture is freed). */
function reuseKept(kept: KeptCoverage | undefined, inputs: unknown[]): KeptCoverage['result'] | undefined {
  if (!kept) return undefined;
  if (kept.inputs.length === inputs.length && kept.inputs.every((x, i) => x === inputs[i])) return kept.result;
  dropKept(kept);
  return undefined;
}

/** A layer's coverage across the maps it joins: what it leaves behind, and the computing under way. */
export class CoverageCarry {
  private kept?: KeptCoverage;
  /** The latest computing; `handedOver` once the layer left its map (the next map then owns its picture). */
  private running?: KeptCoverage & { handedOver: boolean };

  /**
   * The kept result when it has these inputs, else `compute()`'s. Undefined when it failed, or when the layer left
   * the map meanwhile (the result is the next map's).
   */
  async run(inputs: unknown[], compute: () => Promise<CoverageResult | undefined>): Promise<CoverageResult | undefined> {
    const kept = reuseKept(this.kept, inputs);
    this.kept = undefined;
    // `compute` says its own failures and resolves undefined; a rejection is one more failure, not an unhandled one.
    const running = { result: (async () => (kept && (await kept)) ?? compute())().catch(() => undefined), inputs, handedOver: false };
    this.running = running;
    const result = await running.result;
    if (this.running === running) this.running = undefined;
    return running.handedOver ? undefined : result;
  }

  /** The layer leaves its map: the computing under way is kept for the next map, else what was drawn (`drawn`). */
  leave(drawn: KeptCoverage | undefined): void {
    dropKept(this.kept);
    if (this.running) {
      this.running.handedOver = true;
      dropKept(drawn); // overtaken by the computing under way
    }
    this.kept = this.running ?? drawn;
    this.running = undefined;
  }

  /** The layer is gone for good: its kept picture is freed. */
  drop(): void {
    dropKept(this.kept);
    this.kept = undefined;
  }
}
