/** Compact zone switcher for the top bar: switches zones in place, without reloading the page. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { enterZone } from '../app/zoneActions';
import { useAppStore, useAppStoreApi } from '../state/hooks';

export function ZoneSwitcher() {
  const { t } = useTranslation();
  const id = useId();
  const store = useAppStoreApi();
  const zones = useAppStore((s) => s.zones);
  const current = useAppStore((s) => s.currentZoneId);
  const lang = useAppStore((s) => s.language);
  const onChange = (zoneId: string) => {
    const scene = zones.find((z) => z.id === zoneId)?.scene;
    if (scene && zoneId !== store.getState().currentZoneId) enterZone(store, scene);
  };
  return (
    <div className="st-zone-switcher">
      <label htmlFor={id} className="st-visually-hidden">
        {t('zone.switcher')}
      </label>
      <select id={id} className="st-select" value={current ?? ''} onChange={(e) => onChange(e.target.value)}>
        {zones.map((z) => (
          <option key={z.id} value={z.id} disabled={!z.scene}>
            {z.scene ? z.scene.name[lang] : t('zone.unavailableOption', { id: z.id })}
          </option>
        ))}
      </select>
    </div>
  );
}
