import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '@chiso/gauge';
import published from '../examples/feeds/so-lieu-cong-bo.json';

interface ProgressArgs {
  data?: unknown;
  src?: string;
  indicator?: string;
  complete?: string;
  byUnit?: boolean;
  asOf?: string;
  label?: string;
  theme?: string;
  lang?: string;
}

/** SYNTHETIC: a digital-transformation plan of six made-up departments, by status, with deadlines (not real figures). */
const UNITS: Array<[string, number, number, number, number, string]> = [
  ['Sở Khoa học và Công nghệ', 9, 3, 0, 0, '2025-12-31'], ['Sở Tư pháp', 6, 2, 1, 0, '2025-12-31'], ['Sở Tài chính', 4, 4, 2, 1, '2025-09-30'],
  ['Sở Y tế', 3, 2, 3, 2, '2025-06-30'], ['Sở Xây dựng', 2, 3, 1, 3, '2026-03-31'], ['Sở Nội vụ', 5, 1, 0, 1, '2025-12-31'],
];
const STATUSES = ['Hoàn thành', 'Đúng tiến độ', 'Chậm tiến độ', 'Chưa triển khai'];
const plan = {
  chiso: 1,
  indicators: [{ id: 'cds.nhiem_vu', name: { vi: 'Nhiệm vụ chuyển đổi số năm 2025 (dữ liệu mẫu)', en: 'Digital-transformation tasks, 2025 (synthetic)' }, unit: 'nhiệm vụ' }],
  observations: UNITS.flatMap(([name, ...rest], i) => STATUSES.map((status, s) => ({
    indicator: 'cds.nhiem_vu', area: '99', period: '2025', subject: { id: `so-${i}`, name }, value: rest[s] as number, dims: { status, deadline: rest[4] as string },
  }))),
  source: { name: 'Dữ liệu mẫu sinh tự động (không phải số liệu thật)' },
};
/** Published: Tuyên Quang's plan of 81 digital-transformation tasks (2024); no count by status was published. */
const tuyenQuang = { ...published, indicators: published.indicators.filter((i) => i.id === 'dx.tasks_planned'), observations: published.observations.filter((o) => o.indicator === 'dx.tasks_planned') };

const render = (a: ProgressArgs, ctx: { globals: Record<string, string> }) => {
  const lang = a.lang ?? ctx.globals.lang ?? 'vi';
  const dark = a.theme === 'dark' || a.theme === 'contrast';
  return html`<div style="padding:1rem;max-width:36rem;background:${a.theme === 'contrast' ? '#000' : dark ? '#0d1117' : 'transparent'}">
    <chiso-progress .data=${a.data} src=${a.src ?? nothing} indicator=${a.indicator ?? nothing} complete=${a.complete ?? nothing} ?by-unit=${a.byUnit}
      as-of=${a.asOf ?? nothing} label=${a.label ?? nothing} theme=${a.theme ?? nothing} lang=${lang}></chiso-progress></div>`;
};

const meta: Meta<ProgressArgs> = {
  title: 'Elements/Progress',
  component: 'chiso-progress',
  render,
  args: { data: plan, asOf: '2025-09-01' },
  argTypes: {
    theme: { control: 'inline-radio', options: [undefined, 'dark', 'contrast'] },
    lang: { control: 'inline-radio', options: ['vi', 'en'] },
    byUnit: { control: 'boolean' },
  },
};
export default meta;
type Story = StoryObj<ProgressArgs>;

/** A plan's tasks by status (synthetic): "hoàn thành" of the whole plan, one stacked bar, the legend. */
export const Plan: Story = {};
/** By department, each with its deadline; a deadline passed with tasks not done is marked (checked as of 1 September 2025). */
export const ByUnit: Story = { args: { byUnit: true } };
/** "Complete" counted as done or on schedule. */
export const DoneOrOnSchedule: Story = { args: { complete: 'done,on-schedule' } };
/** Published: Tuyên Quang's 81 tasks of 2024, with no status published: shown as the plan, nothing made up. */
export const PublishedPlan: Story = { args: { data: tuyenQuang, indicator: 'dx.tasks_planned' } };
export const English: Story = { args: { lang: 'en', byUnit: true } };
export const Dark: Story = { args: { theme: 'dark', byUnit: true } };
export const HighContrast: Story = { args: { theme: 'contrast', byUnit: true } };
export const Loading: Story = { args: { data: undefined, src: '/__demo/hang', label: 'Nhiệm vụ' } };
export const ErrorHttp: Story = { name: 'Error (feed missing)', args: { data: undefined, src: 'feeds/khong-co.json' } };
/** A feed with no counts: nothing to show. */
export const Empty: Story = { args: { data: { chiso: 1, observations: [{ area: '99', period: '2025', value: null }] }, label: 'Nhiệm vụ' } };
