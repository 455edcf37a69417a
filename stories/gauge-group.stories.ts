import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '@chiso/gauge';

interface GroupArgs { src?: string; variant: string; theme?: string; lang?: string; data?: unknown; refresh?: number; area?: string }

const meta: Meta<GroupArgs> = {
  title: 'Elements/Gauge group',
  component: 'chiso-gauge-group',
  args: { src: 'feeds/phu-tho-dvc-2021.json', variant: 'arc' },
  argTypes: { variant: { control: 'inline-radio', options: ['arc', 'ring', 'bullet'] }, theme: { control: 'inline-radio', options: [undefined, 'dark', 'contrast'] } },
  render: (a, ctx) => html`<div style="padding:1rem;background:${a.theme === 'contrast' ? '#000' : a.theme === 'dark' ? '#0d1117' : 'transparent'};color:${a.theme ? '#fff' : 'inherit'}">
    <chiso-gauge-group src=${a.src ?? nothing} .data=${a.data} refresh=${a.refresh ?? nothing} area=${a.area ?? nothing} variant=${a.variant} theme=${a.theme ?? nothing} lang=${a.lang ?? ctx.globals.lang ?? 'vi'}></chiso-gauge-group></div>`,
};
export default meta;
type Story = StoryObj<GroupArgs>;

/** Phú Thọ 2021: province 87,86 %, district 34,1 %, commune 16,55 %. */
export const ByLevel: Story = {};
/** After July 2025 there is no district level: two gauges. */
export const TwoLevels: Story = {
  args: {
    src: undefined,
    data: {
      chiso: 1,
      indicators: [{ id: 'dvc.online_rate', name: { vi: 'Tỷ lệ hồ sơ trực tuyến (minh họa)', en: 'Online dossier rate (illustrative)' }, unit: '%', thresholds: [50, 80] }],
      observations: [{ area: '99', level: 'province', name: 'Tỉnh Mẫu (dữ liệu mẫu)', period: '2025-Q4', value: 91.2 }, { area: '99', level: 'province', tier: 'commune', name: 'Tỉnh Mẫu (dữ liệu mẫu)', period: '2025-Q4', value: 72.4 }],
    },
  },
};
export const Dark: Story = { args: { theme: 'dark' } };
export const Bullets: Story = { args: { variant: 'bullet' } };
export const HighContrast: Story = { args: { theme: 'contrast' } };
export const English: Story = { args: { lang: 'en' } };
export const Loading: Story = { args: { src: '/__demo/hang' } };
/** The feed has nothing for the area asked for (Hà Nội, 01): the group says so. */
export const Empty: Story = { args: { area: '01' } };
/** The feed is missing (404). */
export const MissingFeed: Story = { args: { src: 'feeds/khong-co.json' } };
/** The feed answered once, then its refresh failed: the gauges stay, marked as not current. */
export const Stale: Story = { args: { src: '/__demo/flaky?story=group-stale', refresh: 2 } };
