/** What chiso elements say to people, Vietnamese first. Pure. */

const vi = {
  loading: 'Đang tải dữ liệu…',
  empty: 'Không có dữ liệu phù hợp',
  emptyNoSource: 'Chưa có nguồn dữ liệu',
  errorTitle: 'Không hiển thị được chỉ số',
  stale: 'Dữ liệu cũ, từ {time}',
  details: 'Chi tiết',
  download: 'Tải xuống',
  source: 'Nguồn',
  updated: 'cập nhật',
  status: 'Mức',
  band_bad: 'Chưa đạt',
  band_fair: 'Trung bình',
  band_good: 'Tốt',
  targetMet: 'đạt mục tiêu',
  targetMissed: 'chưa đạt mục tiêu',
  comparedToPrevious: 'so với kỳ trước',
  up: 'tăng',
  down: 'giảm',
  unchanged: 'không đổi',
  invalidValue: 'Giá trị không phải là số hợp lệ',
  outOfRange: 'Tỷ lệ {value} nằm ngoài khoảng 0–100 %',
  level_country: 'Toàn quốc',
  level_province: 'Cấp tỉnh',
  level_district: 'Cấp huyện',
  level_commune: 'Cấp xã',
  level_village: 'Thôn, bản',
};

type Messages = typeof vi;

const en: Messages = {
  loading: 'Loading data…',
  empty: 'No data matches',
  emptyNoSource: 'No data source yet',
  errorTitle: 'The indicator cannot be shown',
  stale: 'Stale data, from {time}',
  details: 'Details',
  download: 'Download',
  source: 'Source',
  updated: 'updated',
  status: 'Status',
  band_bad: 'Below threshold',
  band_fair: 'Fair',
  band_good: 'Good',
  targetMet: 'target met',
  targetMissed: 'target not met',
  comparedToPrevious: 'against the previous period',
  up: 'up',
  down: 'down',
  unchanged: 'unchanged',
  invalidValue: 'The value is not a valid number',
  outOfRange: 'The rate {value} is outside 0–100%',
  level_country: 'Country',
  level_province: 'Province',
  level_district: 'District',
  level_commune: 'Commune',
  level_village: 'Village',
};

export type MessageKey = keyof Messages;

/** A message in `vi` (default) or `en`, with `{name}` placeholders filled in as plain text. */
export function msg(lang: string | undefined, key: MessageKey, params: Record<string, string> = {}): string {
  const table = (lang ?? 'vi').toLowerCase().startsWith('en') ? en : vi;
  return table[key].replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');
}

/** The label of an administrative level (`Cấp tỉnh`…), or the level itself when it is not a known one. */
export function levelLabel(level: string | undefined, lang?: string): string {
  if (!level) return '';
  const key = `level_${level}` as MessageKey;
  return key in vi ? msg(lang, key) : level;
}
