/**
 * Vietnam's provinces, before and after the 1 July 2025 reform: GSO codes, names, English spellings and
 * the spellings publishers actually use. Facts typed in from the GSO list (mã ĐVHC); pure data and lookup.
 */

/** [code, Vietnamese name, further spellings] for the 63 provinces before July 2025. */
const PRE_2025: Array<[string, string, ...string[]]> = [
  ['01', 'Hà Nội', 'Hanoi'], ['02', 'Hà Giang'], ['04', 'Cao Bằng'], ['06', 'Bắc Kạn', 'Bac Can'], ['08', 'Tuyên Quang'],
  ['10', 'Lào Cai'], ['11', 'Điện Biên'], ['12', 'Lai Châu'], ['14', 'Sơn La'], ['15', 'Yên Bái'], ['17', 'Hòa Bình'],
  ['19', 'Thái Nguyên'], ['20', 'Lạng Sơn'], ['22', 'Quảng Ninh'], ['24', 'Bắc Giang'], ['25', 'Phú Thọ'], ['26', 'Vĩnh Phúc'],
  ['27', 'Bắc Ninh'], ['30', 'Hải Dương'], ['31', 'Hải Phòng', 'Haiphong'], ['33', 'Hưng Yên'], ['34', 'Thái Bình'],
  ['35', 'Hà Nam'], ['36', 'Nam Định'], ['37', 'Ninh Bình'], ['38', 'Thanh Hóa'], ['40', 'Nghệ An'], ['42', 'Hà Tĩnh'],
  ['44', 'Quảng Bình'], ['45', 'Quảng Trị'], ['46', 'Thừa Thiên Huế', 'Thua Thien - Hue', 'Hue'], ['48', 'Đà Nẵng', 'Danang'],
  ['49', 'Quảng Nam'], ['51', 'Quảng Ngãi'], ['52', 'Bình Định'], ['54', 'Phú Yên'], ['56', 'Khánh Hòa'],
  ['58', 'Ninh Thuận'], ['60', 'Bình Thuận'], ['62', 'Kon Tum', 'Kontum'], ['64', 'Gia Lai'], ['66', 'Đắk Lắk', 'Dac Lac', 'Daklak'],
  ['67', 'Đắk Nông', 'Dak Nong', 'Daknong'], ['68', 'Lâm Đồng'], ['70', 'Bình Phước'], ['72', 'Tây Ninh'], ['74', 'Bình Dương'],
  ['75', 'Đồng Nai'], ['77', 'Bà Rịa - Vũng Tàu', 'Ba Ria Vung Tau', 'Vung Tau'], ['79', 'Hồ Chí Minh', 'Thành phố Hồ Chí Minh', 'TP HCM', 'TPHCM', 'HCMC', 'Ho Chi Minh City', 'Sai Gon', 'Saigon'],
  ['80', 'Long An'], ['82', 'Tiền Giang'], ['83', 'Bến Tre'], ['84', 'Trà Vinh'], ['86', 'Vĩnh Long'], ['87', 'Đồng Tháp'],
  ['89', 'An Giang'], ['91', 'Kiên Giang'], ['92', 'Cần Thơ'], ['93', 'Hậu Giang'], ['94', 'Sóc Trăng'], ['95', 'Bạc Liêu'], ['96', 'Cà Mau'],
];

/** [code, Vietnamese name, further spellings] for the 34 provinces from 1 July 2025. */
const FROM_2025: Array<[string, string, ...string[]]> = [
  ['01', 'Hà Nội', 'Hanoi'], ['04', 'Cao Bằng'], ['08', 'Tuyên Quang'], ['11', 'Điện Biên'], ['12', 'Lai Châu'], ['14', 'Sơn La'],
  ['15', 'Lào Cai'], ['19', 'Thái Nguyên'], ['20', 'Lạng Sơn'], ['22', 'Quảng Ninh'], ['24', 'Bắc Ninh'], ['25', 'Phú Thọ'],
  ['31', 'Hải Phòng', 'Haiphong'], ['33', 'Hưng Yên'], ['37', 'Ninh Bình'], ['38', 'Thanh Hóa'], ['40', 'Nghệ An'], ['42', 'Hà Tĩnh'],
  ['44', 'Quảng Trị'], ['46', 'Huế', 'Thành phố Huế', 'Thừa Thiên Huế'], ['48', 'Đà Nẵng', 'Danang'], ['51', 'Quảng Ngãi'], ['52', 'Gia Lai'],
  ['56', 'Khánh Hòa'], ['66', 'Đắk Lắk', 'Daklak'], ['68', 'Lâm Đồng'], ['75', 'Đồng Nai'], ['79', 'Hồ Chí Minh', 'Thành phố Hồ Chí Minh', 'TP HCM', 'TPHCM', 'HCMC', 'Ho Chi Minh City', 'Saigon'],
  ['80', 'Tây Ninh'], ['82', 'Đồng Tháp'], ['86', 'Vĩnh Long'], ['91', 'An Giang'], ['92', 'Cần Thơ'], ['96', 'Cà Mau'],
];

/** The whole country, as publishers label it. */
const COUNTRY = ['Cả nước', 'Toàn quốc', 'Việt Nam', 'Vietnam', 'Viet Nam', 'Whole country', 'Country', 'VN', 'VNM'];

/**
 * GSO's six socio-economic regions (vùng kinh tế - xã hội), as GSO labels them in Vietnamese and English.
 * Their keys (`region:RRD`…) are stable and can never equal a GSO code, so a region's figures are never
 * taken for a province's.
 */
const REGIONS: Array<[string, string, ...string[]]> = [
  ['region:RRD', 'Đồng bằng sông Hồng', 'Red River Delta'],
  ['region:NMM', 'Trung du và miền núi phía Bắc', 'Northern midlands and mountain areas', 'Northern midlands and mountainous areas', 'Trung du miền núi phía Bắc', 'Trung du và miền núi Bắc Bộ'],
  ['region:NCC', 'Bắc Trung Bộ và duyên hải miền Trung', 'North Central and Central coastal areas', 'North Central area and Central coastal area', 'Bắc Trung Bộ và Duyên hải Trung Bộ'],
  ['region:CH', 'Tây Nguyên', 'Central Highlands'],
  ['region:SE', 'Đông Nam Bộ', 'South East', 'Southeast'],
  ['region:MRD', 'Đồng bằng sông Cửu Long', 'Mekong River Delta', 'Mekong Delta'],
];

export type Era = 'pre2025' | '2025';

export interface Province {
  code: string;
  name: string;
  era: Era;
}

/**
 * A name reduced to what identifies it: no diacritics (đ → d, and both "Hoà"/"Hòa" placements), lower
 * case, administrative prefixes ("Tỉnh", "Thành phố", "TP.", "province", "city") and all spacing and
 * punctuation removed.
 */
export function nameKey(name: string): string {
  return String(name)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/^\s*(tinh|thanh pho|tp\.?|t\.p\.?)\s+/, '')
    .replace(/\s+(province|city|municipality)\s*$/, '')
    .replace(/^\s*(province of|city of)\s+/, '')
    .replace(/[^a-z0-9]/g, '');
}

function index(table: Array<[string, string, ...string[]]>, era: Era) {
  const byKey = new Map<string, Province>();
  const byCode = new Map<string, Province>();
  for (const [code, name, ...more] of table) {
    const p: Province = { code, name, era };
    byCode.set(code, p);
    for (const n of [name, ...more]) byKey.set(nameKey(n), p);
  }
  return { byKey, byCode };
}

const pre = index(PRE_2025, 'pre2025');
const post = index(FROM_2025, '2025');
const countryKeys = new Set(COUNTRY.map(nameKey));
/** Region names also lose "area(s)", "region" and "vùng", which publishers add or drop. */
const regionKey = (name: string) => nameKey(name).replace(/^vung/, '').replace(/(areas?|regions?)$/, '');
const regionByKey = new Map<string, Region>();
for (const [code, name, ...more] of REGIONS) {
  const en = more[0];
  for (const n of [name, ...more]) regionByKey.set(regionKey(n), { code, name, nameEn: en });
}

export interface Region {
  /** Stable key, e.g. `region:MRD`: never a GSO code. */
  code: string;
  name: string;
  nameEn: string;
}

/** GSO's six socio-economic regions, north to south. */
export function regions(): Region[] {
  return [...new Map([...regionByKey.values()].map((r) => [r.code, r])).values()];
}

/** The provinces of an era, in code order. */
export function provinces(era: Era = 'pre2025'): Province[] {
  return [...(era === '2025' ? post : pre).byCode.values()];
}

/** The era a period falls in: from 2025-07 on, the 34 provinces (the year 2025 as a whole, and no period: the earlier). */
export function eraOfPeriod(period: string | undefined): Era {
  return knownEraOfPeriod(period) ?? 'pre2025';
}

/** The era a period falls in, or undefined when there is no period to tell (a code then matches in either). */
export function knownEraOfPeriod(period: string | undefined): Era | undefined {
  const m = String(period ?? '').match(/^(\d{4})(?:-(?:Q(\d)|H(\d)|(\d{2})))?/i);
  if (!m) return undefined;
  const year = +m[1];
  if (year !== 2025) return year > 2025 ? '2025' : 'pre2025';
  // 2025 as a whole straddles the reform (1 July): it says nothing; its months, quarters and halves do.
  if (!m[2] && !m[3] && !m[4]) return undefined;
  const month = m[4] ? +m[4] : m[2] ? (+m[2] - 1) * 3 + 1 : (+m[3] - 1) * 6 + 1;
  return month >= 7 ? '2025' : 'pre2025';
}

export interface AreaMatch {
  code: string;
  name: string;
  level: 'country' | 'region' | 'province';
}

/** Whether a level is an aggregate of provinces (the whole country or a region): never drawn, ranked or summed with them. */
export function isAggregateLevel(level: string | undefined): boolean {
  return level === 'country' || level === 'region';
}

/**
 * The key of an area that matched nothing: `x:56`, `x:Atlantis`. It can never equal a GSO code, so it is never
 * drawn, ranked or summed as one; the publisher's label stays in `areaName` and in the model's `unmatched`.
 */
export function unmatchedKey(key: string): string {
  const k = String(key ?? '').trim();
  return k ? `x:${k}` : '';
}

/** Whether an area key is one a reader kept apart because it matched nothing (`x:…`). */
export function isUnmatchedKey(area: string): boolean {
  return area.startsWith('x:');
}

/**
 * The province a GSO province code (`8`, `08`) stands for in an era; with no era, in either (the era's own
 * first). Null for anything that is not a province code of that era.
 */
export function matchProvinceCode(input: string | number, era?: Era): AreaMatch | null {
  const raw = String(input ?? '').trim();
  if (!/^\d{1,2}$/.test(raw)) return null;
  const code = raw.padStart(2, '0');
  const tables = era === '2025' ? [post] : era === 'pre2025' ? [pre] : [pre, post];
  for (const t of tables) {
    const p = t.byCode.get(code);
    if (p) return { code: p.code, name: p.name, level: 'province' };
  }
  return null;
}

/**
 * Matches a name (never a code: digits match nothing) to the whole country, one of GSO's six regions, or a
 * province. `era` decides names whose code changed in 2025 (Lào Cai was 10, is 15). A province name of the
 * other era still matches when its code means nothing else in this era (Hà Giang → 02 after 2025), never
 * when that code now belongs to another province (Bắc Giang's 24 is Bắc Ninh's from July 2025).
 */
export function matchAreaName(input: string, era: Era = 'pre2025'): AreaMatch | null {
  const raw = String(input ?? '').trim();
  if (!raw || /^\d+$/.test(raw)) return null;
  const key = nameKey(raw);
  if (!key) return null;
  if (countryKeys.has(key)) return { code: 'VN', name: 'Việt Nam', level: 'country' };
  const [own, other] = era === '2025' ? [post, pre] : [pre, post];
  const p = own.byKey.get(key);
  if (p) return { code: p.code, name: p.name, level: 'province' };
  const region = regionByKey.get(regionKey(raw));
  if (region) return { code: region.code, name: region.name, level: 'region' };
  const q = other.byKey.get(key);
  if (q && !own.byCode.has(q.code)) return { code: q.code, name: q.name, level: 'province' };
  return null;
}

/**
 * Matches a code or a name to a province (or the whole country, or a region). Codes may lack zero padding
 * (`8` → `08`). Returns null when nothing matches. Readers that cannot tell a code from a position use
 * {@link matchAreaName} and {@link matchProvinceCode} separately.
 */
export function matchProvince(input: string | number, era: Era = 'pre2025'): AreaMatch | null {
  const raw = String(input ?? '').trim();
  if (!raw) return null;
  if (/^\d{1,2}$/.test(raw)) return matchProvinceCode(raw, era) ?? matchProvinceCode(raw);
  return matchAreaName(raw, era);
}
