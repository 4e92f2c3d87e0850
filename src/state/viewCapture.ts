/**
 * Screenshots of the 3D view in chosen plan states, for the printable scheme report. The view
 * registers the capturer on mount (like diagnostics providers); the UI asks for images without
 * holding any renderer. Resolves to an empty list when no view that can capture is mounted.
 */
export interface StateImage {
  stateId: string;
  dataUrl: string;
}

export type StateCapturer = (stateIds: readonly string[]) => StateImage[];

let capturer: StateCapturer | null = null;

export function registerStateCapturer(c: StateCapturer): () => void {
  capturer = c;
  return () => {
    if (capturer === c) capturer = null;
  };
}

export async function captureStates(stateIds: readonly string[]): Promise<StateImage[]> {
  // After the current frame, so the capture does not race the render loop's own passes.
  await new Promise((r) => setTimeout(r, 0));
  return capturer ? capturer(stateIds) : [];
}
