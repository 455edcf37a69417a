/**
 * Progress of a plan's tasks from any feed: counts by status ("hoàn thành", "đúng tiến độ", "chậm tiến độ",
 * "chưa triển khai", or the publisher's own words), the plan's size, a breakdown by unit, and deadlines.
 *
 * The feed form (documented in the README and the JSON Schema): one indicator whose observations are counts,
 * each with its status in `dims.status` (or a dimension named `trạng thái`, `tình trạng`, `tiến độ`; a CSV or
 * CKAN column of that name; a JSON-stat dimension), optionally a `subject` (the unit: a department, a commune)
 * and `dims.deadline` (an ISO date). The plan's size is a row with no status or with status `total` ("kế hoạch",
 * "tổng"), or another indicator's value (`planned`). Pure: no DOM.
 */
import { comparePeriods, localize, resolveIndicator, type FeedModel, type FeedSource, type Indicator, type Observation } from '@chiso/core';

/** The statuses chiso knows, in the order they are drawn (finished first, not started last). */
export const TASK_STATUSES = ['done', 'on-schedule', 'in-progress', 'late', 'not-started'] as const;
export type KnownTaskStatus = typeof TASK_STATUSES[number];

const STATUS_LABELS: Record<KnownTaskStatus | 'unreported', { vi: string; en: string }> = {
  done: { vi: 'hoàn thành', en: 'done' },
  'on-schedule': { vi: 'đúng tiến độ', en: 'on schedule' },
  'in-progress': { vi: 'đang thực hiện', en: 'in progress' },
  late: { vi: 'chậm tiến độ', en: 'behind schedule' },
  'not-started': { vi: 'chưa triển khai', en: 'not started' },
  unreported: { vi: 'chưa báo cáo tình trạng', en: 'status not reported' },
};

/** Folds Vietnamese and English wording to one key: no case, no diacritics, words joined by `-`. */
export function wordKey(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase().trim().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

const STATUS_WORDS: Record<string, KnownTaskStatus | 'total'> = {};
const words = (status: KnownTaskStatus | 'total', list: string[]) => list.forEach((w) => (STATUS_WORDS[wordKey(w)] = status));
words('done', ['done', 'completed', 'complete', 'finished', 'hoàn thành', 'đã hoàn thành', 'xong']);
words('on-schedule', ['on-schedule', 'on schedule', 'on track', 'on-track', 'đúng tiến độ', 'đảm bảo tiến độ', 'đang thực hiện đúng tiến độ']);
words('in-progress', ['in-progress', 'in progress', 'ongoing', 'đang thực hiện', 'đang triển khai']);
words('late', ['late', 'behind', 'behind schedule', 'delayed', 'overdue', 'chậm tiến độ', 'chậm', 'quá hạn', 'trễ hạn']);
words('not-started', ['not-started', 'not started', 'chưa triển khai', 'chưa thực hiện', 'chưa bắt đầu']);
words('total', ['total', 'planned', 'plan', 'all', 'tổng', 'tổng số', 'kế hoạch', 'tổng số nhiệm vụ']);

/** A status as chiso knows it (`done`…), `total` for the plan's size, or the publisher's own words. */
export function normalizeTaskStatus(raw: string): KnownTaskStatus | 'total' | string {
  return STATUS_WORDS[wordKey(raw)] ?? raw.trim();
}

const STATUS_DIMS = new Set(['status', 'task-status', 'trang-thai', 'tinh-trang', 'tien-do']);
const DEADLINE_DIMS = new Set(['deadline', 'due', 'han', 'thoi-han', 'han-hoan-thanh']);

function dimOf(o: Observation, names: Set<string>, asked?: string): string | undefined {
  if (!o.dims) return undefined;
  if (asked) return o.dims[asked];
  for (const [k, v] of Object.entries(o.dims)) if (names.has(wordKey(k))) return v;
  return undefined;
}

/** One status as drawn: its key, its label in the page's language and its count. */
export interface ProgressStatus {
  key: string;
  /** `done`, `on-schedule`, `in-progress`, `late`, `not-started`, `other` (the publisher's own word) or `unreported` (the plan's tasks no status was given for). */
  kind: KnownTaskStatus | 'other' | 'unreported';
  label: string;
  count: number;
}

/** One unit's progress (a department, a commune). */
export interface ProgressUnit {
  key: string;
  name: string;
  total: number;
  complete: number;
  byStatus: Record<string, number>;
  /** The latest deadline the feed gives for the unit's tasks (ISO date). */
  deadline?: string;
  /** Its deadline has passed with tasks not complete. */
  overdue?: boolean;
}

export interface ProgressView {
  indicator: Indicator;
  period?: string;
  /** Tasks in the plan: its declared size, else the tasks counted by status. */
  total: number;
  /** Tasks in the statuses counted as complete (`done` by default). */
  complete: number;
  /** The feed gives a count for at least one of the statuses counted as complete: without one, "0/81" would be a guess. */
  completeKnown: boolean;
  /** Counts by status key (the plan's tasks without a status under `unreported`). */
  byStatus: Record<string, number>;
  /** The statuses in drawing order, each once, with their labels. */
  statuses: ProgressStatus[];
  /** The plan's declared size when the feed gives one. */
  planned?: number;
  /** The declared plan is smaller than the tasks counted by status: both are shown, neither is changed. */
  planBelowCount?: boolean;
  units: ProgressUnit[];
  /** The latest deadline of the plan. */
  deadline?: string;
  overdue?: boolean;
  /** The statuses counted as complete. */
  completeStatuses: string[];
  source?: FeedSource;
}

export interface ProgressOptions {
  indicator?: string;
  area?: string;
  period?: string;
  /** The dimension that holds the status; found by name by default. */
  statusDim?: string;
  /** Statuses counted as complete in "73/81" (default `done`). */
  complete?: string[];
  /** An indicator whose value is the plan's size. */
  planned?: string;
  /** The date deadlines are checked against (ISO); today by default. */
  asOf?: string;
  lang?: string;
}

export const statusLabel = (key: string, lang: string): string => {
  const known = STATUS_LABELS[key as KnownTaskStatus];
  return known ? (lang.startsWith('en') ? known.en : known.vi) : key;
};

/** The view of a plan's progress, or undefined when the feed has no status counts (nor a plan size) for it. */
export function buildProgress(model: FeedModel | undefined, o: ProgressOptions = {}): ProgressView | undefined {
  if (!model) return undefined;
  const lang = o.lang ?? 'vi';
  const indicator = resolveIndicator(model, o.indicator);
  if (!indicator) return undefined;
  const inArea = (x: Observation) => !o.area || x.area === o.area;
  let rows = model.observations.filter((x) => x.indicator === indicator.id && inArea(x) && x.value !== null && Number.isFinite(x.value));
  const periods = [...new Set(rows.map((x) => x.period))].sort(comparePeriods);
  const period = o.period ?? periods.at(-1);
  rows = rows.filter((x) => x.period === (period ?? ''));
  const statusOf = (x: Observation) => {
    const raw = dimOf(x, STATUS_DIMS, o.statusDim) ?? (o.statusDim ? undefined : x.status);
    return raw ? normalizeTaskStatus(raw) : undefined;
  };
  const completeStatuses = (o.complete?.length ? o.complete : ['done']).map(normalizeTaskStatus);
  // Rows of units (a subject, or an area below the one asked for) and rows of the whole plan: the plan's own rows
  // are the publisher's totals; units are summed only when there are none.
  const unitKey = (x: Observation) => x.subject?.id ?? (o.area ? undefined : x.area);
  const areas = new Set(rows.map((x) => x.area));
  const hasSubjects = rows.some((x) => x.subject);
  const isUnitRow = (x: Observation) => (hasSubjects ? !!x.subject : areas.size > 1);
  const planRows = rows.filter((x) => !isUnitRow(x));
  const unitRows = rows.filter(isUnitRow);

  const tally = (list: Observation[]) => {
    const byStatus: Record<string, number> = {};
    let declared: number | undefined;
    let deadline: string | undefined;
    for (const x of list) {
      const status = statusOf(x);
      const d = dimOf(x, DEADLINE_DIMS);
      if (d && /^\d{4}-\d{2}(-\d{2})?$/.test(d) && (!deadline || d > deadline)) deadline = d;
      // A count with no status is the plan's size (Tuyên Quang's "81 nhiệm vụ" of 2024), as a `total` row is.
      if (status === undefined || status === 'total') declared = (declared ?? 0) + x.value!;
      else byStatus[status] = (byStatus[status] ?? 0) + x.value!;
    }
    return { byStatus, declared, deadline };
  };
  const asOf = o.asOf ?? new Date().toISOString().slice(0, 10);
  const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
  const completeOf = (r: Record<string, number>) => completeStatuses.reduce((a, s) => a + (r[s] ?? 0), 0);

  // The plan's own rows give its counts; when they give only its size, the units' counts are summed under it.
  const own = tally(planRows);
  const fromUnits = tally(unitRows);
  const whole = Object.keys(own.byStatus).length || !unitRows.length
    ? own : { byStatus: fromUnits.byStatus, declared: own.declared ?? fromUnits.declared, deadline: own.deadline ?? fromUnits.deadline };
  const counted = planRows.length ? planRows : rows;
  let planned = whole.declared;
  if (o.planned) {
    const p = model.observations.find((x) => x.indicator === o.planned && inArea(x) && x.value !== null && (x.period === period || !period));
    if (p) planned = p.value!;
  }
  const counts = sum(whole.byStatus);
  if (!counts && planned === undefined) return undefined;
  const byStatus = { ...whole.byStatus };
  if (planned !== undefined && planned > counts) byStatus.unreported = planned - counts;
  const total = planned !== undefined ? Math.max(planned, counts) : counts;

  const unitGroups = new Map<string, Observation[]>();
  for (const x of unitRows) {
    const k = unitKey(x);
    if (k === undefined) continue;
    unitGroups.set(k, [...(unitGroups.get(k) ?? []), x]);
  }
  const units: ProgressUnit[] = [...unitGroups].map(([key, list]) => {
    const t = tally(list);
    const first = list[0];
    const unitTotal = t.declared !== undefined ? Math.max(t.declared, sum(t.byStatus)) : sum(t.byStatus);
    if (t.declared !== undefined && t.declared > sum(t.byStatus)) t.byStatus.unreported = t.declared - sum(t.byStatus);
    const complete = completeOf(t.byStatus);
    const unit: ProgressUnit = {
      key, name: first.subject ? localize(first.subject.name, lang) || first.subject.id : first.areaName || first.area,
      total: unitTotal, complete, byStatus: t.byStatus,
    };
    if (t.deadline) {
      unit.deadline = t.deadline;
      if (t.deadline < asOf && complete < unitTotal) unit.overdue = true;
    }
    return unit;
  });

  const keys = new Set([...Object.keys(byStatus), ...units.flatMap((u) => Object.keys(u.byStatus))]);
  const order = (k: string) => (k === 'unreported' ? 99 : (TASK_STATUSES as readonly string[]).includes(k) ? TASK_STATUSES.indexOf(k as KnownTaskStatus) : 50);
  const statuses: ProgressStatus[] = [...keys].sort((a, b) => order(a) - order(b) || a.localeCompare(b, 'vi')).map((key) => ({
    key,
    kind: key === 'unreported' ? 'unreported' : (TASK_STATUSES as readonly string[]).includes(key) ? key as KnownTaskStatus : 'other',
    label: statusLabel(key, lang),
    count: byStatus[key] ?? 0,
  }));
  const complete = completeOf(byStatus);
  const deadline = whole.deadline ?? units.map((u) => u.deadline).filter(Boolean).sort().at(-1);
  const completeKnown = completeStatuses.some((s) => s in whole.byStatus);
  const view: ProgressView = { indicator, ...(period ? { period } : {}), total, complete, completeKnown, byStatus, statuses, units, completeStatuses };
  if (planned !== undefined) view.planned = planned;
  if (planned !== undefined && planned < counts) view.planBelowCount = true;
  if (deadline) {
    view.deadline = deadline;
    if (deadline < asOf && complete < total) view.overdue = true;
  }
  const source = counted.find((x) => x.source)?.source ?? model.source;
  if (source) view.source = source;
  return view;
}
