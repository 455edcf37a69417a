/**
 * `<chiso-map drill>`: on a map of the provinces, choosing a province (a click, Enter, the search box) opens its
 * communes from the atlas, with the same layers (a feed with commune figures colours them); a button goes back
 * to the provinces, where the reader was. The feed is expected to hold more than one map shows, so the layers
 * do not warn about the other level or about codes off the map while drilling is on.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Map as MaplibreMap } from 'maplibre-gl';
import type { AtlasSpec } from '@chiso/atlas';
import type { Boundaries } from '../boundaries.js';
import { mapMsg } from '../map-i18n.js';

export interface DrillHost extends ReactiveControllerHost, HTMLElement {
  drill: boolean;
  boundaries?: string;
  lang: string;
  map?: MaplibreMap;
  atlas?: AtlasSpec;
  boundaryAreas?: Boundaries;
  readonly updateComplete: Promise<boolean>;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** The detail of `chiso-drill`: the province opened (`area`, `name`), or none (`area` undefined) on the way back. */
export interface DrillDetail {
  area?: string;
  name?: string;
}

export class MapDrill implements ReactiveController {
  /** Where the reader came from: the boundaries and the view of the provinces. */
  private from?: { boundaries?: string; center: [number, number]; zoom: number; area: string; name: string };

  constructor(private readonly host: DrillHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('chiso-select', this.onSelect);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('chiso-select', this.onSelect);
  }

  /** The province whose communes are shown, if any. */
  get province(): string | undefined {
    return this.from?.area;
  }

  private onSelect = (e: Event) => {
    const { area, name } = (e as CustomEvent<{ area?: string; name?: string }>).detail ?? {};
    if (this.host.drill && area) this.open(area, name);
  };

  /** Opens a province's communes (a 2-digit code of the provinces shown); nothing otherwise. */
  open(area: string, name?: string): void {
    const host = this.host;
    if (this.from || host.atlas?.kind !== 'provinces' || !/^\d{2}$/.test(area) || !host.map) return;
    const c = host.map.getCenter();
    const known = name ?? host.boundaryAreas?.areas.get(area)?.name ?? area;
    this.from = { boundaries: host.boundaries, center: [c.lng, c.lat], zoom: host.map.getZoom(), area, name: known };
    host.boundaries = `vn:communes/${area}`;
    host.dispatchEvent(new CustomEvent<DrillDetail>('chiso-drill', { detail: { area, name: known }, bubbles: true, composed: true }));
    host.requestUpdate();
    // The reader's focus goes to the way back (the map they were on is made again).
    void host.updateComplete.then(() => host.renderRoot.querySelector<HTMLElement>('[part="drill-back"]')?.focus());
  }

  /** Back to the provinces, at the view the reader left. */
  back(): void {
    const from = this.from;
    if (!from) return;
    this.from = undefined;
    const host = this.host;
    host.boundaries = from.boundaries ?? 'vn:provinces';
    // The map is made again for the provinces: put the reader back where they were at its first picture (a
    // renderer taking over later keeps that view).
    const restore = (e: Event) => {
      if (e.target !== host) return;
      host.removeEventListener('chiso-paint', restore);
      host.map?.jumpTo({ center: from.center, zoom: from.zoom });
      if (refocus) host.map?.getCanvas().focus(); // the button that had the focus is gone
    };
    const refocus = host.renderRoot.querySelector('[part="drill-back"]') === (host.renderRoot as ShadowRoot).activeElement;
    host.addEventListener('chiso-paint', restore);
    host.dispatchEvent(new CustomEvent<DrillDetail>('chiso-drill', { detail: {}, bubbles: true, composed: true }));
    host.requestUpdate();
  }

  render(): TemplateResult | typeof nothing {
    if (!this.host.drill) return nothing;
    const from = this.from;
    const lang = this.host.lang;
    // The status is always in the page, so that its new text is announced when a province opens.
    return html`<div part="drill" class=${from ? 'drill' : 'hint'}>
      ${from ? html`<button type="button" part="drill-back" @click=${() => this.back()}>← ${mapMsg(lang, 'drillBack')}</button>` : nothing}
      <span role="status">${from ? mapMsg(lang, 'drillShown', { name: from.name }) : ''}</span>
    </div>`;
  }
}
