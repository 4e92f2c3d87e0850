/**
 * Uniforms for the renderer's height-limit highlight: a fragment shader tints whatever lies
 * above the limit plane inside the limit polygon. Pure, so the NaN and size rules are tested here
 * and the renderer only uploads.
 *
 * The polygon goes to the GPU as edges, one vec4 (x0, y0, x1, y1) per edge, for the even-odd
 * crossing test. A GLSL uniform array of vec2 takes one vec4 slot per element anyway, so edges
 * cost no more uniform space than vertices, and they let holes through: every ring's edges go in
 * the same array and even-odd counting excludes the holes by itself. The budget counts edges,
 * which is the total vertex count over all rings.
 *
 * The plane is at one absolute height, groundM + limitM, while the check (check.ts) measures each
 * building from its own base. On flat ground the two agree; on a sloped zone the table is the
 * finding and the tint an illustration at the ground elevation the caller passes.
 */
import { ringBounds } from '../planning/polygon';
import { limitPolygon, limitProblem } from './check';
import { simplifyRings } from './simplify';
import type { HeightLimit, HeightLimitResult } from './types';

/** Uniform array length of the highlight shader (vec4 uLimitEdges[64]). */
export const MAX_SHADER_VERTICES = 64;

export interface HeightLimitShaderParams {
  /** Absolute height of the limit plane in the zone frame: groundM + limitM, metres. */
  limitZ: number;
  /** 4 × maxVertices floats: edge i is (x0, y0, x1, y1) at 4i; slots past edgeCount are 0. */
  edges: Float32Array;
  edgeCount: number;
  /** [minX, minY, maxX, maxY] of the polygon as sent, for the shader's early out. */
  bbox: [number, number, number, number];
  /** Whether the polygon had to be simplified to fit. */
  simplified: boolean;
  /** Largest distance of a dropped vertex from the simplified outline, metres; 0 if unsimplified. */
  maxDeviationM: number;
}

export interface ShaderParamsOptions {
  /** Default MAX_SHADER_VERTICES. */
  maxVertices?: number;
  /** What to do with a polygon over the budget. Default 'simplify'. */
  onTooMany?: 'simplify' | 'refuse';
}

/**
 * ENU coordinates go to float32 as they are: at the size of a zone (a few km from the origin) a
 * float32 keeps them to under a millimetre, so no re-centring is needed.
 */
export function heightLimitShaderParams(
  limit: HeightLimit, groundM: number, options: ShaderParamsOptions = {},
): HeightLimitResult<HeightLimitShaderParams> {
  const problem = limitProblem(limit);
  if (problem) return problem;
  if (!Number.isFinite(groundM)) return { ok: false, problem: 'non-finite' };
  const maxVertices = Math.floor(options.maxVertices ?? MAX_SHADER_VERTICES);
  if (!(maxVertices >= 3)) return { ok: false, problem: 'too-many-vertices' };

  let rings = limitPolygon(limit);
  let simplified = false;
  let maxDeviationM = 0;
  const total = rings.reduce((n, r) => n + r.length, 0);
  if (total > maxVertices) {
    const s = options.onTooMany === 'refuse' ? null : simplifyRings(rings, maxVertices);
    if (!s) return { ok: false, problem: 'too-many-vertices' };
    rings = s.rings;
    simplified = true;
    maxDeviationM = s.maxDeviationM;
  }

  const edges = new Float32Array(4 * maxVertices);
  let e = 0;
  for (const r of rings) {
    for (let i = 0; i < r.length; i++) {
      const a = r[i]!, b = r[(i + 1) % r.length]!;
      edges.set([a[0], a[1], b[0], b[1]], 4 * e++);
    }
  }
  return {
    ok: true,
    value: { limitZ: groundM + limit.limitM, edges, edgeCount: e, bbox: ringBounds(rings[0]!), simplified, maxDeviationM },
  };
}
