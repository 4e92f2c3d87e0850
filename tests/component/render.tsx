/** Renders UI with its own store and i18n instance, as the app does, for component tests. */
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../src/app/i18n';
import { StoreContext } from '../../src/state/hooks';
import { createAppStore, type AppStore } from '../../src/state/store';
import type { Language } from '../../src/state/viewSlice';

export function renderUi(
  ui: ReactElement,
  opts: { store?: AppStore; lang?: Language } = {},
): RenderResult & { store: AppStore } {
  const store = opts.store ?? createAppStore();
  if (opts.lang) store.getState().setLanguage(opts.lang);
  const i18n = createI18n(store.getState().language);
  // A wrapper, not a wrapping element, so rerender() keeps the providers.
  const wrapper = ({ children }: { children: ReactNode }) => (
    <StoreContext.Provider value={store}>
      <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
    </StoreContext.Provider>
  );
  const result = render(ui, { wrapper });
  return { ...result, store };
}
