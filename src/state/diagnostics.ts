/**
 * Read-only diagnostics that views publish for the `?test=1` hook and for benchmarks.
 * Providers are pulled on demand, so nothing is computed per frame for them. A view registers a
 * provider on mount and removes it in the same effect's cleanup.
 */
export type DiagnosticProvider = () => Record<string, unknown>;

const providers = new Map<string, DiagnosticProvider>();

export function registerDiagnostics(name: string, provider: DiagnosticProvider): () => void {
  providers.set(name, provider);
  return () => {
    if (providers.get(name) === provider) providers.delete(name);
  };
}

export function readDiagnostics(): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [name, p] of providers) {
    try {
      out[name] = p();
    } catch (e) {
      out[name] = { error: (e as Error).message };
    }
  }
  return out;
}
