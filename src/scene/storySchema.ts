/**
 * Camera tours (the operation-centre big screen) and guided stories (kiosks and every mode) of a
 * zone scene. Shapes are checked here; references into the rest of the scene (viewpoint ids,
 * catalogue layer ids, duplicate ids) need the whole scene, so schema.ts calls
 * checkTourAndStoryRefs from its own refinement.
 */
import { z } from 'zod';
import { catalogueLayerIds } from './catalogueLayerIds';

const finite = z.number().refine(Number.isFinite, { message: 'must be a finite number' });
const enu = z.tuple([finite, finite, finite]);
const sceneId = z.string().regex(/^[a-z0-9-]+$/, 'lower-case id with dashes');

/** A caption sits over the 3D view on a kiosk or a 4K wall: beyond this it stops being a caption. */
export const CAPTION_MAX_CHARS = 240;
export const SUMMARY_MAX_CHARS = 480;
export const TITLE_MAX_CHARS = 80;
/** Closer than this, position and target give no usable view direction. */
export const POSE_MIN_SEPARATION_M = 1;

const text = (max: number) => z.string().min(1).max(max, `at most ${max} characters`);
const bilingual = (max: number) => z.object({ zh: text(max), en: text(max) });

export const cameraPoseSchema = z
  .object({
    /** Camera position and look-at target in the zone's ENU frame, metres [east, north, up]. */
    position: enu,
    target: enu,
  })
  .refine(
    (p) => Math.hypot(p.position[0] - p.target[0], p.position[1] - p.target[1], p.position[2] - p.target[2]) >= POSE_MIN_SEPARATION_M,
    { message: `position and target must be at least ${POSE_MIN_SEPARATION_M} m apart, or the camera has no view direction` },
  );

/** Where a stop or step puts the camera: a named viewpoint of the scene, or a pose of its own. */
const placement = { viewpoint: sceneId.optional(), pose: cameraPoseSchema.optional() };

function oneOf(a: string, b: string, what: string) {
  const check = (v: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const has = [a, b].filter((k) => v[k] !== undefined).length;
    if (has !== 1) ctx.addIssue({ code: 'custom', message: `${what} needs exactly one of "${a}" or "${b}" (${has === 0 ? 'got neither' : 'got both'})` });
  };
  // The same rule for editors: JSON Schema can say it, the zod refinement above cannot be exported.
  const json = { oneOf: [{ required: [a] }, { required: [b] }] };
  return { check, json };
}

const stopPlacement = oneOf('viewpoint', 'pose', 'a tour stop');
const stepPlacement = oneOf('viewpoint', 'pose', 'a story step');
const highlightChoice = oneOf('building', 'asset', 'a highlight');

export const tourStopSchema = z
  .object({
    ...placement,
    /** Seconds of the flight into this stop; into the first stop it is from wherever the camera was (or, looping, from the last stop). */
    flightS: finite.min(0).max(60),
    /** Seconds the camera rests at the stop once there. */
    dwellS: finite.min(1).max(600),
    caption: bilingual(CAPTION_MAX_CHARS),
  })
  .superRefine(stopPlacement.check)
  .meta(stopPlacement.json);

export const tourSchema = z.object({
  id: sceneId,
  name: bilingual(TITLE_MAX_CHARS),
  /** After the last stop, fly back to the first (an unattended wall runs for days). */
  loop: z.boolean().default(true),
  stops: z.array(tourStopSchema).min(2, 'a tour needs at least two stops').max(100),
});

/** Kinds of live asset a step can point at (feed ids: sensors and RSUs "rsu-01", signals "sig-<node>", stops). */
export const STORY_ASSET_KINDS = ['sensor', 'signal', 'rsu', 'stop'] as const;

export const storyHighlightSchema = z
  .object({
    /** A building feature id of the zone's tiles ("osm:way/…", "gen:<zone>:…", "model:…"). */
    building: z.string().regex(/^[A-Za-z0-9:/._-]{1,200}$/, 'a building feature id such as "osm:way/123"').optional(),
    asset: z
      .object({ kind: z.enum(STORY_ASSET_KINDS), id: z.string().regex(/^[A-Za-z0-9_.:-]{1,128}$/, 'a feed id (letters, digits and _.:-)') })
      .optional(),
  })
  .superRefine(highlightChoice.check)
  .meta(highlightChoice.json);

const layerId = z.string().min(1).max(64);

export const storyStepSchema = z
  .object({
    ...placement,
    /** Catalogue layer ids (catalogueLayerIds) switched by this step; later steps keep them switched. */
    layers: z.object({ on: z.array(layerId).optional(), off: z.array(layerId).optional() }).optional(),
    highlight: storyHighlightSchema.optional(),
    caption: bilingual(CAPTION_MAX_CHARS),
    /** Moves on by itself this long after the step starts; without it the step waits for a tap. */
    advance: z.object({ afterS: finite.min(1).max(600) }).optional(),
  })
  .superRefine(stepPlacement.check)
  .meta(stepPlacement.json);

export const storySchema = z.object({
  id: sceneId,
  title: bilingual(TITLE_MAX_CHARS),
  /** What the story shows and which planning document (seed file) it draws on. */
  summary: bilingual(SUMMARY_MAX_CHARS),
  steps: z.array(storyStepSchema).min(2, 'a story needs at least two steps').max(100),
});

export type CameraPoseSpec = z.infer<typeof cameraPoseSchema>;
export type TourStop = z.infer<typeof tourStopSchema>;
export type Tour = z.infer<typeof tourSchema>;
export type StoryHighlight = z.infer<typeof storyHighlightSchema>;
export type StoryStep = z.infer<typeof storyStepSchema>;
export type Story = z.infer<typeof storySchema>;
export type StoryAssetKind = (typeof STORY_ASSET_KINDS)[number];

/** The parts of a parsed scene the cross-references are checked against. */
export interface StoryRefSource {
  viewpoints: readonly { id: string }[];
  tilesets: readonly { id: string }[];
  groundLayers: readonly { id: string }[];
  tours?: readonly Tour[] | undefined;
  stories?: readonly Story[] | undefined;
}

export type IssueSink = (path: (string | number)[], message: string) => void;

function checkDuplicates(items: readonly { id: string }[], key: 'tours' | 'stories', what: string, add: IssueSink): void {
  const seen = new Set<string>();
  items.forEach((it, i) => {
    if (seen.has(it.id)) add([key, i, 'id'], `duplicate ${what} id "${it.id}"`);
    seen.add(it.id);
  });
}

/** Unknown viewpoints and layers, duplicate ids, a layer both on and off: each reported at its own path. */
export function checkTourAndStoryRefs(s: StoryRefSource, add: IssueSink): void {
  const viewpoints = new Set(s.viewpoints.map((v) => v.id));
  const layerList = catalogueLayerIds(s);
  const layers = new Set(layerList);
  const checkViewpoint = (id: string | undefined, path: (string | number)[]) => {
    if (id !== undefined && !viewpoints.has(id)) add([...path, 'viewpoint'], `no viewpoint with id "${id}"`);
  };

  const tours = s.tours ?? [];
  checkDuplicates(tours, 'tours', 'tour', add);
  tours.forEach((t, ti) => t.stops.forEach((st, si) => checkViewpoint(st.viewpoint, ['tours', ti, 'stops', si])));

  const stories = s.stories ?? [];
  checkDuplicates(stories, 'stories', 'story', add);
  stories.forEach((story, i) =>
    story.steps.forEach((step, j) => {
      const at: (string | number)[] = ['stories', i, 'steps', j];
      checkViewpoint(step.viewpoint, at);
      const on = step.layers?.on ?? [];
      const off = step.layers?.off ?? [];
      for (const [key, ids] of [['on', on], ['off', off]] as const) {
        ids.forEach((id, k) => {
          if (!layers.has(id)) add([...at, 'layers', key, k], `unknown layer id "${id}" (catalogue layers: ${layerList.join(', ')})`);
        });
      }
      off.forEach((id, k) => {
        if (on.includes(id)) add([...at, 'layers', 'off', k], `layer "${id}" is switched both on and off in the same step`);
      });
    }),
  );
}
