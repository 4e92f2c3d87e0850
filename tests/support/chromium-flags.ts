/** Chromium command-line flags shared by browser tests and benchmarks (see ../shared/TESTING.md). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** WebGL2 on SwiftShader (no GPU), and nothing that calls home on a closed network. */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Benchmarks uncap frame timing so frame cost, not the display, paces the loop. With the frame
 * rate uncapped, GPU-accelerated 2D canvases (uPlot's sparklines) on SwiftShader stall the GPU
 * process for tens of seconds per frame (westbund overview: 0.1 fps once the vital-sign charts
 * mount, 3 fps without them), so benches raster 2D canvases on the CPU, as Chromium does on a
 * machine without a GPU.
 */
export const BENCH_FLAGS: readonly string[] = ['--disable-gpu-vsync', '--disable-frame-rate-limit', '--disable-accelerated-2d-canvas'];
