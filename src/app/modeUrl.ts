/**
 * The modes' part of a link. `mode`, `story` and `step` follow the app (a shared link opens the
 * same mode on the same story step); the rest are deployment settings of a screen, wall or kiosk,
 * read once and written back unchanged so a reload keeps them:
 *
 *   mode=planner|screen|kiosk  story=<id>&step=<1-based>
 *   design=1920x1080|3840x2160|4k  renderScale=0.25..4  tour=<id>  carousel=jiading,yangpu
 *   wall=<id>&wallRole=leader|follower&wallLayout=2x1&wallPos=<col>,<row>&bezel=<px>
 *   idle=<seconds>  (kiosk)
 *   hold=<seconds>  alarmAt=critical|major|minor|info  (screen: an alarm's hold on the tour, and which alarms interrupt it)
 *
 * Story ids and steps are checked against the scene later (storyModel.parseStoryParams).
 */
import { parseDesignSize } from '../modes/screen/fitCanvas';
import { parseBezelPx, parseWallLayout, parseWallPosition } from '../modes/wall/wallLayout';
import { ALERT_SEVERITIES, type AlertSeverity } from '../scene/schema';
import { isAppMode, type AppMode, type ModeSettings, type WallSettings } from '../state/modeSlice';

export interface ModeUrlState {
  mode?: AppMode;
  story?: string;
  /** As written in the link: 1-based. */
  step?: string;
  settings?: Partial<ModeSettings>;
}

type Bad = (param: string, reason: string) => void;

const ID_RE = /^[a-z0-9-]{1,64}$/;
export const RENDER_SCALE_MIN = 0.25;
export const RENDER_SCALE_MAX = 4;
export const IDLE_MIN_S = 10;
export const IDLE_MAX_S = 3600;
/** An alarm hold shorter than a second shows nothing; one over ten minutes is a stuck screen. */
export const HOLD_MIN_S = 1;
export const HOLD_MAX_S = 600;

export const MODE_URL_KEYS = ['mode', 'story', 'step', 'design', 'renderScale', 'tour', 'carousel', 'wall', 'wallRole', 'wallLayout', 'wallPos', 'bezel', 'idle', 'hold', 'alarmAt'] as const;

function parseWall(params: URLSearchParams, bad: Bad): WallSettings | undefined {
  const id = params.get('wall');
  if (id === null) {
    for (const k of ['wallRole', 'wallLayout', 'wallPos', 'bezel']) if (params.get(k) !== null) bad(k, 'ignored: no wall given');
    return undefined;
  }
  if (!ID_RE.test(id)) {
    bad('wall', 'must be a wall id (lower-case letters, digits and dashes)');
    return undefined;
  }
  const role = params.get('wallRole') ?? 'follower';
  if (role !== 'leader' && role !== 'follower') {
    bad('wallRole', 'must be "leader" or "follower"');
    return undefined;
  }
  const grid = parseWallLayout(params.get('wallLayout') ?? '1x1');
  if (!grid.ok) {
    bad('wallLayout', grid.error);
    return undefined;
  }
  const pos = parseWallPosition(params.get('wallPos') ?? '0,0', grid.value);
  if (!pos.ok) {
    bad('wallPos', pos.error);
    return undefined;
  }
  const bezel = parseBezelPx(params.get('bezel') ?? '0');
  if (!bezel.ok) {
    bad('bezel', bezel.error);
    return undefined;
  }
  return { id, role, ...grid.value, ...pos.value, bezelPx: bezel.value };
}

export function parseModeParams(params: URLSearchParams, bad: Bad): ModeUrlState | undefined {
  const out: ModeUrlState = {};
  const settings: Partial<ModeSettings> = {};
  const mode = params.get('mode');
  if (mode !== null) {
    if (isAppMode(mode)) out.mode = mode;
    else bad('mode', 'must be "planner", "screen" or "kiosk"');
  }
  const story = params.get('story');
  if (story !== null) {
    if (ID_RE.test(story)) out.story = story;
    else bad('story', 'must be a story id (lower-case letters, digits and dashes)');
  }
  const step = params.get('step');
  if (step !== null) {
    if (out.story === undefined) bad('step', 'ignored: no story given');
    else out.step = step;
  }
  const design = params.get('design');
  if (design !== null) {
    const r = parseDesignSize(design);
    if (r.ok) settings.design = r.value;
    else bad('design', r.error);
  }
  const rs = params.get('renderScale');
  if (rs !== null) {
    const v = Number(rs);
    if (rs.trim() !== '' && Number.isFinite(v) && v >= RENDER_SCALE_MIN && v <= RENDER_SCALE_MAX) settings.renderScale = v;
    else bad('renderScale', `must be a number within [${RENDER_SCALE_MIN}, ${RENDER_SCALE_MAX}]`);
  }
  const tour = params.get('tour');
  if (tour !== null) {
    if (ID_RE.test(tour)) settings.tourId = tour;
    else bad('tour', 'must be a tour id (lower-case letters, digits and dashes)');
  }
  const carousel = params.get('carousel');
  if (carousel !== null) {
    const ids = carousel.split(',').map((x) => x.trim()).filter(Boolean);
    if (ids.length > 0 && ids.length <= 16 && ids.every((x) => ID_RE.test(x))) settings.carousel = ids;
    else bad('carousel', 'must be 1–16 comma-separated zone ids');
  }
  const wall = parseWall(params, bad);
  if (wall) settings.wall = wall;
  const idle = params.get('idle');
  if (idle !== null) {
    const v = Number(idle);
    if (/^\d+$/.test(idle) && v >= IDLE_MIN_S && v <= IDLE_MAX_S) settings.idleMs = v * 1000;
    else bad('idle', `must be whole seconds within [${IDLE_MIN_S}, ${IDLE_MAX_S}]`);
  }
  const hold = params.get('hold');
  if (hold !== null) {
    const v = Number(hold);
    if (/^\d+$/.test(hold) && v >= HOLD_MIN_S && v <= HOLD_MAX_S) settings.holdMs = v * 1000;
    else bad('hold', `must be whole seconds within [${HOLD_MIN_S}, ${HOLD_MAX_S}]`);
  }
  const alarmAt = params.get('alarmAt');
  if (alarmAt !== null) {
    if ((ALERT_SEVERITIES as readonly string[]).includes(alarmAt)) settings.alarmAt = alarmAt as AlertSeverity;
    else bad('alarmAt', `must be one of ${ALERT_SEVERITIES.join(', ')}`);
  }
  if (Object.keys(settings).length > 0) out.settings = settings;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Key/value pairs for a link, in a stable order; the default mode (planner) is left out. */
export function modeUrlParts(m: ModeUrlState | undefined): [string, string][] {
  if (!m) return [];
  const out: [string, string][] = [];
  if (m.mode && m.mode !== 'planner') out.push(['mode', m.mode]);
  if (m.story) {
    out.push(['story', m.story]);
    if (m.step) out.push(['step', m.step]);
  }
  const s = m.settings;
  if (!s) return out;
  if (s.design) out.push(['design', `${s.design.width}x${s.design.height}`]);
  if (s.renderScale != null) out.push(['renderScale', String(s.renderScale)]);
  if (s.tourId) out.push(['tour', s.tourId]);
  if (s.carousel && s.carousel.length) out.push(['carousel', s.carousel.join(',')]);
  if (s.wall) {
    const w = s.wall;
    out.push(['wall', w.id], ['wallRole', w.role], ['wallLayout', `${w.columns}x${w.rows}`], ['wallPos', `${w.column},${w.row}`], ['bezel', String(w.bezelPx)]);
  }
  if (s.idleMs != null) out.push(['idle', String(Math.round(s.idleMs / 1000))]);
  if (s.holdMs != null) out.push(['hold', String(Math.round(s.holdMs / 1000))]);
  if (s.alarmAt) out.push(['alarmAt', s.alarmAt]);
  return out;
}
