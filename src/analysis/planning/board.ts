/**
 * The comparison board of one redevelopment site: the existing state and every scheme drawn for
 * it (shipped with the zone, or imported by the planner), each with its indicators and its 控规
 * compliance, plus the board as CSV for a spreadsheet.
 *
 * Analysis code does not import the state stores; the existing state's id comes from the shared
 * planning model, so the board, the stores and the diff all name today's city alike.
 */
import { checkCompliance } from './compliance';
import { computeIndicators } from './indicators';
import { EXISTING_STATE, type Bilingual, type ComplianceRow, type Indicators, type Plot, type PlotLimits, type Ring, type Scheme, type Verdict, type ZonePlan } from './types';

/** The board's state id of today's buildings ('existing'). */
export const EXISTING_STATE_ID: string = EXISTING_STATE;
export const EXISTING_STATE_NAME: Bilingual = { zh: '现状', en: 'Existing' };

export type BoardStateSource = 'existing' | 'shipped' | 'imported';

export interface BoardState {
  /** EXISTING_STATE_ID or the scheme id. */
  stateId: string;
  name: Bilingual;
  source: BoardStateSource;
  indicators: Indicators;
  compliance: ComplianceRow[];
}

export interface SiteBoard {
  siteId: string;
  /** The site's display name (for the CSV and the panel title). */
  siteName: Bilingual;
  plotId: string;
  plot: Plot;
  limits: PlotLimits;
  /** Existing first, then shipped schemes in plan order, then imported ones in import order. */
  states: BoardState[];
}

/**
 * Builds the board, or null when the site or its plot is not in the plan. Today's green is the
 * mapped public green space (the plan's 绿线 areas) inside the plot, unless the caller supplies
 * `existingGreen`: private landscaping on today's sites is not in the data, and green is never
 * guessed from the land-use class.
 */
export function siteBoard(
  plan: ZonePlan,
  imported: Scheme[],
  siteId: string,
  existingGreen: Ring[] = plan.controlLines.filter((l) => l.kind === 'green').map((l) => l.ring),
): SiteBoard | null {
  const site = plan.sites.find((s) => s.id === siteId);
  if (!site) return null;
  const plot = plan.plots.find((p) => p.id === site.plotId);
  if (!plot) return null;

  const state = (stateId: string, name: Bilingual, source: BoardStateSource, buildings: Scheme['buildings'], green: Ring[]): BoardState => {
    const indicators = computeIndicators(plot, buildings, green);
    return { stateId, name, source, indicators, compliance: checkCompliance(indicators, plot.limits) };
  };

  const states: BoardState[] = [state(EXISTING_STATE_ID, EXISTING_STATE_NAME, 'existing', site.existing, existingGreen)];
  for (const s of [...plan.schemes, ...imported]) {
    if (s.siteId === siteId) states.push(state(s.id, s.name, s.source, s.buildings, s.green));
  }
  return { siteId, siteName: site.name, plotId: plot.id, plot, limits: plot.limits, states };
}

type Lang = 'zh' | 'en';
type Format = 'area' | 'far' | 'percent' | 'height' | 'count';

interface CsvIndicator {
  key: keyof Indicators;
  label: Bilingual;
  format: Format;
}

/** Row order within each state. The four controlled ones carry limit, verdict and margin. */
const CSV_INDICATORS: readonly CsvIndicator[] = [
  { key: 'siteAreaM2', label: { zh: '用地面积', en: 'Site area' }, format: 'area' },
  { key: 'gfaM2', label: { zh: '计容建筑面积', en: 'Gross floor area (GFA)' }, format: 'area' },
  { key: 'far', label: { zh: '容积率', en: 'Floor area ratio (FAR)' }, format: 'far' },
  { key: 'footprintM2', label: { zh: '建筑基底面积', en: 'Building footprint' }, format: 'area' },
  { key: 'density', label: { zh: '建筑密度', en: 'Building density' }, format: 'percent' },
  { key: 'greenM2', label: { zh: '绿地面积', en: 'Green area' }, format: 'area' },
  { key: 'greenRatio', label: { zh: '绿地率', en: 'Green ratio' }, format: 'percent' },
  { key: 'maxHeightM', label: { zh: '最大建筑高度', en: 'Maximum building height' }, format: 'height' },
  { key: 'buildingCount', label: { zh: '建筑数量', en: 'Building count' }, format: 'count' },
];

const UNITS: Record<Format, Bilingual> = {
  area: { zh: 'm²', en: 'm²' },
  far: { zh: '比值', en: 'ratio' },
  percent: { zh: '%', en: '%' },
  height: { zh: 'm', en: 'm' },
  count: { zh: '栋', en: 'buildings' },
};

const HEADER: Record<Lang, string[]> = {
  zh: ['场地', '地块编号', '方案', '指标', '数值', '单位', '限值', '判定', '余量'],
  en: ['Site', 'Plot code', 'State', 'Indicator', 'Value', 'Unit', 'Limit', 'Verdict', 'Margin'],
};

const VERDICTS: Record<Verdict, Bilingual> = {
  pass: { zh: '符合', en: 'pass' },
  fail: { zh: '不符合', en: 'fail' },
  uncontrolled: { zh: '未控制', en: 'uncontrolled' },
};

export const CSV_NOTE: Bilingual = {
  zh: '注：数值为示意；结果为方案参考，不作为法定审查结论。',
  en: 'Note: values are illustrative (示意); results are a scheme reference (方案参考), not a statutory finding.',
};

/** Areas to 0.1 m², FAR to 2 decimals, ratios as % to 0.1, heights to 0.1 m; never "-0.0". */
export function formatIndicator(value: number, format: Format): string {
  const s =
    format === 'area' || format === 'height' ? value.toFixed(1)
    : format === 'far' ? value.toFixed(2)
    : format === 'percent' ? (value * 100).toFixed(1)
    : Math.round(value).toString();
  return /^-0(\.0+)?$/.test(s) ? s.slice(1) : s;
}

/**
 * RFC 4180 field quoting. Text that came from a planner's file could start with "=" or "+",
 * which a spreadsheet would run as a formula, so such text cells get a leading apostrophe.
 */
function csvField(value: string, text: boolean): string {
  const safe = text && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The board as CSV: UTF-8 BOM (so Excel reads the Chinese), CRLF line ends, a header, one row per
 * state × indicator, and a closing note row that the values are 示意 and the result 方案参考.
 */
export function boardCsv(board: SiteBoard, lang: Lang): string {
  const rows: string[][] = [HEADER[lang]];
  const textCols = 4;
  for (const st of board.states) {
    for (const ind of CSV_INDICATORS) {
      const row = st.compliance.find((r) => r.indicator === ind.key);
      const fmt = (v: number | null): string => (v === null ? '' : formatIndicator(v, ind.format));
      rows.push([
        board.siteName[lang],
        board.plot.code,
        st.name[lang],
        ind.label[lang],
        fmt(st.indicators[ind.key]),
        UNITS[ind.format][lang],
        row ? fmt(row.limit) : '',
        row ? VERDICTS[row.verdict][lang] : '',
        row ? fmt(row.margin) : '',
      ]);
    }
  }
  rows.push([CSV_NOTE[lang], ...new Array<string>(HEADER[lang].length - 1).fill('')]);
  const lines = rows.map((r) => r.map((v, i) => csvField(v, i < textCols)).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
