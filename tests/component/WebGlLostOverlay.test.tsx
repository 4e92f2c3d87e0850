import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { WebGlLostOverlay } from '../../src/ui/WebGlLostOverlay';
import { renderUi } from './render';

describe('WebGlLostOverlay', () => {
  it('appears while the WebGL context is lost and goes when it is restored', () => {
    const { store } = renderUi(<WebGlLostOverlay />);
    expect(screen.queryByTestId('webgl-lost')).toBeNull();
    act(() => store.getState().setWebglLost(true));
    expect(screen.getByRole('alert').textContent).toMatch(/三维渲染已暂停.*自动重新加载/);
    act(() => store.getState().setWebglLost(false));
    expect(screen.queryByTestId('webgl-lost')).toBeNull();
  });
});
