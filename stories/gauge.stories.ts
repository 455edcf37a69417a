import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '@chiso/gauge';

interface GaugeArgs {
  src?: string;
  value?: string;
  unit?: string;
  label?: string;
  target?: number;
  thresholds?: string;
  direction?: string;
  variant: 'arc' | 'ring' | 'bullet';
  theme?: string;
  lang?: string;
  level?: string;
  area?: string;
  refresh?: number;
}

const FEED = 'feeds/phu-tho-dvc-2021.json';

const render = (a: GaugeArgs, ctx: { globals: Record<string, string> }) => {
  const lang = a.lang ?? ctx.globals.lang ?? 'vi';
  const dark = a.theme === 'dark' || a.theme === 'contrast';
  return html`<div style="padding:1rem;max-width:22rem;background:${a.theme === 'contrast' ? '#000' : dark ? '#0d1117' : 'transparent'}">
    <chiso-gauge
      src=${a.src ?? nothing} value=${a.value ?? nothing} unit=${a.unit ?? nothing} label=${a.label ?? nothing}
      target=${a.target ?? nothing} thresholds=${a.thresholds ?? nothing} direction=${a.direction ?? nothing}
      variant=${a.variant} theme=${a.theme ?? nothing} lang=${lang} level=${a.level ?? nothing} area=${a.area ?? nothing}
      refresh=${a.refresh ?? nothing}
    ></chiso-gauge></div>`;
};

const meta: Meta<GaugeArgs> = {
  title: 'Elements/Gauge',
  component: 'chiso-gauge',
  render,
  args: { src: FEED, variant: 'arc' },
  argTypes: {
    variant: { control: 'inline-radio', options: ['arc', 'ring', 'bullet'] },
    theme: { control: 'inline-radio', options: [undefined, 'dark', 'contrast'] },
    direction: { control: 'inline-radio', options: ['higher-is-better', 'lower-is-better'] },
    lang: { control: 'inline-radio', options: ['vi', 'en'] },
  },
};
export default meta;
type Story = StoryObj<GaugeArgs>;

/** Phú Thọ 2021 from the sample feed: 87,86 %, up 12,07 points, 349.887 / 398.236 hồ sơ. */
export const Arc: Story = {};
export const Ring: Story = { args: { variant: 'ring' } };
export const Bullet: Story = { args: { variant: 'bullet' } };
export const English: Story = { args: { lang: 'en' } };
export const Dark: Story = { args: { theme: 'dark' } };
export const HighContrast: Story = { args: { theme: 'contrast' } };
/** District level: below the 50 % threshold, so the bad band. */
export const BelowThreshold: Story = { args: { level: 'district' } };
/** Lower is better: overdue dossiers, 3 % against thresholds 5 and 10. */
export const LowerIsBetter: Story = {
  args: { src: undefined, value: '3', unit: '%', label: 'Tỷ lệ hồ sơ trễ hạn', thresholds: '5 10', target: 5, direction: 'lower-is-better' },
};
/** Inline values, no feed: 1.283 BTS sites against a plan of 1.400. */
export const InlineCount: Story = {
  args: { src: undefined, value: '1283', unit: 'trạm', label: 'Trạm BTS (Tuyên Quang)', target: 1400 },
  render: (a, ctx) => html`<div style="max-width:22rem">${render(a, ctx)}</div>`,
};
export const Loading: Story = { args: { src: '/__demo/hang', label: 'Tỷ lệ hồ sơ trực tuyến' } };
export const ErrorHttp: Story = { name: 'Error (feed missing)', args: { src: 'feeds/khong-co.json' } };
export const ErrorValue: Story = { name: 'Error (value "abc")', args: { src: undefined, value: 'abc', unit: '%', label: 'Tỷ lệ' } };
export const Empty: Story = { args: { area: '99' } };
/** Loads once, then every refresh fails: the last good data stays, marked stale. */
export const Stale: Story = { args: { src: '/__demo/flaky?story=stale', refresh: 2 } };
