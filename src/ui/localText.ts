/** A scene text that is either the same in both languages or given per language, in the UI language. */
import type { Language } from '../state/viewSlice';

export type LocalText = string | { zh: string; en: string };

export function localText(text: LocalText, lang: Language): string {
  return typeof text === 'string' ? text : text[lang] || text.zh || text.en;
}
