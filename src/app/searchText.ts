/**
 * Text normalisation for search, chosen to be cheap and predictable:
 *
 * - NFKC folds full-width letters, digits and punctuation (common from Chinese IMEs) to ASCII;
 * - case is ignored;
 * - traditional characters that occur in the zones' landmark names fold to simplified ones (a
 *   short table, not a general converter), so 龍美術館 finds 龙美术馆;
 * - a "compact" form also drops spaces and punctuation, so 杨浦 大桥 finds 杨浦大桥 and
 *   "longmuseum" finds "Long Museum".
 *
 * Pinyin is not matched: a useful pinyin table for every name would outweigh the index itself.
 * English names cover Latin input instead.
 */

/** Traditional → simplified for the characters of the landmark and viewpoint names we ship. */
const TRAD_TO_SIMP: Readonly<Record<string, string>> = {
  龍: '龙', 術: '术', 館: '馆', 華: '华', 寶: '宝', 藝: '艺', 畫: '画', 廳: '厅', 紀: '纪', 覽: '览',
  會: '会', 國: '国', 際: '际', 車: '车', 場: '场', 園: '园', 廠: '厂', 樓: '楼', 號: '号', 門: '门',
  橋: '桥', 楊: '杨', 濱: '滨', 滬: '沪', 遠: '远', 樹: '树', 區: '区', 攝: '摄', 線: '线', 島: '岛',
  碼: '码', 頭: '头', 業: '业', 產: '产', 東: '东', 灣: '湾', 陳: '陈', 歷: '历', 傳: '传', 統: '统',
  廣: '广', 發: '发', 創: '创', 軌: '轨', 鐵: '铁', 運: '运', 動: '动', 學: '学', 體: '体', 務: '务',
  劃: '划', 劇: '剧', 級: '级', 監: '监', 獄: '狱', 難: '难', 猶: '犹', 寧: '宁', 輕: '轻', 塢: '坞',
};

const TRAD_RE = new RegExp(`[${Object.keys(TRAD_TO_SIMP).join('')}]`, 'g');
/** Spaces and punctuation dropped by the compact form (ASCII after NFKC, plus CJK marks). */
const COMPACT_DROP_RE = /[\s\-_.,;:/\\()[\]{}'"·・、，。《》〈〉「」『』【】()]+/g;

export function normalizeForSearch(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(TRAD_RE, (c) => TRAD_TO_SIMP[c] ?? c).replace(/\s+/g, ' ').trim();
}

export function compactForSearch(s: string): string {
  return normalizeForSearch(s).replace(COMPACT_DROP_RE, '');
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * How well `text` matches the normalised query `q` (with `qc` its compact form), lower is better:
 * 0 exact, 1 prefix, 2 at a word start, 3–4 a substring (earlier is better), 4–5 a substring only
 * once spaces and punctuation are ignored; null for no match.
 */
export function matchScore(text: string, q: string, qc: string): number | null {
  if (!text || !q) return null;
  const n = normalizeForSearch(text);
  const at = n.indexOf(q);
  if (at >= 0) {
    if (n === q) return 0;
    if (at === 0) return 1;
    if (new RegExp(`(^|[\\s\\-(（·/])${escapeRe(q)}`).test(n)) return 2;
    return 3 + Math.min(at, 99) / 100;
  }
  if (!qc) return null;
  const c = compactForSearch(text);
  const cat = c.indexOf(qc);
  if (cat < 0) return null;
  return c === qc ? 0.5 : 4 + Math.min(cat, 99) / 100;
}
