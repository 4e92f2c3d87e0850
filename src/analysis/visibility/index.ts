/** Camera-independent visibility analyses: sight lines, viewshed, skyline (docs/visibility.md). */
export { VisibilityInputError } from './errors';
export { SightCaster, toCaster } from './rays';
export { DEG, azimuthOf, elevationOf, wrap180, wrap360 } from './angles';
export { ConeTest, type ViewCone } from './cone';
export { runChunks, runChunksAsync, type Progress, type ProgressHooks } from './progress';
export { EYE_HEIGHT_M, END_TOLERANCE_M, eyePoint, sightLine, sightLines, type SightLineOptions, type SightLineResult, type SightSegment } from './sightLine';
export {
  CELL_BUILDING, CELL_HIDDEN, CELL_OUTSIDE, CELL_VISIBLE, DEFAULT_CELL_M, MAX_CELLS, runViewshed, runViewshedAsync, viewshedChunks, viewshedGrid,
  type FacadePoint, type ViewshedGrid, type ViewshedInput, type ViewshedResult,
} from './viewshed';
export {
  DEFAULT_STEP_DEG, DEFAULT_TOLERANCE_DEG, computeSkyline, computeSkylineAsync, skylineBuildingId, skylineChunks, skylineSampling,
  type SkylineInput, type SkylineProfile,
} from './skyline';
export { compareProfiles, sampleWeightDeg, skyShare, skyViewFactor, type ProfileComparison, type SkylineRun } from './skylineMetrics';
export { profileToScreen, screenPoint, type ScreenCamera, type ScreenSkyline } from './skylineScreen';
