import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '@chiso/chart';

/** An indicator over time: Bắc Kạn's published dossiers received and the synthetic province's rates. */
interface TrendArgs {
  src?: string;
  area?: string;
  level?: string;
  indicator?: string;
  label?: string;
  chart?: string;
  target?: number;
  refresh?: number;
  tableOpen?: boolean;
  theme?: string;
  lang?: string;
}

const background = (theme?: string) => (theme === 'contrast' ? '#000' : theme === 'dark' ? '#0d1117' : 'transparent');

const meta: Meta<TrendArgs> = {
  title: 'Elements/Trend',
  component: 'chiso-trend',
  render: (a, ctx) => html`<div style="padding:1rem;max-width:36rem;background:${background(a.theme)};color:${a.theme ? '#fff' : 'inherit'}">
    <chiso-trend src=${a.src ?? nothing} area=${a.area ?? nothing} level=${a.level ?? nothing} indicator=${a.indicator ?? nothing}
      label=${a.label ?? nothing} chart=${a.chart ?? nothing} target=${a.target ?? nothing} refresh=${a.refresh ?? nothing} ?table-open=${!!a.tableOpen}
      lang=${a.lang ?? ctx.globals.lang ?? 'vi'} theme=${a.theme ?? nothing}></chiso-trend>
  </div>`,
  args: { src: 'feeds/bac-kan-ho-so.json' },
  argTypes: { chart: { control: 'inline-radio', options: ['line', 'bar'] }, theme: { control: 'inline-radio', options: [undefined, 'dark', 'contrast'] }, lang: { control: 'inline-radio', options: ['vi', 'en'] } },
};
export default meta;
type Story = StoryObj<TrendArgs>;

/** Dossiers received by Bắc Kạn as published: 2018–2020, and the first five months of 2021 drawn apart (a part of a year). */
export const Dossiers: Story = {};
/** A commune's online rate by quarter (synthetic figures for a real commune of Phú Thọ). */
export const QuarterlyRate: Story = { args: { src: 'data/phu-tho-xa-dvc.json', area: '07900', label: 'Hồ sơ nộp trực tuyến, phường Việt Trì (dữ liệu mẫu)' } };
/** Compares: Bắc Kạn's published total and online dossiers, 2018–2020 and the first five months of 2021, as two lines. */
export const TotalAndOnline: Story = { args: { indicator: 'dvc.dossiers,dvc.online_dossiers', label: 'Hồ sơ tiếp nhận và hồ sơ trực tuyến, Bắc Kạn' } };
/** The same as bars side by side; the five months of 2021 outlined as a part of a year. */
export const Bars: Story = { args: { indicator: 'dvc.dossiers,dvc.online_dossiers', chart: 'bar', label: 'Hồ sơ tiếp nhận và hồ sơ trực tuyến, Bắc Kạn' } };
/** A rate against its target line (synthetic figures for a real commune; the 80 % target is chiso's illustration). */
export const WithTarget: Story = { args: { src: 'data/phu-tho-xa-dvc.json', area: '07900', target: 80, label: 'Hồ sơ nộp trực tuyến, phường Việt Trì (dữ liệu mẫu)' } };
/** Two communes compared (synthetic figures for real communes of Phú Thọ). */
export const TwoCommunes: Story = { args: { src: 'data/phu-tho-xa-dvc.json', area: '07900,07909', label: 'Hồ sơ nộp trực tuyến (dữ liệu mẫu)' } };
export const CompareDark: Story = { args: { indicator: 'dvc.dossiers,dvc.online_dossiers', theme: 'dark', chart: 'bar' } };
export const CompareHighContrast: Story = { args: { indicator: 'dvc.dossiers,dvc.online_dossiers', theme: 'contrast' } };
export const CompareEnglish: Story = { args: { indicator: 'dvc.dossiers,dvc.online_dossiers', lang: 'en' } };
export const Table: Story = { args: { tableOpen: true } };
export const Dark: Story = { args: { theme: 'dark' } };
export const HighContrast: Story = { args: { theme: 'contrast' } };
export const English: Story = { args: { lang: 'en' } };
export const Loading: Story = { args: { src: '/__demo/hang' } };
/** No value for the area asked for. */
export const Empty: Story = { args: { area: '08' } };
export const ErrorMissingFeed: Story = { name: 'Error (missing feed)', args: { src: 'feeds/khong-co.json' } };
export const Stale: Story = { args: { src: '/__demo/flaky?story=trend-stale&file=feeds/bac-kan-ho-so.json', refresh: 2 } };
