/**
 * The planner's list of kept results (measurements, sight lines, sections, …), shared by every
 * tool. Plain data for a zustand slice: pure functions return a new list, or the same list when
 * nothing changed. Ids come from a counter in the list so that tests and exports are stable.
 */
import type { AnyToolInputs, ResultValues, ToolInputs, ToolKind } from './toolTypes';

export interface ToolResult<K extends ToolKind = ToolKind> {
  id: string;
  kind: K;
  name: string;
  inputs: ToolInputs<K>;
  values: ResultValues;
  /** ms since the epoch, from the injected clock. */
  createdAt: number;
}

export type AnyToolResult = { [K in ToolKind]: ToolResult<K> }[ToolKind];

export interface ResultsList {
  items: readonly AnyToolResult[];
  selectedId: string | null;
  /** The next id's number; never reused, so a deleted result's id never comes back. */
  nextId: number;
}

/** A result before it has an id; the kind is the inputs'. */
export interface ResultDraft {
  inputs: AnyToolInputs;
  values: ResultValues;
  createdAt: number;
  /** The UI passes a translated default ("距离 3"); without one the kind and number are used. */
  name?: string;
}

/** A planner session keeps dozens; past this the list refuses more rather than dropping old ones. */
export const MAX_RESULTS = 500;
export const MAX_RESULT_NAME_LENGTH = 80;

export const EMPTY_RESULTS: ResultsList = { items: [], selectedId: null, nextId: 1 };

/** Trimmed, collapsed and capped; null when nothing is left. */
export function cleanResultName(name: string): string | null {
  const s = name.replace(/\s+/g, ' ').trim().slice(0, MAX_RESULT_NAME_LENGTH).trim();
  return s === '' ? null : s;
}

function make(draft: ResultDraft, n: number): AnyToolResult {
  const id = `r${n}`;
  const name = (draft.name !== undefined ? cleanResultName(draft.name) : null) ?? `${draft.inputs.kind} ${n}`;
  return { id, kind: draft.inputs.kind, name, inputs: draft.inputs, values: draft.values, createdAt: draft.createdAt } as AnyToolResult;
}

/** Adds and selects the new result; a full list is returned unchanged. */
export function addResult(list: ResultsList, draft: ResultDraft): ResultsList {
  if (list.items.length >= MAX_RESULTS) return list;
  const r = make(draft, list.nextId);
  return { items: [...list.items, r], selectedId: r.id, nextId: list.nextId + 1 };
}

/** Adds many (an imported file) without changing the selection; `added` may be short of the drafts when the list fills. */
export function addResults(list: ResultsList, drafts: readonly ResultDraft[]): { list: ResultsList; added: number } {
  const room = Math.max(0, MAX_RESULTS - list.items.length);
  const take = drafts.slice(0, room);
  if (take.length === 0) return { list, added: 0 };
  const items = take.map((d, i) => make(d, list.nextId + i));
  return { list: { items: [...list.items, ...items], selectedId: list.selectedId, nextId: list.nextId + take.length }, added: take.length };
}

export function selectResult(list: ResultsList, id: string | null): ResultsList {
  if (id === list.selectedId) return list;
  if (id !== null && !list.items.some((r) => r.id === id)) return list;
  return { ...list, selectedId: id };
}

/** An empty or blank name is refused (the list is returned unchanged). */
export function renameResult(list: ResultsList, id: string, name: string): ResultsList {
  const clean = cleanResultName(name);
  const i = list.items.findIndex((r) => r.id === id);
  if (clean === null || i < 0 || list.items[i]!.name === clean) return list;
  const items = list.items.slice();
  items[i] = { ...list.items[i]!, name: clean };
  return { ...list, items };
}

export function deleteResult(list: ResultsList, id: string): ResultsList {
  if (!list.items.some((r) => r.id === id)) return list;
  return { ...list, items: list.items.filter((r) => r.id !== id), selectedId: list.selectedId === id ? null : list.selectedId };
}

/** Empties the list; the counter runs on so that ids stay unique within the session. */
export function clearResults(list: ResultsList): ResultsList {
  return list.items.length === 0 && list.selectedId === null ? list : { ...list, items: [], selectedId: null };
}

export function selectedResult(list: ResultsList): AnyToolResult | null {
  return list.selectedId === null ? null : list.items.find((r) => r.id === list.selectedId) ?? null;
}
