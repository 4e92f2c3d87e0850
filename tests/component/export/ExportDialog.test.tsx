import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { registerViewCapturer } from '../../../src/state/viewCapture';
import { ExportButton } from '../../../src/ui/export/ExportButton';
import { makeScene } from '../fixtures';
import { renderUi } from '../render';

let unregister: (() => void) | null = null;
afterEach(() => {
  unregister?.();
  unregister = null;
});

describe('ExportDialog', () => {
  it('offers 1×, 1.5× and 2× the window with their pixel sizes, in the interface language', () => {
    window.innerWidth = 1280;
    window.innerHeight = 720;
    renderUi(<ExportButton scene={makeScene()} />, { lang: 'en' });
    fireEvent.click(screen.getByRole('button', { name: 'Export image' }));
    const radios = screen.getAllByRole('radio');
    expect(radios.map((r) => r.closest('label')!.textContent)).toEqual([
      `1× window · 1280 × 720 px`,
      `1.5× window · 1920 × 1080 px`,
      `2× window · 2560 × 1440 px`,
    ]);
    expect((radios[0] as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText(/Text in the image: English/)).toBeTruthy();
  });

  it('says why a capture failed, counts it in the error list, and keeps the dialog usable', async () => {
    unregister = registerViewCapturer(() => {
      throw new Error('WebGL context lost');
    });
    const { store } = renderUi(<ExportButton scene={makeScene()} />);
    fireEvent.click(screen.getByRole('button', { name: '导出截图' }));
    fireEvent.click(screen.getByRole('button', { name: '下载 PNG' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('截图失败：三维图形上下文（WebGL）已丢失'));
    const s = store.getState();
    expect(s.errorCounts.webgl).toBe(1);
    expect(s.errors[0]).toMatchObject({ category: 'webgl', source: 'screenshot', kind: 'export-failed' });
    expect((screen.getByRole('button', { name: '下载 PNG' }) as HTMLButtonElement).disabled).toBe(false);
    // Escape closes it; nothing else changed.
    act(() => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    });
    expect(screen.queryByTestId('export-dialog')).toBeNull();
    expect(s.webglLost).toBe(false);
  });

  it('says so when no view can be captured', async () => {
    const { store } = renderUi(<ExportButton scene={makeScene()} />, { lang: 'en' });
    fireEvent.click(screen.getByRole('button', { name: 'Export image' }));
    fireEvent.click(screen.getByRole('button', { name: 'Download PNG' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('The screenshot failed: no view that can be captured is shown'));
    expect(store.getState().errorCounts.webgl).toBe(1);
  });
});
