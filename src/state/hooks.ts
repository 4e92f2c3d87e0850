/** React bindings for the vanilla store. Components read state only through these. */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { appStore, type AppState, type AppStore } from './store';

export const StoreContext = createContext<AppStore>(appStore);

export function useAppStore<T>(selector: (s: AppState) => T): T {
  return useStore(useContext(StoreContext), selector);
}

/** For imperative access (event handlers, frame loops): no re-render. */
export function useAppStoreApi(): AppStore {
  return useContext(StoreContext);
}
