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

/** The provinces of an era, in code order. */
export function provinces(era: Era = 'pre2025'): Province[] {
  return [...(era === '2025' ? post : pre).byCode.values()];
}

/** The era a period falls in: from 2025-07 on, the 34 provinces. */
export function eraOfPeriod(period: string | undefined): Era {
  const m = String(period ?? '').match(/^(\d{4})(?:-(?:Q(\d)|H(\d)|(\d{2})))?/i);
  if (!m) return 'pre2025';
  const year = +m[1];
  if (year !== 2025) return year > 2025 ? '2025' : 'pre2025';
  const month = m[4] ? +m[4] : m[2] ? (+m[2] - 1) * 3 + 1 : m[3] ? (+m[3] - 1) * 6 + 1 : 1;
  return month >= 7 ? '2025' : 'pre2025';
}

export interface AreaMatch {
  code: string;
  name: string;
  level: 'country' | 'province';
}

/**
 * Matches a code or a name to a province (or the whole country). Codes may lack zero padding (`8` → `08`).
 * `era` decides names whose code changed in 2025 (Lào Cai was 10, is 15); a name found only in the other
 * era still matches. Returns null when nothing matches.
 */
export function matchProvince(input: string | number, era: Era = 'pre2025'): AreaMatch | null {
  const raw = String(input ?? '').trim();
  if (!raw) return null;
  const [first, second] = era === '2025' ? [post, pre] : [pre, post];
  if (/^\d{1,2}$/.test(raw)) {
    const code = raw.padStart(2, '0');
    const p = first.byCode.get(code) ?? second.byCode.get(code);
    return p ? { code: p.code, name: p.name, level: 'province' } : null;
  }
  const key = nameKey(raw);
  if (!key) return null;
  if (countryKeys.has(key)) return { code: 'VN', name: 'Việt Nam', level: 'country' };
  const p = first.byKey.get(key) ?? second.byKey.get(key);
  return p ? { code: p.code, name: p.name, level: 'province' } : null;
}
