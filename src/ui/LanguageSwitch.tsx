/** 中文 / EN switch. The store holds the language; the app shell follows it (i18n, <html lang>, URL). */
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../state/hooks';
import type { Language } from '../state/viewSlice';

const OPTIONS: { lang: Language; label: string; htmlLang: string }[] = [
  // Each language is named in itself, so a reader of either can find it.
  { lang: 'zh', label: '中文', htmlLang: 'zh-CN' },
  { lang: 'en', label: 'EN', htmlLang: 'en' },
];

export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const setLanguage = useAppStore((s) => s.setLanguage);
  return (
    <div className="st-segmented" role="group" aria-label={t('topbar.language')}>
      {OPTIONS.map((o) => (
        <button
          key={o.lang}
          type="button"
          lang={o.htmlLang}
          className="st-segmented__btn"
          aria-pressed={language === o.lang}
          onClick={() => setLanguage(o.lang)}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
