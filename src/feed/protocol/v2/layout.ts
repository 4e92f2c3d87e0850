/**
 * Feed protocol v2: one binary, columnar frame per v1 snapshot or delta (docs/feed-protocol.md,
 * "Protocol v2"). Shared by the encoder (server) and the decoder (browser worker), so it holds
 * constants only: no Node APIs.
 *
 * Everything is little-endian. The frame and every section start 8-byte aligned, and so does every
 * column inside a section, so a reader may lay typed-array views over the bytes.
 *
 *   header   64 bytes fixed (offsets in HEADER below), then the zone id in UTF-8, padded to 8
 *   section  u16 tag, u16 reserved, u32 byteLength (payload bytes, trailing pad excluded),
 *            payload, zero pad to 8; `sectionCount` of them, and nothing after the last
 *
 * A binary section's payload opens with u32 n (row count) and u32 m (a second count or column
 * flags, per section), then its columns in the order documented at SECTION. Each column starts at
 * the next multiple of 8 from the payload start; byteLength ends exactly after the last column.
 * A string table is u32 offsets[n+1] (byte offsets into the blob, offsets[0] = 0, non-decreasing),
 * then the UTF-8 blob of offsets[n] bytes, each its own column.
 */
import { MAX_ENTITIES_PER_MESSAGE } from '../limits';

/** "STF2": ShenTwin feed, v2. */
export const MAGIC = [0x53, 0x54, 0x46, 0x32] as const;
export const V2_VERSION = 2;

/** The 10 MB rule: a larger frame is dropped ('too-large') before any byte is read. */
export const MAX_V2_FRAME_BYTES = 10 * 1024 * 1024;
/** Rows per section, as v1's entities per kind per message. */
export const MAX_ROWS = MAX_ENTITIES_PER_MESSAGE;

export const FRAME_KIND = { snapshot: 1, delta: 2 } as const;

/** Header flag bits. */
export const FLAG_SIM_MS = 1;
export const FLAG_TIME_SCALE = 2;

/** Byte offsets of the fixed header. simMs / timeScale hold 0 when their flag is clear. */
export const HEADER = {
  magic: 0, version: 4, kind: 5, flags: 6, ts: 8, seq: 16, simMs: 24, timeScale: 32,
  sectionCount: 36, zoneLength: 38, reserved: 39, originLonDeg: 40, originLatDeg: 48, originHeightM: 56,
  /** 4 pad bytes follow originHeightM; the zone's UTF-8 bytes start here. */
  bytes: 64,
} as const;
export const MAX_ZONE_BYTES = 32;
export const SECTION_HEADER_BYTES = 8;

/**
 * Section tags and their payloads (n = rows, m = the prelude's second word):
 *
 * VEHICLE_DEFS     m 0.       u32 index[n]; string table id
 * VEHICLES         m flags (COLUMN_TS: the ts column is present; without it every row has the
 *                  frame ts). u32 idx[n]; f32 east[n]; f32 north[n]; [f64 ts[n]];
 *                  u16 headingCentiDeg[n]; u16 speedCmps[n]; u8 cls[n]; u8 automation[n]
 * VEHICLE_EXTRAS   UTF-8 JSON (no prelude): { "<idx>": { route?, line? } } for rows of VEHICLES
 * VEHICLES_REMOVED m 0.       u32 idx[n] (removed at the frame ts; the index is free afterwards)
 * SENSOR_DEFS      m 0.       u32 index[n]; string tables id, type, unit
 * SENSORS          m 0.       u32 idx[n]; f64 value[n]; f64 ts[n]; u8 quality[n]
 * SEGMENT_DEFS     m 0.       u32 index[n]; i32 edgeId[n]; u8 dir[n]; string table id
 * SEGMENTS         m flags (COLUMN_TS). u32 idx[n]; [f64 ts[n]]; f32 speedKmh[n]; f32 flowVph[n];
 *                  u8 congestion[n]
 * SIGNAL_DEFS      m 0.       u32 index[n]; string table of JSON texts, each the static part
 *                  { id, nodeId?, lonDeg, latDeg, cycleS?, approaches: [{ id, bearingDeg, road? }] }
 * SIGNALS          m = total approaches. u32 idx[n]; f64 ts[n]; f32 timeScale[n] (0: absent);
 *                  u32 approachStart[n+1]; u8 state[m]; f32 remainingS[m]
 * JSON             UTF-8 JSON (no prelude): { incidents?: WireIncident[], catalogue?: WireCatalogue }
 *
 * Tags not listed are skipped by the decoder (forward compatibility); a known tag twice is an error.
 */
export const SECTION = {
  VEHICLE_DEFS: 1, VEHICLES: 2, VEHICLE_EXTRAS: 3, VEHICLES_REMOVED: 4,
  SENSOR_DEFS: 5, SENSORS: 6, SEGMENT_DEFS: 7, SEGMENTS: 8, SIGNAL_DEFS: 9, SIGNALS: 10, JSON: 11,
} as const;
export type SectionTag = (typeof SECTION)[keyof typeof SECTION];
export const COLUMN_TS = 1;

/**
 * Dictionary bound per entity kind: indices are 0 … MAX_DICT_ENTRIES-1. An encoder that would
 * pass it resets that dictionary; every index is then assigned afresh and carries its def again.
 */
export const MAX_DICT_ENTRIES = 2 ** 20;

/**
 * ENU positions are f32 metres from the header origin. 200 km keeps the f32 step under 1.6 cm;
 * v1 viewers already drop anything beyond 100 km ('out-of-zone').
 */
export const MAX_ENU_M = 200_000;
/** headingCentiDeg: 0 … 35999 (a v1 heading of 360 is sent as 0). */
export const HEADING_PER_DEG = 100;
export const MAX_HEADING_CODE = 35_999;
/** speedCmps: 0 … 10000 (v1's 0–100 m/s). */
export const SPEED_PER_MPS = 100;
export const MAX_SPEED_CODE = 10_000;
export const AUTOMATION_ABSENT = 255;
export const MAX_AUTOMATION = 5;
export const MAX_APPROACHES = 16;

/** Enum codes: indexes into these (cls into VEHICLE_CLASSES, state into SIGNAL_COLORS). */
export const QUALITY_CODES = ['good', 'suspect', 'bad'] as const;
export const DIR_CODES = ['f', 'r'] as const;

/** The header origin must equal the decoder's frame origin within these. */
export const ORIGIN_TOLERANCE_DEG = 1e-9;
export const ORIGIN_TOLERANCE_M = 1e-3;

/**
 * f32 columns (segment speed/flow, signal remainingS/timeScale, header timeScale) are decoded to
 * this many significant digits (FLT_DIG), so a v1 value with ≤ 6 significant digits comes back exactly.
 */
export const F32_DIGITS = 6;

/** Next multiple of 8 (arithmetic, not bitwise: a corrupt u32 length must not wrap). */
export function pad8(n: number): number {
  return n + ((8 - (n % 8)) % 8);
}
