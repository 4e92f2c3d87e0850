/** Values the browser project's global setup hands to its tests (vitest provide/inject). */
declare module 'vitest' {
  export interface ProvidedContext {
    /** Root URL of the built app served from dist/, with a trailing slash. */
    baseUrl: string;
  }
}

export {};
