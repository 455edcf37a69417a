import type { nothing, TemplateResult } from 'lit';
import { ChisoElement, type ChisoState } from '@chiso/core/element';
import { csvSource, type FeedSource } from '@chiso/core';
import { sourceNote } from '@chiso/core/picture';
import type { ChisoMap } from './chiso-map.js';
import type { ChisoMapLayer, MapContext } from './layer-api.js';

/**
 * What every layer element shares (choropleth, BTS, cases): it joins the `<chiso-map>` it sits in when
 * connected and leaves it when disconnected, and gives the map a promise of its first drawing, settled when
 * the first data is drawn or has failed (the map's `ready` waits for it).
 */
export abstract class ChisoLayerElement extends ChisoElement implements ChisoMapLayer {
  /** The map this layer is in, while connected. */
  protected mapHost?: ChisoMap;
  private firstDrawn?: { promise: Promise<void>; resolve: () => void; settled: boolean };

  override connectedCallback(): void {
    super.connectedCallback();
    this.firstDrawn = undefined;
    this.mapHost = joinMap(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.readyOn = undefined;
    this.mapHost?.unregisterLayer(this);
    this.mapHost = undefined;
  }

  /** The map's making on which this layer said `chiso-ready`. */
  private readyOn?: number;

  /**
   * `chiso-ready` once per making of the map: when MapLibre takes over from the canvas (`renderer="auto"`), the
   * layer draws its data again on the new renderer, which is not news to the page.
   */
  protected override emit<T>(name: string, detail: T): boolean {
    if (name === 'ready') {
      const making = this.mapHost?.making;
      if (making !== undefined && making === this.readyOn) return true;
      this.readyOn = making;
    }
    return super.emit(name, detail);
  }

  /** The data's source in one line ("Nguồn: …, cập nhật …"), for pictures of the map; undefined when the feed names none. */
  sourceLine(): string | undefined {
    const { source, updated } = csvSource(this.sourceOf(this.feedSource()), this.lang);
    return sourceNote(source, updated, this.lang)[0];
  }

  /** @internal The source line under the layer's panel, saying so when the data shown is stale. */
  citation(): TemplateResult | typeof nothing {
    return this.citeLine(this.feedSource(), this.state === 'stale' ? this.staleNote() : undefined);
  }

  /** The source the layer's feed names (layers that read one override this). */
  protected feedSource(): FeedSource | undefined {
    return undefined;
  }

  abstract mapAttached(ctx: MapContext): Promise<void> | void;
  abstract mapDetached(): void;

  /**
   * The promise `mapAttached` returns: settled by the first drawing on that map. A map made again (new
   * boundaries, a context given back) waits for a new first drawing, never for the last map's.
   */
  protected firstDrawing(): Promise<void> {
    if (!this.firstDrawn || this.firstDrawn.settled) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      this.firstDrawn = { promise, resolve, settled: false };
    }
    return this.firstDrawn.promise;
  }

  private dataKnown?: { promise: Promise<'province' | 'commune' | undefined>; resolve: (l: 'province' | 'commune' | undefined) => void; settled: boolean };

  private knownData() {
    if (!this.dataKnown) {
      let resolve!: (l: 'province' | 'commune' | undefined) => void;
      const promise = new Promise<'province' | 'commune' | undefined>((r) => (resolve = r));
      this.dataKnown = { promise, resolve, settled: false };
    }
    return this.dataKnown;
  }

  /** @internal For a map with no `boundaries`: what the layer's data is at, once it is known. */
  atlasLevel(): Promise<'province' | 'commune' | undefined> {
    return this.knownData().promise;
  }

  /** A layer says what its data is at once it has read it (or that it has none, or failed): the map can choose its atlas. */
  protected dataLevelKnown(level: 'province' | 'commune' | undefined): void {
    const k = this.knownData();
    if (k.settled) return;
    k.settled = true;
    k.resolve(level);
  }

  /** While its map cannot be drawn, a layer never says it is loading: it cannot draw either. */
  protected override setState(next: ChisoState): void {
    super.setState(next === 'loading' && this.mapHost?.state === 'error' ? 'error' : next);
  }

  /**
   * @internal The map cannot be drawn (it says why): a layer waiting for it shows the error state too, never
   * `loading` for ever; it draws again when the map comes back.
   */
  mapFailed(): void {
    if (this.state === 'idle' || this.state === 'loading') this.setState('error');
    this.settleFirst();
  }

  /** The first drawing is done, or has failed: the map may report ready. */
  protected settleFirst(): void {
    if (!this.firstDrawn) return;
    this.firstDrawn.settled = true;
    this.firstDrawn.resolve();
  }
}

/** A layer element joins the `<chiso-map>` around it (if any); returns that map. */
export function joinMap(layer: ChisoMapLayer & HTMLElement): ChisoMap | undefined {
  const map = layer.closest('chiso-map') as ChisoMap | null;
  if (!map || typeof map.registerLayer !== 'function') return undefined;
  map.registerLayer(layer);
  return map;
}
