/**
 * The zone's live settings with every default filled in. A parsed scene always has them; scenes
 * built in code (benchmarks, fixtures) may not, and get the schema's defaults rather than a crash.
 */
import { liveConfigSchema, type LiveConfig, type Scene } from '../../scene/schema';

export const DEFAULT_LIVE_CONFIG: LiveConfig = liveConfigSchema.parse({});

export function liveConfigOf(scene: Pick<Scene, 'live'> | null | undefined): LiveConfig {
  return scene?.live ?? DEFAULT_LIVE_CONFIG;
}
