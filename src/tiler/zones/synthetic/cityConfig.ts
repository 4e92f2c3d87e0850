/**
 * tiles/synthetic-city/city.json: the layout rules of the synthetic city-scale zone (a street grid
 * with a Huangpu-like river, business centres and land-use shares). Everything the layout draws
 * follows from these numbers and the seed, so the zone is reproducible byte for byte.
 */
import { z } from 'zod';

const finite = z.number().refine(Number.isFinite, { message: 'must be a finite number' });
const share = finite.min(0).max(1);

export const cityCentreSchema = z.object({
  /** ENU metres from the zone origin. */
  x: finite,
  y: finite,
  /** Distance at which the business share falls to 1/e of its peak. */
  radiusM: finite.positive(),
});

export const cityConfigSchema = z.object({
  $comment: z.string().optional(),
  seed: z.string().min(1),
  /** Side of the square city, metres; the origin is its centre. */
  sizeM: finite.min(1000).max(40_000),
  /** Street spacing (centre line to centre line) of the local grid. */
  blockM: finite.min(80).max(1000),
  /** Every n-th grid line is a secondary road, every m-th a primary arterial (m a multiple of n). */
  secondaryEvery: z.number().int().min(1),
  primaryEvery: z.number().int().min(1),
  /** Land-use blocks stop this far from the street centre line (half a carriageway plus a verge). */
  blockInsetM: finite.nonnegative(),
  river: z.object({
    name: z.string().min(1),
    nameEn: z.string().min(1),
    widthM: finite.positive(),
    /** Centre line x(y) = offsetM + amplitudeM · sin(2π y / wavelengthM): a north–south meander. */
    offsetM: finite,
    amplitudeM: finite.nonnegative(),
    wavelengthM: finite.positive(),
    /** Blocks whose centre lies this close to the bank become riverside parks. */
    parkBandM: finite.nonnegative(),
  }),
  centres: z.array(cityCentreSchema).min(1),
  shares: z.object({
    /** Business share at a centre's core, and far from every centre. */
    businessPeak: share,
    businessFloor: share,
    /** Public services, parks and utilities, everywhere. */
    public: share,
    park: share,
    utility: share,
    /** Industry and logistics, only beyond `outerRadiusM` from the origin. */
    industry: share,
    logistics: share,
    outerRadiusM: finite.positive(),
  }),
});

export type CityConfig = z.infer<typeof cityConfigSchema>;
export type CityCentre = z.infer<typeof cityCentreSchema>;
