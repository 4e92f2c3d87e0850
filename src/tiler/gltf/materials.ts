/**
 * Material palette of the tiles. Facades are light neutrals tinted a little towards the
 * land-use colour so blocks read by use without looking like a planning map; roofs are darker so
 * massing reads from above. Colours are defined in sRGB and converted to the linear values glTF wants.
 */
import { LAND_USE_INFO, type LandUseClass } from '../../core/landUse';

export interface MaterialSpec {
  name: string;
  /** Linear RGBA. */
  baseColor: [number, number, number, number];
  metallic: number;
  roughness: number;
  alphaMode?: 'OPAQUE' | 'BLEND';
  doubleSided?: boolean;
}

/** The neutral every facade starts from (warm light grey). */
export const FACADE_NEUTRAL_HEX = '#e6e3dc';
/** How far a facade leans towards its land-use colour. */
export const FACADE_TINT = 0.1;
/** Roof brightness relative to its facade. */
export const ROOF_SHADE = 0.62;

export function srgbToLinear(c: number): number {
  return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
}

export function hexToSrgb(hex: string): [number, number, number] {
  const v = parseInt(hex.slice(1), 16);
  return [((v >> 16) & 255) / 255, ((v >> 8) & 255) / 255, (v & 255) / 255];
}

function toLinearBytes(srgb: readonly [number, number, number]): [number, number, number] {
  return [
    Math.round(srgbToLinear(srgb[0]) * 255),
    Math.round(srgbToLinear(srgb[1]) * 255),
    Math.round(srgbToLinear(srgb[2]) * 255),
  ];
}

function linearFactor(hex: string, alpha = 1): [number, number, number, number] {
  const s = hexToSrgb(hex);
  const r = (v: number): number => Math.round(srgbToLinear(v) * 1e4) / 1e4;
  return [r(s[0]), r(s[1]), r(s[2]), alpha];
}

function mixSrgb(a: string, b: string, t: number): [number, number, number] {
  const x = hexToSrgb(a), y = hexToSrgb(b);
  return [x[0] + (y[0] - x[0]) * t, x[1] + (y[1] - x[1]) * t, x[2] + (y[2] - x[2]) * t];
}

/** Vertex colour (linear, 0–255) of a facade of the given land use. */
export function facadeColor(landUse: LandUseClass): [number, number, number] {
  return toLinearBytes(mixSrgb(FACADE_NEUTRAL_HEX, LAND_USE_INFO[landUse].colorHex, FACADE_TINT));
}

/** Vertex colour (linear, 0–255) of a roof of the given land use. */
export function roofColor(landUse: LandUseClass): [number, number, number] {
  const f = mixSrgb(FACADE_NEUTRAL_HEX, LAND_USE_INFO[landUse].colorHex, FACADE_TINT);
  return toLinearBytes([f[0] * ROOF_SHADE, f[1] * ROOF_SHADE, f[2] * ROOF_SHADE]);
}

/** Vertex colour (linear, 0–255) of a land-use block on the ground. */
export function landUseColor(landUse: LandUseClass): [number, number, number] {
  return toLinearBytes(hexToSrgb(LAND_USE_INFO[landUse].colorHex));
}

/** Materials whose base colour multiplies a per-vertex COLOR_0 are white. */
const WHITE: [number, number, number, number] = [1, 1, 1, 1];

export const MATERIALS = {
  walls: { name: 'walls', baseColor: WHITE, metallic: 0, roughness: 0.85 },
  roof: { name: 'roof', baseColor: WHITE, metallic: 0, roughness: 0.95 },
  // Lines are one pixel wide at any distance; a light grey keeps far-away blocks from turning dark.
  floorLines: { name: 'floor-lines', baseColor: linearFactor('#a4a8ac'), metallic: 0, roughness: 1 },
  slabs: { name: 'slabs', baseColor: linearFactor('#cfccc4'), metallic: 0, roughness: 0.9 },
  core: { name: 'core', baseColor: linearFactor('#8f8a82'), metallic: 0, roughness: 0.9 },
  glass: {
    name: 'glass', baseColor: linearFactor('#9cc3d8', 0.32), metallic: 0.1, roughness: 0.08,
    alphaMode: 'BLEND', doubleSided: true,
  },
  mullions: { name: 'mullions', baseColor: linearFactor('#3b4046'), metallic: 0.6, roughness: 0.5 },
  water: { name: 'water', baseColor: linearFactor(LAND_USE_INFO.E.colorHex), metallic: 0, roughness: 0.3 },
  road: { name: 'road', baseColor: linearFactor(LAND_USE_INFO.S.colorHex), metallic: 0, roughness: 1 },
  green: { name: 'green', baseColor: linearFactor(LAND_USE_INFO.G.colorHex), metallic: 0, roughness: 1 },
  landuse: { name: 'landuse', baseColor: WHITE, metallic: 0, roughness: 1 },
} satisfies Record<string, MaterialSpec>;
