/** The large bilingual product name on the landing screens (zone picker, zone-list error). */
import { useTranslation } from 'react-i18next';

export function LandingBrand() {
  const { t } = useTranslation();
  return (
    <div className="st-brand st-brand--large">
      <span className="st-brand__zh" lang="zh-CN">
        {t('app.name')}
      </span>
      <span className="st-brand__en" lang="en">
        {t('app.nameEn')}
      </span>
    </div>
  );
}
