/**
 * Export the results to GeoJSON and load them back. A loaded file's good results are recomputed
 * on the state analysed now (the controller does it, so no finding comes from the file alone);
 * every problem is listed by file and feature, and a file with problems is counted as an import
 * error, while the results already in the list stay.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scene } from '../../../scene/schema';
import { useAppStore, useAppStoreApi } from '../../../state/hooks';
import { downloadResults, fileProblems, readResultsFile, RESULTS_FILE_ACCEPT, type FileProblem } from './resultsFile';
import type { ToolsController } from './ToolsController';

interface Outcome {
  file: string;
  /** Null when the file was refused whole. */
  added: number | null;
  failed: number;
  problems: FileProblem[];
}

interface Props {
  scene: Scene;
  controller: ToolsController | null;
  now?: () => number;
}

export function ResultsFileActions({ scene, controller, now = Date.now }: Props) {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const lang = useAppStore((s) => s.language);
  const count = useAppStore((s) => s.toolResults.items.length);
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const importFile = async (file: File) => {
    if (!controller) return;
    setBusy(file.name);
    const r = await readResultsFile(file, scene, now());
    let out: Outcome;
    if (r === 'unreadable') {
      store.getState().reportError('import', file.name, 'the file could not be read');
      out = { file: file.name, added: null, failed: 0, problems: [{ feature: null, message: t('planning.tools.results.unreadable'), detail: '' }] };
    } else {
      if (r.errors.length > 0) store.getState().reportError('import', file.name, `${r.errors.length} problem(s); first: ${r.errors[0]!.feature}: ${r.errors[0]!.reason}`);
      const problems = fileProblems(r.errors, t);
      if (!r.ok) out = { file: file.name, added: null, failed: 0, problems };
      else {
        const { added, failed } = await controller.importResults(r.results);
        out = { file: file.name, added, failed, problems };
      }
    }
    setBusy(null);
    setOutcome(out);
  };

  const where = (p: FileProblem) => p.feature ?? t('planning.tools.results.fileLevel');

  return (
    <div className="st-tools-file">
      <div className="st-row">
        <button type="button" className="st-btn st-tools-btn" disabled={count === 0} onClick={() => downloadResults(store.getState().toolResults.items, scene)}>
          {t('planning.tools.results.export')}
        </button>
        <label className="st-btn st-tools-btn st-tools-file__pick">
          {t('planning.tools.results.import')}
          <input
            type="file"
            className="st-visually-hidden"
            accept={RESULTS_FILE_ACCEPT}
            disabled={!controller || busy !== null}
            data-testid="tool-results-file"
            onChange={(e) => {
              const f = e.target.files?.[0];
              // Cleared so that the same file, once fixed, can be chosen again.
              e.target.value = '';
              if (f) void importFile(f);
            }}
          />
        </label>
      </div>
      <div aria-live="polite" data-testid="tool-results-import">
        {busy && <p className="st-note">{t('planning.tools.results.reading', { file: busy })}</p>}
        {outcome && outcome.added !== null && (
          <p className="st-note">
            {t('planning.tools.results.imported', { file: outcome.file, n: outcome.added })}
            {outcome.failed > 0 && ` · ${t('planning.tools.results.recomputeFailed', { n: outcome.failed })}`}
          </p>
        )}
        {outcome && outcome.problems.length > 0 && (
          <div className="st-tools-file__errors" role="alert" data-file={outcome.file}>
            <p>{outcome.added === null ? t('planning.tools.results.importFailed', { file: outcome.file }) : t('planning.tools.results.skipped', { file: outcome.file })}</p>
            <ul>
              {outcome.problems.map((p, k) => (
                <li key={k} data-feature={p.feature ?? 'file'}>
                  <strong>{where(p)}</strong>: {p.message}
                  {p.detail && p.detail !== p.message && (
                    <span className="st-muted" lang={lang === 'en' ? undefined : 'en'}>
                      {' '}
                      ({p.detail})
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </div>
  );
}
