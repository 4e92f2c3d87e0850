/**
 * How a recorded message body is stored: zlib-deflated (level 1: fast, and JSON of a city's
 * vehicles shrinks several-fold even so). Jiading at the morning peak serves ~190 KB a delta, 5 a
 * second: 3.4 GB an hour as sent, so without compression `--retain-bytes 2GB` held 35 minutes.
 * Reading tells the two apart by the first byte (a zlib stream starts 0x78, a JSON message '{'),
 * so recordings made before compression still read.
 */
import { deflateSync, inflateSync, constants } from 'node:zlib';

const ZLIB_FIRST_BYTE = 0x78;

export function packBody(json: Buffer): Buffer {
  return deflateSync(json, { level: 1, strategy: constants.Z_DEFAULT_STRATEGY });
}

export function unpackBody(stored: Buffer): Buffer {
  return stored.length > 0 && stored[0] === ZLIB_FIRST_BYTE ? inflateSync(stored) : stored;
}
