import { loadCrosswalk, type Crosswalk } from '@chiso/atlas';
import type { FeedModel } from '@chiso/core';
import { mayNeedCrosswalk } from '../old-units.js';

/** What a layer does with a feed on a map of 2025 units (see `CrosswalkLoader.need`). */
export type CrosswalkNeed = 'as-is' | 'wait' | 'carry' | 'missing';

/**
 * The old→new crosswalk for a layer whose feed may be keyed by pre-2025 units: loaded from the map's atlas the
 * first time a feed needs it (once per layer, however often it asks), and `settled` told when it has come or
 * failed, so the layer reads its feed again.
 */
export class CrosswalkLoader {
  data?: Crosswalk;
  failed = false;
  private pending?: Promise<void>;

  constructor(private readonly settled: (error?: unknown) => void) {}

  /**
   * For `model` on a map of `known` units, with the layer's `crosswalk` setting: `as-is` (nothing old, no
   * boundaries yet, or `off`), `carry` (the crosswalk is here), `wait` (it is being loaded, from the atlas
   * of `map`), or `missing` (it was needed and could not be loaded: the layer says so).
   */
  need(model: FeedModel, known: ReadonlyMap<string, unknown> | undefined, setting: 'auto' | 'off', map?: Element): CrosswalkNeed {
    if (!known || setting === 'off' || !mayNeedCrosswalk(model, known)) return 'as-is';
    if (this.failed) return 'missing';
    if (this.data) return 'carry';
    this.load(map);
    return 'wait';
  }

  private load(map?: Element): void {
    const host = map as (Element & { atlasBase?: string; constructor: { atlasBase?: string } }) | undefined;
    this.pending ??= loadCrosswalk(host?.atlasBase ?? host?.constructor.atlasBase).then(
      (c) => {
        this.data = c;
        this.settled();
      },
      (e: unknown) => {
        this.failed = true;
        this.settled(e);
      },
    ).finally(() => {
      this.pending = undefined;
    });
  }
}
