/**
 * The rule profile and every one of its parameters, editable: local rules differ in standard day,
 * window, counting and window method, so nothing is hidden. A field being typed keeps its text
 * until it parses; the store holds only values, validated by the engine's own profile schema, and
 * each problem is shown next to its field. A changed field is marked and can be reset.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROFILE_IDS, PROFILES, isProfileId } from '../../../analysis/sunlight/profiles';
import { useAppStore } from '../../../state/hooks';
import { MODE_OPTIONS, PROFILE_FIELDS, TERM_OPTIONS, checkProfile, paramValue, parseTst, tstText, type ParamKey, type ProfileField } from './profileForm';

export function ProfileForm({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  const base = useId();
  const lang = useAppStore((s) => s.language);
  const settings = useAppStore((s) => s.sunlightSettings);
  const setSettings = useAppStore((s) => s.setSunlightSettings);
  const setOverride = useAppStore((s) => s.setSunlightOverride);
  const [drafts, setDrafts] = useState<Partial<Record<ParamKey, string>>>({});
  const id = isProfileId(settings.profileId) ? settings.profileId : PROFILE_IDS[0];
  const profile = PROFILES[id];
  const check = checkProfile(id, settings.overrides);

  const commit = (key: ParamKey, value: number | string | null, text: string) => {
    setDrafts((d) => ({ ...d, [key]: text }));
    if (value === null) return;
    // Back at the profile's own value means "not overridden", so the link stays short.
    setOverride(key, value === profile[key] ? undefined : value);
  };
  const problemText = (f: ProfileField): string | null => {
    const draft = drafts[f.key];
    const unparsable = draft !== undefined && (f.kind === 'tst' ? parseTst(draft) === null : f.kind === 'number' && !Number.isFinite(Number(draft === '' ? NaN : draft)));
    const p = unparsable ? 'range' : check.problems[f.key];
    if (!p) return null;
    const lim = f.kind === 'number' ? { min: f.min, max: f.max } : { min: '00:00', max: '24:00' };
    return t(`planning.sunlight.profile.problems.${p}`, lim);
  };

  const input = (f: ProfileField, fieldId: string, errId: string, bad: boolean) => {
    const value = paramValue(id, settings.overrides, f.key);
    const common = { id: fieldId, disabled, 'aria-invalid': bad, 'aria-describedby': bad ? errId : undefined };
    if (f.kind === 'term' || f.kind === 'mode') {
      const options = f.kind === 'term' ? TERM_OPTIONS : MODE_OPTIONS;
      return (
        <select {...common} className="st-select st-sun-input" value={String(value)} onChange={(e) => commit(f.key, e.target.value, e.target.value)}>
          {options.map((o) => (
            <option key={o} value={o}>
              {t(`planning.sunlight.profile.${f.kind === 'term' ? 'terms' : 'modes'}.${o}`)}
            </option>
          ))}
        </select>
      );
    }
    if (f.kind === 'tst') {
      return (
        <input
          {...common}
          className="st-input st-sun-input"
          type="time"
          step={60}
          value={drafts[f.key] ?? tstText(Number(value))}
          onChange={(e) => commit(f.key, parseTst(e.target.value), e.target.value)}
        />
      );
    }
    return (
      <input
        {...common}
        className="st-input st-sun-input"
        type="number"
        inputMode="decimal"
        min={f.min}
        max={f.max}
        step={f.step}
        value={drafts[f.key] ?? String(value)}
        onChange={(e) => {
          const v = e.target.value === '' ? NaN : Number(e.target.value);
          commit(f.key, Number.isFinite(v) ? v : null, e.target.value);
        }}
      />
    );
  };

  return (
    <fieldset className="st-sun-fieldset" disabled={disabled}>
      <legend>{t('planning.sunlight.profile.title')}</legend>
      <label className="st-field" htmlFor={`${base}-profile`}>
        <span>{t('planning.sunlight.profile.choose')}</span>
        <select
          id={`${base}-profile`}
          className="st-select st-sun-input"
          value={id}
          onChange={(e) => {
            setDrafts({});
            setSettings({ profileId: e.target.value });
          }}
        >
          {PROFILE_IDS.map((p) => (
            <option key={p} value={p}>
              {PROFILES[p].name[lang]}
            </option>
          ))}
        </select>
      </label>
      <p className="st-note">{t('planning.sunlight.profile.source', { source: profile.source[lang] })}</p>
      <div className="st-sun-params">
        {PROFILE_FIELDS.map((f) => {
          const fieldId = `${base}-${f.key}`;
          const errId = `${fieldId}-err`;
          const problem = problemText(f);
          const changed = settings.overrides[f.key] !== undefined;
          return (
            <div key={f.key} className="st-field st-sun-param" data-param={f.key}>
              <label htmlFor={fieldId}>
                {t(`planning.sunlight.profile.params.${f.key}`)}
                {changed && <span className="st-badge st-badge--small st-sun-changed">{t('planning.sunlight.profile.changed')}</span>}
              </label>
              {input(f, fieldId, errId, problem !== null)}
              {problem && (
                <span id={errId} className="st-sun-error" role="alert">
                  {problem}
                </span>
              )}
            </div>
          );
        })}
      </div>
      {Object.keys(settings.overrides).length > 0 && (
        <button
          type="button"
          className="st-btn st-sun-btn"
          onClick={() => {
            setDrafts({});
            setSettings({ overrides: {} });
          }}
        >
          {t('planning.sunlight.profile.reset')}
        </button>
      )}
    </fieldset>
  );
}

