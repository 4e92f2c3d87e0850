/**
 * The one results list every tool adds to: each result with its name, kind and values, selected
 * from here (the 3D layer highlights toolResults.selectedId), renamed, deleted or cleared, and the
 * whole list exported to GeoJSON or loaded from it. The selected result's detail follows the list.
 */
import { useTranslation } from 'react-i18next';
import type { Scene } from '../../../scene/schema';
import { useAppStore } from '../../../state/hooks';
import type { CityBuilding } from '../sunlight/analysisInputs';
import { ResultDetail } from './ResultDetail';
import { ResultItem } from './ResultItem';
import { ResultsFileActions } from './ResultsFileActions';
import type { ToolsController } from './ToolsController';

interface Props {
  scene: Scene;
  controller: ToolsController | null;
  /** The zone's buildings, for naming the ones a result refers to by id. */
  loadZone(): Promise<CityBuilding[]>;
  now?: () => number;
}

export function ToolResultsList({ scene, controller, loadZone, now }: Props) {
  const { t } = useTranslation();
  const results = useAppStore((s) => s.toolResults);
  const clear = useAppStore((s) => s.clearToolResults);
  const selected = results.items.find((r) => r.id === results.selectedId) ?? null;

  return (
    <section className="st-tools-results" aria-label={t('planning.tools.results.title')} data-testid="tool-results">
      <h3 className="st-tools-subtitle">
        {t('planning.tools.results.title')} <span className="st-badge st-badge--warn st-badge--small">{t('planning.tools.label')}</span>
      </h3>
      {results.items.length === 0 ? (
        <p className="st-note">{t('planning.tools.results.none')}</p>
      ) : (
        <ul className="st-tools-result-list">
          {results.items.map((r) => (
            <ResultItem key={r.id} result={r} selected={r.id === results.selectedId} />
          ))}
        </ul>
      )}
      <div className="st-row">
        <button type="button" className="st-btn st-tools-btn" disabled={results.items.length === 0} onClick={clear}>
          {t('planning.tools.results.clear')}
        </button>
      </div>
      <ResultsFileActions scene={scene} controller={controller} now={now} />
      {selected && <ResultDetail result={selected} loadZone={loadZone} />}
      <p className="st-note st-note--warn">{t('planning.tools.labelNote')}</p>
    </section>
  );
}
