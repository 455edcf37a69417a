import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '@chiso/gauge';
import published from '../examples/feeds/so-lieu-cong-bo.json';

interface StatArgs {
  data?: unknown;
  src?: string;
  indicator?: string;
  area?: string;
  period?: string;
  value?: string;
  unit?: string;
  label?: string;
  target?: number;
  compact?: boolean;
  theme?: string;
  lang?: string;
  refresh?: number;
}

/** One indicator of the published figures (examples/feeds/so-lieu-cong-bo.json, each with its source) as a feed. */
const publishedFeed = (indicator: string, area: string) => ({
  ...published,
  indicators: published.indicators.filter((i) => i.id === indicator),
  observations: published.observations.filter((o) => o.indicator === indicator && o.area === area),
});

const render = (a: StatArgs, ctx: { globals: Record<string, string> }) => {
  const lang = a.lang ?? ctx.globals.lang ?? 'vi';
  const dark = a.theme === 'dark' || a.theme === 'contrast';
  return html`<div style="padding:1rem;max-width:22rem;background:${a.theme === 'contrast' ? '#000' : dark ? '#0d1117' : 'transparent'}">
    <chiso-stat .data=${a.data} src=${a.src ?? nothing} indicator=${a.indicator ?? nothing} area=${a.area ?? nothing} period=${a.period ?? nothing}
      value=${a.value ?? nothing} unit=${a.unit ?? nothing} label=${a.label ?? nothing} target=${a.target ?? nothing} ?compact=${!!a.compact}
      theme=${a.theme ?? nothing} lang=${lang} refresh=${a.refresh ?? nothing}></chiso-stat></div>`;
};

const meta: Meta<StatArgs> = {
  title: 'Elements/Stat',
  component: 'chiso-stat',
  render,
  args: { data: publishedFeed('eid.accounts', '30') },
  argTypes: {
    theme: { control: 'inline-radio', options: [undefined, 'dark', 'contrast'] },
    lang: { control: 'inline-radio', options: ['vi', 'en'] },
    compact: { control: 'boolean' },
  },
};
export default meta;
type Story = StoryObj<StatArgs>;

/** Hải Dương, as published: nearly 860.000 e-ID accounts, 10th of 63 provinces. */
export const EidAccounts: Story = {};
/** The same figure in words, as reports write large numbers: "gần 860 nghìn". */
export const Compact: Story = { args: { compact: true } };
/** Bắc Kạn's ICT-application index: 26th of 63 in 2018, 16th in 2019, a rise of 10 places; the ranks as a sparkline. */
export const IctRank: Story = { args: { data: publishedFeed('ict.rank', '06') } };
/** Bắc Kạn's administrative-reform index: 55th of 63 (2019). */
export const ParRank: Story = { args: { data: publishedFeed('par.rank', '06') } };
/** Bắc Kạn's dossiers, first five months of 2021 (59.234): a part of a year, compared with nothing rather than with a year. */
export const PartYear: Story = { args: { data: publishedFeed('dvc.dossiers', '06') } };
/** Bắc Kạn's dossiers in 2020 (166.049): up 24,1 % on 2019, and the years as a sparkline. */
export const YearOnYear: Story = { args: { data: publishedFeed('dvc.dossiers', '06'), period: '2020' } };
/** Tuyên Quang 2024: 1.283 BTS sites. */
export const BtsSites: Story = { args: { data: publishedFeed('bts.sites', '08') } };
/** Progress to a target (synthetic: 73 of a plan's 81 tasks). */
export const ProgressToTarget: Story = {
  args: { data: undefined, value: '73', unit: 'nhiệm vụ', label: 'Nhiệm vụ hoàn thành (minh họa)', target: 81 },
};
export const English: Story = { args: { lang: 'en', data: publishedFeed('ict.rank', '06') } };
export const Dark: Story = { args: { theme: 'dark', data: publishedFeed('dvc.dossiers', '06'), period: '2020' } };
export const HighContrast: Story = { args: { theme: 'contrast', data: publishedFeed('ict.rank', '06') } };
export const Loading: Story = { args: { data: undefined, src: '/__demo/hang', label: 'Tài khoản định danh điện tử' } };
export const ErrorHttp: Story = { name: 'Error (feed missing)', args: { data: undefined, src: 'feeds/khong-co.json' } };
export const Empty: Story = { args: { area: '01' } };
/** Loads once, then every refresh fails: the last figure stays, marked stale. */
export const Stale: Story = { args: { data: undefined, src: '/__demo/flaky?story=stat-stale&file=feeds/bac-kan-ho-so.json', refresh: 2 } };
