import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '@chiso/gauge';
import published from '../examples/feeds/so-lieu-cong-bo.json';

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
/** A published figure, from the one file of them. */
const figure = (indicator: string, area: string) => published.observations.find((o) => o.indicator === indicator && o.area === area)!;

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

/** Phú Thọ 2021 as published: 87,86 % of dossiers filed online (349.887 hồ sơ trực tuyến). No 2020 rate was published, so no change is shown. */
export const Arc: Story = {};
export const Ring: Story = { args: { variant: 'ring' } };
export const Bullet: Story = { args: { variant: 'bullet' } };
export const English: Story = { args: { lang: 'en' } };
export const Dark: Story = { args: { theme: 'dark' } };
export const HighContrast: Story = { args: { theme: 'contrast' } };
/** Phú Thọ's district tier in 2021 (34,1 %): below the 50 % band, so the bad band. */
export const BelowThreshold: Story = { args: { level: 'district' } };
/** Lower is better: overdue dossiers, 3 % against thresholds 5 and 10 (synthetic value). */
export const LowerIsBetter: Story = {
  args: { src: undefined, value: '3', unit: '%', label: 'Tỷ lệ hồ sơ trễ hạn (minh họa)', thresholds: '5 10', target: 5, direction: 'lower-is-better' },
};
/** Inline values, no feed: Tuyên Quang's published 100 % of villages with mobile coverage in 2024. */
export const InlineValue: Story = {
  args: { src: undefined, value: String(figure('bts.villages_covered_rate', '08').value), unit: '%', label: 'Thôn, bản có sóng di động — Tuyên Quang 2024 (số liệu công bố)' },
  render: (a, ctx) => html`<div style="max-width:22rem">${render(a, ctx)}</div>`,
};
export const Loading: Story = { args: { src: '/__demo/hang', label: 'Tỷ lệ hồ sơ trực tuyến' } };
export const ErrorHttp: Story = { name: 'Error (feed missing)', args: { src: 'feeds/khong-co.json' } };
export const ErrorValue: Story = { name: 'Error (value "abc")', args: { src: undefined, value: 'abc', unit: '%', label: 'Tỷ lệ' } };
export const Empty: Story = { args: { area: '99' } };
/** Loads once, then every refresh fails: the last good data stays, marked stale. */
export const Stale: Story = { args: { src: '/__demo/flaky?story=stale', refresh: 2 } };
