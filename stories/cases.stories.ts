import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '@chiso/cases';

/**
 * Cases on Phú Thọ's real 2025 communes (the atlas) with 4,000 generated cases over 90 days (scripts/synthetic-cases.mjs;
 * nobody real). Each generated case also carries a made-up name, age and phone: none of them ever shows.
 * Counts from 1 to 4 read "< 5"; cases are drawn per commune, never where a person is.
 */
interface CaseArgs {
  src?: string;
  mode?: 'area' | 'bubbles' | 'cluster' | 'heat';
  measure?: 'new' | 'cumulative' | 'avg7';
  value?: 'count' | 'rate' | 'risk';
  date?: string;
  from?: string;
  to?: string;
  k?: number;
  minZoomPoints?: number;
  pointFields?: string;
  tableOpen?: boolean;
  theme?: string;
  lang?: string;
  refresh?: number;
  data?: unknown;
}

/** Phú Thọ's 2025 communes as chiso ships them (the atlas): no boundaries file. */
const BOUNDARIES = 'vn:communes/25';
const background = (theme?: string) => (theme === 'contrast' ? '#000' : theme === 'dark' ? '#0d1117' : 'transparent');

const render = (a: CaseArgs, ctx: { globals: Record<string, string> }) => {
  const lang = a.lang ?? ctx.globals.lang ?? 'vi';
  return html`<div style="padding:1rem;max-width:56rem;background:${background(a.theme)};color:${a.theme ? '#fff' : 'inherit'}">
    <chiso-map boundaries=${BOUNDARIES} lang=${lang} theme=${a.theme ?? nothing} label="Ca bệnh theo xã, Phú Thọ (dữ liệu mẫu)" style="--chiso-map-height:24rem">
      <chiso-case-layer src=${a.src ?? nothing} .data=${a.data} refresh=${a.refresh ?? nothing} mode=${a.mode ?? 'area'} measure=${a.measure ?? 'new'} value=${a.value ?? 'count'}
        date=${a.date ?? nothing} from=${a.from ?? nothing} to=${a.to ?? nothing} k=${a.k ?? 5}
        min-zoom-points=${a.minZoomPoints ?? nothing} point-fields=${a.pointFields ?? nothing}
        ?table-open=${!!a.tableOpen} lang=${lang} theme=${a.theme ?? nothing}></chiso-case-layer>
    </chiso-map>
  </div>`;
};

const meta: Meta<CaseArgs> = {
  title: 'Elements/Cases',
  component: 'chiso-case-layer',
  render,
  args: { src: 'data/phu-tho-ca-benh.json', date: '2025-10-15' },
  argTypes: {
    mode: { control: 'inline-radio', options: ['area', 'bubbles', 'cluster', 'heat'] },
    measure: { control: 'inline-radio', options: ['new', 'cumulative', 'avg7'] },
    value: { control: 'inline-radio', options: ['count', 'rate', 'risk'] },
    k: { control: { type: 'number', min: 2, max: 20 } },
    theme: { control: 'inline-radio', options: [undefined, 'dark', 'contrast'] },
    lang: { control: 'inline-radio', options: ['vi', 'en'] },
  },
};
export default meta;
type Story = StoryObj<CaseArgs>;

/** New cases per commune that day, in classes; the first class is "< 5". */
export const Areas: Story = {};
/** Risk levels 1–4 from new cases per 100,000 people over 7 days (population from the boundaries). */
export const RiskLevels: Story = { args: { value: 'risk' } };
/** Rate per 100,000 over 7 days. */
export const Rate: Story = { args: { value: 'rate' } };
/** Proportional circles at a point inside each commune, 7-day average. */
export const Bubbles: Story = { args: { mode: 'bubbles', measure: 'avg7' } };
/** MapLibre clusters of communes; click a cluster to zoom in. Labels rest while playing. */
export const Clusters: Story = { args: { mode: 'cluster', measure: 'cumulative', from: '2021-07-15' } };
/** Heat map of cases per commune. */
export const Heat: Story = { args: { mode: 'heat', measure: 'avg7' } };
/** Individual points, opted in: only from zoom 12, with only the age field in tooltips. */
export const PointsFromZoom12: Story = { args: { mode: 'bubbles', minZoomPoints: 12, pointFields: 'age' } };
/** The data table: cases by commune that day, totals over the range, by status. */
export const Table: Story = { args: { tableOpen: true, measure: 'cumulative' } };
/** A stricter privacy threshold: counts under 10 read "< 10". */
export const StricterK: Story = { args: { k: 10, mode: 'bubbles' } };
export const Dark: Story = { args: { theme: 'dark', mode: 'bubbles' } };
export const HighContrast: Story = { args: { theme: 'contrast', value: 'risk' } };
export const English: Story = { args: { lang: 'en', tableOpen: true } };
/** The case feed is missing (404): a localized error, the map still drawn. */
export const MissingFeed: Story = { args: { src: 'feeds/khong-co.geojson' } };
/** The case feed is still loading. */
export const Loading: Story = { args: { src: '/__demo/hang' } };
/** A feed with no usable case (no valid date): the map is drawn, the layer says so. */
export const Empty: Story = {
  args: { src: undefined, data: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { date: 'chưa rõ', status: 'home' }, geometry: { type: 'Point', coordinates: [105.5, 21.5] } }] } },
};
/** The case feed answered once, then its refresh failed: the last counts stay, with a message. */
export const Stale: Story = { args: { src: '/__demo/flaky?story=cases-stale&file=data/phu-tho-ca-benh.json', refresh: 2 } };
