import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '@chiso/gauge';
import published from '../examples/feeds/so-lieu-cong-bo.json';
import pxweb from '../test/fixtures/gso-pxweb-by-province.synthetic.json';

interface RankingArgs {
  data?: unknown;
  src?: string;
  indicator?: string;
  limit?: number;
  highlight?: string;
  direction?: string;
  label?: string;
  theme?: string;
  lang?: string;
  refresh?: number;
}

/** SYNTHETIC: online-dossier rates of twelve made-up departments in two years (not real figures). */
const UNITS = ['Sở Tư pháp', 'Sở Xây dựng', 'Sở Tài chính', 'Sở Y tế', 'Sở Giáo dục và Đào tạo', 'Sở Công Thương', 'Sở Nội vụ',
  'Sở Nông nghiệp và Môi trường', 'Sở Khoa học và Công nghệ', 'Sở Văn hóa, Thể thao và Du lịch', 'Sở Dân tộc và Tôn giáo', 'Sở Ngoại vụ'];
const units = {
  chiso: 1,
  indicators: [{ id: 'dvc.online_rate', name: { vi: 'Tỷ lệ hồ sơ trực tuyến theo sở (dữ liệu mẫu)', en: 'Online dossiers by department (synthetic)' }, unit: '%', decimals: 1, thresholds: [50, 80] }],
  observations: UNITS.flatMap((name, i) => [
    { indicator: 'dvc.online_rate', area: '99', subject: { id: `so-${i}`, name }, period: '2025', value: Math.round((95 - i * 6.3 + (i % 3) * 4) * 10) / 10 },
    { indicator: 'dvc.online_rate', area: '99', subject: { id: `so-${i}`, name }, period: '2024', value: Math.round((88 - ((i * 7) % 12) * 5.1) * 10) / 10 },
  ]),
  source: { name: 'Dữ liệu mẫu sinh tự động (không phải số liệu thật)' },
};
const topUnits = { ...published, indicators: published.indicators.filter((i) => i.id === 'dx.top_units'), observations: published.observations.filter((o) => o.indicator === 'dx.top_units') };
const ict = { ...published, indicators: published.indicators.filter((i) => i.id === 'ict.rank'), observations: published.observations.filter((o) => o.indicator === 'ict.rank') };

const render = (a: RankingArgs, ctx: { globals: Record<string, string> }) => {
  const lang = a.lang ?? ctx.globals.lang ?? 'vi';
  const dark = a.theme === 'dark' || a.theme === 'contrast';
  return html`<div style="padding:1rem;max-width:36rem;background:${a.theme === 'contrast' ? '#000' : dark ? '#0d1117' : 'transparent'}">
    <chiso-ranking .data=${a.data} src=${a.src ?? nothing} indicator=${a.indicator ?? nothing} limit=${a.limit ?? nothing} highlight=${a.highlight ?? nothing}
      direction=${a.direction ?? nothing} label=${a.label ?? nothing} theme=${a.theme ?? nothing} lang=${lang} refresh=${a.refresh ?? nothing}></chiso-ranking></div>`;
};

const meta: Meta<RankingArgs> = {
  title: 'Elements/Ranking',
  component: 'chiso-ranking',
  render,
  args: { data: units, highlight: 'so-3' },
  argTypes: {
    theme: { control: 'inline-radio', options: [undefined, 'dark', 'contrast'] },
    lang: { control: 'inline-radio', options: ['vi', 'en'] },
    direction: { control: 'inline-radio', options: ['higher-is-better', 'lower-is-better'] },
  },
};
export default meta;
type Story = StoryObj<RankingArgs>;

/** Units that are not areas (departments), coloured by the thresholds, with places moved since 2024; one highlighted. */
export const Departments: Story = {};
/** 63 provinces from a GSO PX-Web download by province (synthetic values); the whole country and regions are not ranked. The top ten, and Bắc Kạn kept in view. */
export const Provinces: Story = { args: { data: pxweb, limit: 10, highlight: '06', label: 'Theo tỉnh (dữ liệu mẫu)' } };
/** Ranks as published: Bắc Kạn 16th of 63 in the ICT index (2019), up 10 places. */
export const PublishedRank: Story = { args: { data: ict, highlight: '06' } };
/** Published: Tuyên Quang's three leading units of 2023, named without values or ranks: listed as published, not ranked. */
export const LeadingUnits: Story = { args: { data: topUnits, highlight: undefined } };
export const English: Story = { args: { lang: 'en' } };
export const Dark: Story = { args: { theme: 'dark' } };
export const HighContrast: Story = { args: { theme: 'contrast' } };
export const Loading: Story = { args: { data: undefined, src: '/__demo/hang', label: 'Xếp hạng' } };
export const ErrorHttp: Story = { name: 'Error (feed missing)', args: { data: undefined, src: 'feeds/khong-co.json' } };
/** Only the whole country in the feed: nothing to rank. */
export const Empty: Story = { args: { data: { chiso: 1, observations: [{ area: 'VN', level: 'country', period: '2025', value: 1 }] }, label: 'Xếp hạng' } };
