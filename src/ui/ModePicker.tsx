/**
 * The landing page's choice of working mode: planner desk, operation-centre big screen or kiosk.
 * A radio group, so it is one tab stop and arrow keys move within it; the choice goes into the link.
 */
import { useTranslation } from 'react-i18next';
import { useAppStore, useAppStoreApi } from '../state/hooks';
import { APP_MODES } from '../state/modeSlice';

export function ModePicker() {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const mode = useAppStore((s) => s.mode);
  return (
    <fieldset className="st-mode-picker" data-testid="mode-picker">
      <legend className="st-mode-picker__legend">{t('modes.label')}</legend>
      {APP_MODES.map((m) => (
        <label key={m} className={`st-mode-picker__option${m === mode ? ' is-active' : ''}`} data-mode={m}>
          <input type="radio" name="st-mode" value={m} checked={m === mode} onChange={() => store.getState().setMode(m, 'user')} />
          <span className="st-mode-picker__name">{t(`modes.${m}`)}</span>
          <span className="st-mode-picker__hint">{t(`modes.${m}Hint`)}</span>
        </label>
      ))}
    </fieldset>
  );
}
