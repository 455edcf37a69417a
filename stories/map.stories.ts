import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '@chiso/map';
import { ATLAS_PROVINCES } from '@chiso/atlas';

/**
 * Maps of Phú Thọ's real 2025 communes (the atlas chiso ships) with synthetic figures (scripts/demo-data.mjs:
 * no commune rate has been published): online-dossier rates by commune over five quarters.
 */
interface MapArgs {
  boundaries: string;
  src?: string;
  classes?: string;
  palette?: string;
  reverse?: boolean;
  period?: string;
  theme?: string;
  lang?: string;
  tableOpen?: boolean;
  bounds?: string;
  label?: string;
  refresh?: number;
  search?: boolean;
  renderer?: string;
}

/** Phú Thọ's 2025 communes as chiso ships them (the atlas), and synthetic figures for them. */
const BOUNDARIES = 'vn:communes/25';
const FEED = 'data/phu-tho-xa-dvc.json';

const background = (theme?: string) => (theme === 'contrast' ? '#000' : theme === 'dark' ? '#0d1117' : 'transparent');

const render = (a: MapArgs, ctx: { globals: Record<string, string> }) => {
  const lang = a.lang ?? ctx.globals.lang ?? 'vi';
  return html`<div style="padding:1rem;max-width:56rem;background:${background(a.theme)}">
    <chiso-map boundaries=${a.boundaries} renderer=${a.renderer ?? nothing} ?search=${!!a.search} lang=${lang} theme=${a.theme ?? nothing} bounds=${a.bounds ?? nothing}
      label=${a.label ?? 'Tỷ lệ hồ sơ trực tuyến theo xã, Phú Thọ (dữ liệu mẫu)'} style="--chiso-map-height:26rem">
      ${a.src
        ? html`<chiso-choropleth-layer src=${a.src} classes=${a.classes ?? nothing} palette=${a.palette ?? nothing}
            ?reverse=${!!a.reverse} period=${a.period ?? nothing} refresh=${a.refresh ?? nothing} ?table-open=${!!a.tableOpen} lang=${lang} theme=${a.theme ?? nothing}></chiso-choropleth-layer>
          <chiso-legend lang=${lang} theme=${a.theme ?? nothing}></chiso-legend>`
        : nothing}
    </chiso-map>
  </div>`;
};

const meta: Meta<MapArgs> = {
  title: 'Elements/Map',
  component: 'chiso-map',
  subcomponents: { ChoroplethLayer: 'chiso-choropleth-layer', Legend: 'chiso-legend' },
  render,
  args: { boundaries: BOUNDARIES, src: FEED, classes: 'quantile:5' },
  argTypes: {
    classes: { control: 'inline-radio', options: ['quantile:5', 'equal:5', 'ckmeans:5', 'manual:50 80 95'] },
    palette: { control: 'select', options: [undefined, 'YlGnBu', 'Viridis', 'Cividis', 'Blues', 'OrRd', 'PuBuGn'] },
    theme: { control: 'inline-radio', options: [undefined, 'dark', 'contrast'] },
    lang: { control: 'inline-radio', options: ['vi', 'en'] },
    renderer: { control: 'inline-radio', options: [undefined, 'canvas', 'maplibre'] },
  },
};
export default meta;
type Story = StoryObj<MapArgs>;

/** Quantile classes, the latest quarter; the slider plays the eight quarters. */
export const Choropleth: Story = {};
/** Natural breaks (ckmeans). */
export const NaturalBreaks: Story = { args: { classes: 'ckmeans:5' } };
/** Manual breaks at the 50 % and 80 % thresholds and 95 %: lower bounds, inclusive. */
export const ManualBreaks: Story = { args: { classes: 'manual:50 80 95', palette: 'Viridis', reverse: true } };
/** An earlier quarter. */
export const EarlierPeriod: Story = { args: { period: '2024-Q2' } };
/** With the data table open (every commune: rank, name, value, class). */
export const DataTable: Story = { args: { tableOpen: true } };
/** A search box over the 148 communes' names: type "tan hoa" (no diacritics needed), ↓, Enter. */
export const Search: Story = { args: { search: true } };
export const English: Story = { args: { lang: 'en' } };
export const Dark: Story = { args: { theme: 'dark' } };
export const HighContrast: Story = { args: { theme: 'contrast' } };
/** A view of the whole country and the East Sea: Hoàng Sa and Trường Sa are labelled as Vietnamese. */
export const EastSea: Story = { args: { bounds: '102,6.5,118,23.5', src: undefined, label: 'Việt Nam và Biển Đông' } };
/** The boundaries never arrive: the loading state. */
export const Loading: Story = { args: { boundaries: '/__demo/hang', src: undefined } };
/** The boundaries fail: a localized error and `chiso-error`. */
export const BoundariesError: Story = { args: { boundaries: 'data/khong-co.geojson' } };
/** The feed names codes the map does not have: a message, and the rest drawn. */
export const UnknownCodes: Story = { args: { src: 'feeds/phu-tho-dvc-2021.json' } };

/** The webmaster's shorthand: map, layer and legend from attributes. */
export const Shorthand: StoryObj = {
  render: (_a, ctx) => html`<div style="padding:1rem;max-width:56rem">
    <chiso-choropleth boundaries=${BOUNDARIES} src=${FEED} classes="quantile:5" lang=${ctx.globals.lang ?? 'vi'}
      label="Tỷ lệ hồ sơ trực tuyến theo xã (dữ liệu mẫu)"></chiso-choropleth></div>`,
};
/** The feed has values for no commune of the map: the map is drawn, with the layer's "no data" message. */
export const Empty: Story = { args: { src: 'feeds/phu-tho-dvc-2021.json', period: '2021' } };
/** The feed answered once, then its refresh failed: the last good colours stay, with a message. */
export const Stale: Story = { args: { src: '/__demo/flaky?story=map-stale&file=data/phu-tho-xa-dvc.json', refresh: 2 } };
/** The choropleth's feed is still loading (the map itself is drawn). */
export const FeedLoading: Story = { args: { src: '/__demo/hang' } };

/** Drawn on a 2D canvas only (`renderer="canvas"`): no WebGL context, pans and zooms by redrawing; prints and saves as a picture. */
export const CanvasRenderer: Story = { args: { renderer: 'canvas' } };

/**
 * Small multiples: the 34 provinces of 2025, one map each on the canvas renderer (no WebGL context: a browser allows
 * about 16), each coloured by its own figure on one shared scale. The figures are SYNTHETIC.
 */
export const SmallMultiples: StoryObj = {
  render: (_a, ctx) => {
    const lang = ctx.globals.lang ?? 'vi';
    const feed = {
      chiso: 1, indicators: [{ id: 'x', name: { vi: 'Chỉ số mẫu theo tỉnh (dữ liệu tổng hợp)', en: 'Sample index by province (synthetic)' }, unit: '%' }],
      observations: ATLAS_PROVINCES.map((area, i) => ({ indicator: 'x', area, level: 'province', period: '2025', value: 40 + ((i * 37) % 60) })),
    };
    const caption = (e: Event) => {
      const map = e.currentTarget as HTMLElement & { area?: string; boundaryAreas?: { areas: Map<string, { name: string }> } };
      const name = map.boundaryAreas?.areas.get(map.area ?? '')?.name;
      if (e.target === map && name) map.nextElementSibling!.textContent = name;
    };
    return html`<div style="padding:1rem;display:grid;grid-template-columns:repeat(auto-fill,minmax(min(9rem,100%),1fr));gap:0.75rem">
      ${ATLAS_PROVINCES.map((code) => html`<figure style="margin:0">
        <chiso-map renderer="canvas" boundaries="vn:provinces" area=${code} lang=${lang} label=${code} style="--chiso-map-height:8rem" @chiso-ready=${caption}>
          <chiso-choropleth-layer .data=${feed} lang=${lang}></chiso-choropleth-layer>
        </chiso-map>
        <figcaption style="font:0.8rem system-ui">${code}</figcaption>
      </figure>`)}
    </div>`;
  },
};
