/**
 * 导入方案: a planner brings a scheme as GeoJSON or CityJSON, by file picker or drop. The file is
 * validated in the browser and, if good, shown and analysed like a shipped scheme. A bad file is
 * refused with every problem named (file, feature, reason) and counted in the status bar; the
 * schemes already there stay. No server and no rebuild.
 */
import { useId, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_MAX_SCHEME_BYTES, parseSchemeFile } from '../../analysis/planning/schemeFile';
import type { Scene } from '../../scene/schema';
import { useAppStore, useAppStoreApi } from '../../state/hooks';
import { allSchemes } from '../../state/planningSlice';
import { problemLines, uniqueSchemeId, type ProblemLine } from './importModel';

export const SCHEME_FILE_ACCEPT = '.geojson,.json,.cityjson';

type Crs = 'wgs84' | 'gcj02';
const CRS: readonly Crs[] = ['wgs84', 'gcj02'];
const CRS_LABEL: Record<Crs, string> = { wgs84: 'WGS84', gcj02: 'GCJ-02' };

type Outcome =
  | { file: string; ok: true; name: string; count: number; renamedTo: string | null; warnings: ProblemLine[] }
  | { file: string; ok: false; lines: ProblemLine[] };

export function SchemeImport({ scene }: { scene: Scene }) {
  const { t } = useTranslation();
  const titleId = useId();
  const radio = useId();
  const api = useAppStoreApi();
  const lang = useAppStore((s) => s.language);
  const plan = useAppStore((s) => s.plan);
  const imported = useAppStore((s) => s.importedSchemes);
  const activeSiteId = useAppStore((s) => s.activeSiteId);
  const removeImported = useAppStore((s) => s.removeImportedScheme);
  const [crs, setCrs] = useState<Crs>('wgs84');
  const [siteChoice, setSiteChoice] = useState<string | null>(null);
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const sites = plan?.sites ?? [];
  const siteId = siteChoice ?? activeSiteId ?? sites[0]?.id ?? null;

  const importOne = async (file: File): Promise<Outcome> => {
    const s = api.getState();
    const ctx = {
      fileName: file.name,
      origin: scene.origin,
      bounds: scene.bounds,
      crs,
      source: 'imported' as const,
      knownSiteIds: (s.plan?.sites ?? []).map((x) => x.id),
      ...(siteId ? { defaultSiteId: siteId } : {}),
    };
    let text = '';
    // An oversized file is not read at all: the parser refuses it from its size alone.
    if (file.size <= DEFAULT_MAX_SCHEME_BYTES) {
      try {
        text = await file.text();
      } catch {
        s.reportError('import', file.name, 'the file could not be read');
        return { file: file.name, ok: false, lines: [{ feature: null, message: t('planning.import.unreadable'), detail: '' }] };
      }
    }
    const r = parseSchemeFile(text, file.size, ctx);
    if (!r.ok) {
      s.reportError('import', file.name, r.errors[0]?.reason ?? 'refused');
      return { file: file.name, ok: false, lines: problemLines(r.errors, t) };
    }
    const now = api.getState();
    const id = uniqueSchemeId(r.scheme.id, new Set(allSchemes(now).map((x) => x.id)));
    now.addImportedScheme({ ...r.scheme, id });
    // The board is about one site: follow the scheme there so that it shows at once.
    now.setActiveSite(r.scheme.siteId);
    return {
      file: file.name,
      ok: true,
      name: r.scheme.name[lang],
      count: r.scheme.buildings.length,
      renamedTo: id === r.scheme.id ? null : id,
      warnings: problemLines(r.warnings, t),
    };
  };

  const importFiles = async (files: readonly File[]) => {
    const out: Outcome[] = [];
    for (const f of files) {
      setBusy(f.name);
      out.push(await importOne(f));
    }
    setBusy(null);
    setOutcomes(out);
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void importFiles([...e.dataTransfer.files]);
  };

  const where = (l: ProblemLine) => l.feature ?? t('planning.import.fileLevel');

  return (
    <section className="st-section st-plan-import" aria-labelledby={titleId}>
      <h2 id={titleId} className="st-section__title">
        {t('planning.import.title')}
      </h2>
      <fieldset className="st-plan-choice">
        <legend>{t('planning.import.crs')}</legend>
        {CRS.map((c) => (
          <label key={c} className="st-chip st-plan-choice__item">
            <input type="radio" name={`${radio}-crs`} checked={crs === c} onChange={() => setCrs(c)} />
            {CRS_LABEL[c]}
          </label>
        ))}
      </fieldset>
      <p className="st-note">{t('planning.import.crsNote')}</p>
      {sites.length > 0 && (
        <label className="st-field">
          <span>{t('planning.import.site')}</span>
          <select className="st-select" value={siteId ?? ''} onChange={(e) => setSiteChoice(e.target.value)}>
            {sites.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name[lang]}
              </option>
            ))}
          </select>
        </label>
      )}
      <div
        className="st-plan-drop"
        data-dragging={dragging ? 'yes' : 'no'}
        data-testid="scheme-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label className="st-btn st-plan-drop__pick">
          {t('planning.import.choose')}
          <input
            type="file"
            className="st-visually-hidden"
            accept={SCHEME_FILE_ACCEPT}
            multiple
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              // Cleared so that choosing the same file again (after fixing it) imports it again.
              e.target.value = '';
              void importFiles(files);
            }}
          />
        </label>
        <span className="st-muted">{t('planning.import.drop')}</span>
      </div>
      <div className="st-plan-import__results" aria-live="polite" data-testid="import-results">
        {busy && <p className="st-note">{t('planning.import.reading', { file: busy })}</p>}
        {outcomes.map((o, i) =>
          o.ok ? (
            <div key={i} className="st-plan-import__ok" data-file={o.file}>
              <p>{t('planning.import.success', { file: o.file, name: o.name, n: o.count })}</p>
              {o.renamedTo && <p className="st-note">{t('planning.import.renamed', { id: o.renamedTo })}</p>}
              {o.warnings.map((w, k) => (
                <p key={k} className="st-note st-note--warn">
                  {t('planning.import.warning', { file: where(w), reason: w.message })}
                </p>
              ))}
            </div>
          ) : (
            <div key={i} className="st-plan-import__err" role="alert" data-file={o.file}>
              <p className="st-plan-import__err-title">{t('planning.import.failed', { file: o.file })}</p>
              <ul>
                {o.lines.map((l, k) => (
                  <li key={k} data-feature={l.feature ?? 'file'}>
                    <strong>{where(l)}</strong>: {l.message}
                    {lang !== 'en' && l.detail && l.detail !== l.message && (
                      <span className="st-plan-import__detail" lang="en">
                        {' '}
                        ({l.detail})
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          ),
        )}
      </div>
      <h3 className="st-legend__title">{t('planning.import.list')}</h3>
      {imported.length === 0 ? (
        <p className="st-note">{t('planning.import.noneImported')}</p>
      ) : (
        <ul className="st-plan-import__list">
          {imported.map((s) => (
            <li key={s.id} data-scheme={s.id}>
              <span>{s.name[lang]}</span>
              <button
                type="button"
                className="st-btn st-btn--small st-plan-btn"
                aria-label={t('planning.import.removeOf', { name: s.name[lang] })}
                onClick={() => removeImported(s.id)}
              >
                {t('planning.import.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
