/**
 * Software rasterisers (SwiftShader, llvmpipe) draw every pixel on the CPU: multisampling there
 * costs more than half the frame rate, so the view turns it off when the GPU is not real.
 */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render driver/i;

export function isSoftwareRenderer(rendererName: string | null | undefined): boolean {
  return typeof rendererName === 'string' && SOFTWARE_RENDERER.test(rendererName);
}

/** Asks a throwaway WebGL2 context for the unmasked renderer name, then releases it. */
export function probeRendererName(doc: Document = document): string | null {
  const canvas = doc.createElement('canvas');
  const gl = canvas.getContext('webgl2');
  if (!gl) return null;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = info ? (gl.getParameter(info.UNMASKED_RENDERER_WEBGL) as string) : (gl.getParameter(gl.RENDERER) as string);
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return name;
}
