/**
 * User-facing problems with untrusted input. Each gets a message in the UI and bumps a counter;
 * the list is bounded so a flood of bad input cannot grow memory.
 */
import type { StateCreator } from 'zustand/vanilla';

export type ErrorCategory = 'scene' | 'tileset' | 'tile' | 'feed' | 'url' | 'webgl' | 'import' | 'runtime';

export interface AppError {
  seq: number;
  category: ErrorCategory;
  /** Where: a file, URL or parameter name. */
  source: string;
  /** English detail for whoever fixes it (machine reasons stay as they are). */
  message: string;
  /** What went wrong, as a key for a translated headline ("feed-lost"); absent: the category's headline. */
  kind?: string;
  atMs: number;
}

export const MAX_ERRORS_KEPT = 50;

export interface ErrorsSlice {
  errors: AppError[];
  errorCounts: Record<ErrorCategory, number>;
  reportError(category: ErrorCategory, source: string, message: string, atMs?: number, kind?: string): void;
  dismissError(seq: number): void;
  clearErrors(category?: ErrorCategory): void;
}

let seq = 0;

export const createErrorsSlice: StateCreator<ErrorsSlice, [], [], ErrorsSlice> = (set) => ({
  errors: [],
  errorCounts: { scene: 0, tileset: 0, tile: 0, feed: 0, url: 0, webgl: 0, import: 0, runtime: 0 },
  reportError: (category, source, message, atMs = 0, kind) =>
    set((s) => ({
      errors: [...s.errors, { seq: ++seq, category, source, message, atMs, ...(kind ? { kind } : {}) }].slice(-MAX_ERRORS_KEPT),
      errorCounts: { ...s.errorCounts, [category]: s.errorCounts[category] + 1 },
    })),
  dismissError: (n) => set((s) => ({ errors: s.errors.filter((e) => e.seq !== n) })),
  clearErrors: (category) =>
    set((s) => ({ errors: category ? s.errors.filter((e) => e.category !== category) : [] })),
});
