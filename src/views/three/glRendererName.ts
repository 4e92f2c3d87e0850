/** The unmasked renderer name of a context (the masked one where the extension is missing). Shared by the page and the probe worker. */
export function contextRendererName(gl: WebGL2RenderingContext | WebGLRenderingContext): string {
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
}
