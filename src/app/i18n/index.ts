/**
 * i18next set-up. A factory rather than a global, so component tests get their own instance.
 * Resources are bundled (two small dictionaries), so initialisation is synchronous and the first
 * render is already translated: no flash of keys on a kiosk.
 */
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../state/viewSlice';
import { en } from './en';
import { zh } from './zh';

export const HTML_LANG: Record<Language, string> = { zh: 'zh-CN', en: 'en' };

export function createI18n(lng: Language = 'zh'): i18n {
  const inst = i18next.createInstance();
  void inst.use(initReactI18next).init({
    resources: { zh: { translation: zh }, en: { translation: en } },
    lng,
    fallbackLng: 'zh',
    initAsync: false,
    // React escapes text itself.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return inst;
}
