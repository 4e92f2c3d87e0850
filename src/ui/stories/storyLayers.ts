/**
 * What a story does to the layer switches, and how the user's own switches come back when it
 * closes. Pure, so the restore is tested in Node. The story only ever touches the layers its steps
 * name: the first time it switches one, the user's value is saved; going back past the step that
 * switched it puts the user's value back; closing puts back every saved value. Layers the story
 * never names keep whatever the user does while it plays.
 */

/** The user's value of each layer the story has switched; null: the user had no entry (the layer's default). */
export type SavedLayers = Readonly<Record<string, boolean | null>>;

export interface StepLayers {
  layersOn: readonly string[];
  layersOff: readonly string[];
}

export interface LayerPlan {
  layers: Record<string, boolean>;
  saved: SavedLayers;
  /** False when the layers are the same as before: the caller can skip the store write. */
  changed: boolean;
}

function putBack(layers: Record<string, boolean>, id: string, value: boolean | null): void {
  if (value === null) delete layers[id];
  else layers[id] = value;
}

/** The layer switches in effect at a story step (resolveStep's accumulated on/off lists). */
export function applyStepLayers(current: Readonly<Record<string, boolean>>, saved: SavedLayers, step: StepLayers): LayerPlan {
  const layers: Record<string, boolean> = { ...current };
  const nextSaved: Record<string, boolean | null> = { ...saved };
  const wanted = new Map<string, boolean>();
  for (const id of step.layersOn) wanted.set(id, true);
  for (const id of step.layersOff) wanted.set(id, false);
  for (const [id, value] of Object.entries(saved)) {
    if (wanted.has(id)) continue;
    putBack(layers, id, value);
    delete nextSaved[id];
  }
  for (const [id, on] of wanted) {
    if (!(id in nextSaved)) nextSaved[id] = id in current ? current[id]! : null;
    layers[id] = on;
  }
  return { layers, saved: nextSaved, changed: !sameLayers(current, layers) };
}

/** The user's layers back, for every layer the story switched. */
export function restoreUserLayers(current: Readonly<Record<string, boolean>>, saved: SavedLayers): LayerPlan {
  const layers: Record<string, boolean> = { ...current };
  for (const [id, value] of Object.entries(saved)) putBack(layers, id, value);
  return { layers, saved: {}, changed: !sameLayers(current, layers) };
}

function sameLayers(a: Readonly<Record<string, boolean>>, b: Readonly<Record<string, boolean>>): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => k in b && a[k] === b[k]);
}
