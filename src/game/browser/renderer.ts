/**
 * Which Phaser renderer to use. WebGL where the browser has a GPU; Canvas where WebGL is
 * emulated on the CPU (SwiftShader, llvmpipe — VMs, CI, machines with no driver), because
 * the desk is text, boxes and lines, and a CPU rasteriser draws those an order of
 * magnitude faster through Canvas 2D than through emulated WebGL (measured with
 * `npm run bench:browser`). `?renderer=webgl` or `?renderer=canvas` overrides.
 */
export type RendererChoice = 'webgl' | 'canvas';

const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render driver|mesa offscreen/i;

/** Decides from the URL's query string and the WebGL renderer's name (null: no WebGL at all). */
export function chooseRenderer(search: string, glRenderer: string | null): RendererChoice {
  const forced = new URLSearchParams(search).get('renderer');
  if (forced === 'webgl' || forced === 'canvas') return forced;
  if (glRenderer === null) return 'canvas';
  return SOFTWARE.test(glRenderer) ? 'canvas' : 'webgl';
}

/** The name of the browser's WebGL renderer, or null if WebGL is unavailable. */
export function probeWebGl(): string | null {
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    if (!gl) return null;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return name;
  } catch {
    return null;
  }
}
