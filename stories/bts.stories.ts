import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '@chiso/bts';

/**
 * BTS coverage on Phú Thọ's real 2025 communes (the atlas chiso ships) with synthetic sites and villages: 900
 * generated sites and five generated villages per commune (scripts/demo-data.mjs; no real site or village). The
 * fill is the modelled coverage; magenta dots are villages without signal; at the province's zoom, sites close
 * together are badges by operator (`cluster="off"` keeps every site).
 */
interface BtsArgs {
  src?: string;
  villages?: string;
  operator?: string;
  tech?: string;
  radius?: string;
  environment?: 'rural' | 'urban';
  coverageOpacity?: number;
  hideSites?: boolean;
  tableOpen?: boolean;
  theme?: string;
  lang?: string;
  withChoropleth?: boolean;
  refresh?: number;
  data?: unknown;
  cluster?: 'auto' | 'off';
}

/** Phú Thọ's 2025 communes as chiso ships them (the atlas): no boundaries file. */
const BOUNDARIES = 'vn:communes/25';
const background = (theme?: string) => (theme === 'contrast' ? '#000' : theme === 'dark' ? '#0d1117' : 'transparent');

let n = 0;
const render = (a: BtsArgs, ctx: { globals: Record<string, string> }) => {
  const lang = a.lang ?? ctx.globals.lang ?? 'vi';
  const id = `bts-story-${++n}`;
  return html`<div style="padding:1rem;max-width:56rem;background:${background(a.theme)};color:${a.theme ? '#fff' : 'inherit'}">
    <chiso-map boundaries=${BOUNDARIES} lang=${lang} theme=${a.theme ?? nothing} label="Phủ sóng di động, Phú Thọ (trạm và thôn mẫu)" style="--chiso-map-height:26rem">
      ${a.withChoropleth ? html`<chiso-choropleth-layer from=${id} classes="manual:50 70 85 95" palette="Purples" lang=${lang} theme=${a.theme ?? nothing}></chiso-choropleth-layer>` : nothing}
      <chiso-bts-layer id=${id} src=${a.src ?? nothing} .data=${a.data} refresh=${a.refresh ?? nothing} villages=${a.villages ?? nothing} operator=${a.operator ?? nothing} tech=${a.tech ?? nothing}
        radius=${a.radius ?? nothing} environment=${a.environment ?? 'rural'} coverage-opacity=${a.coverageOpacity ?? 0.35}
        cluster=${a.cluster ?? 'auto'} ?hide-sites=${!!a.hideSites} ?table-open=${!!a.tableOpen} lang=${lang} theme=${a.theme ?? nothing}></chiso-bts-layer>
      ${a.withChoropleth ? html`<chiso-legend lang=${lang} theme=${a.theme ?? nothing}></chiso-legend>` : nothing}
    </chiso-map>
  </div>`;
};

const meta: Meta<BtsArgs> = {
  title: 'Elements/BTS coverage',
  component: 'chiso-bts-layer',
  render,
  args: { src: 'data/phu-tho-bts.json', villages: 'data/phu-tho-thon.json', radius: '2g:3500 3g:2500 4g:2500 5g:600' },
  argTypes: {
    operator: { control: 'select', options: [undefined, 'Viettel', 'VNPT', 'MobiFone', 'Vietnamobile'] },
    tech: { control: 'inline-radio', options: [undefined, '2G', '3G', '4G', '5G'] },
    environment: { control: 'inline-radio', options: ['rural', 'urban'] },
    coverageOpacity: { control: { type: 'range', min: 0, max: 1, step: 0.05 } },
    cluster: { control: 'inline-radio', options: ['auto', 'off'] },
    theme: { control: 'inline-radio', options: [undefined, 'dark', 'contrast'] },
    lang: { control: 'inline-radio', options: ['vi', 'en'] },
  },
};
export default meta;
type Story = StoryObj<BtsArgs>;

/** Every operator and technology; gaps marked. */
export const Coverage: Story = {};
/** One operator: Viettel's coverage alone. */
export const OneOperator: Story = { args: { operator: 'Viettel' } };
/** Every site its own symbol at every zoom (no badges): crowded at the province's zoom, which is why `auto` is the default. */
export const EverySite: Story = { args: { cluster: 'off' } };
/** 5G only: small cells, large gaps. */
export const FiveG: Story = { args: { tech: '5G' } };
/** The documented default radii (rural), without the layer's override. */
export const DefaultRadii: Story = { args: { radius: undefined } };
/** Urban default radii. */
export const Urban: Story = { args: { radius: undefined, environment: 'urban' } };
/** Coverage per commune, coloured by a choropleth fed from the BTS layer (`from`). */
export const CoveragePerCommune: Story = { args: { withChoropleth: true, hideSites: true, coverageOpacity: 0 } };
/** The data tables: coverage by commune (worst first) and the villages without signal. */
export const Tables: Story = { args: { tableOpen: true } };
export const Dark: Story = { args: { theme: 'dark' } };
export const HighContrast: Story = { args: { theme: 'contrast' } };
export const English: Story = { args: { lang: 'en' } };
/** The sites feed is missing (404): a localized error, the map still drawn. */
export const MissingFeed: Story = { args: { src: 'feeds/khong-co.geojson', villages: undefined } };
/** The sites feed is still loading. */
export const Loading: Story = { args: { src: '/__demo/hang', villages: undefined } };
/** No site in the feed: the map is drawn, the layer says so. */
export const Empty: Story = { args: { src: undefined, villages: undefined, data: { type: 'FeatureCollection', features: [] } } };
/** The sites feed answered once, then its refresh failed: the last coverage stays, with a message. */
export const Stale: Story = { args: { src: '/__demo/flaky?story=bts-stale&file=data/phu-tho-bts.json', villages: undefined, refresh: 2 } };
