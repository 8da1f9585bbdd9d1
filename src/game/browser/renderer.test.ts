import { describe, expect, it } from 'vitest';
import { chooseRenderer } from './renderer.ts';

describe('renderer choice', () => {
  it('uses WebGL on a GPU and Canvas on a CPU rasteriser', () => {
    expect(chooseRenderer('', 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11)')).toBe('webgl');
    expect(chooseRenderer('', 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)')).toBe('canvas');
    expect(chooseRenderer('', 'llvmpipe (LLVM 15.0.6, 256 bits)')).toBe('canvas');
    expect(chooseRenderer('', null)).toBe('canvas');
  });

  it('lets the URL force either', () => {
    expect(chooseRenderer('?renderer=webgl', 'SwiftShader')).toBe('webgl');
    expect(chooseRenderer('?renderer=canvas', 'Apple M2')).toBe('canvas');
    expect(chooseRenderer('?renderer=nonsense', 'Apple M2')).toBe('webgl');
  });
});
