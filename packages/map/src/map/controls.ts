/**
 * The map's controls: zoom, full screen, reset view and scale at the top, credits at the bottom right (the
 * atlas's whenever its files are drawn: its MIT licences and the official map ask for it).
 */
import type { Map as MaplibreMap } from 'maplibre-gl';
import { ATLAS_ATTRIBUTION } from '@chiso/atlas';

type MapLibre = typeof import('maplibre-gl');

export function addControls(map: MaplibreMap, ml: MapLibre, o: { fullscreen?: HTMLElement; onReset: () => void; resetTitle: string }): void {
  map.addControl(new ml.NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new ml.FullscreenControl({ container: o.fullscreen }), 'top-right');
  map.addControl(new ResetViewControl(o.onReset, o.resetTitle), 'top-right');
  // The scale at the top, clear of the credits along the bottom (the atlas's are long on a narrow map).
  map.addControl(new ml.ScaleControl({ unit: 'metric' }), 'top-left');
}

/** Credits, once the boundaries are known. */
export function addAttribution(map: MaplibreMap, ml: MapLibre, o: { atlas: boolean; lang: string; attribution?: string; root: ParentNode }): void {
  const atlasCredit = o.atlas ? [o.lang.startsWith('en') ? ATLAS_ATTRIBUTION.en : ATLAS_ATTRIBUTION.vi] : [];
  map.addControl(
    new ml.AttributionControl({ compact: true, customAttribution: ['MapLibre', ...atlasCredit, ...(o.attribution ? [o.attribution] : [])] }),
    'bottom-right',
  );
  // MapLibre opens the credits at first; on a map narrower than their one line they would cover the bottom of
  // the map until the first drag. Closed there: the ⓘ button opens them (they stay in the page for readers).
  const credits = o.root.querySelector('.maplibregl-ctrl-attrib');
  if (credits && map.getContainer().clientWidth < 760) credits.classList.remove('maplibregl-compact-show');
}

/** A "reset view" button in MapLibre's control style. */
class ResetViewControl {
  private box?: HTMLDivElement;
  constructor(
    private readonly onReset: () => void,
    private readonly title: string,
  ) {}
  onAdd(): HTMLElement {
    const box = document.createElement('div');
    box.className = 'maplibregl-ctrl maplibregl-ctrl-group';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'chiso-reset-view';
    button.title = this.title;
    button.setAttribute('aria-label', this.title);
    button.textContent = '⟲';
    button.addEventListener('click', () => this.onReset());
    box.append(button);
    this.box = box;
    return box;
  }
  onRemove(): void {
    this.box?.remove();
  }
}
