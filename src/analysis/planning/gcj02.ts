/**
 * GCJ-02 (the obfuscated "Mars" datum of Amap, Tencent and most Chinese web maps) to WGS84.
 * Planners often trace schemes over such maps; in Shanghai the offset is about 0.0045° east and
 * 0.0019° south (≈ 500 m), enough to put a scheme on the wrong block. The conversion comes from
 * `gcoord`, which inverts the GCJ-02 offset to about a centimetre and passes points outside
 * China through unchanged, as the datum itself does.
 */
import gcoord from 'gcoord';

export function gcj02ToWgs84(lonDeg: number, latDeg: number): [number, number] {
  const [lon, lat] = gcoord.transform<[number, number]>([lonDeg, latDeg], gcoord.GCJ02, gcoord.WGS84);
  return [lon, lat];
}
