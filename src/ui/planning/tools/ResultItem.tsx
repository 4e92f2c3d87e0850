/**
 * One kept result: its name (a button that selects it, and so highlights it in 3D; or, while
 * renaming, a text field that Enter or leaving saves and Esc abandons), its kind, its values, the
 * 方案参考 label, and Rename / Delete.
 */
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../state/hooks';
import { MAX_RESULT_NAME_LENGTH, type AnyToolResult } from '../../../tools/results';
import { ResultValues } from './ResultValues';

interface Props {
  result: AnyToolResult;
  selected: boolean;
}

export function ResultItem({ result, selected }: Props) {
  const { t } = useTranslation();
  const select = useAppStore((s) => s.selectToolResult);
  const rename = useAppStore((s) => s.renameToolResult);
  const remove = useAppStore((s) => s.deleteToolResult);
  const [draft, setDraft] = useState<string | null>(null);

  const save = () => {
    // A blank name is refused by the list itself, which keeps the old one.
    if (draft !== null) rename(result.id, draft);
    setDraft(null);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') save();
    else if (e.key === 'Escape') setDraft(null);
  };

  return (
    <li className="st-tools-result" data-result-id={result.id} data-kind={result.kind} data-selected={selected || undefined}>
      <div className="st-tools-result__head">
        {draft === null ? (
          <button
            type="button"
            className="st-btn st-tools-btn st-tools-result__name"
            aria-pressed={selected}
            aria-label={t('planning.tools.results.select', { name: result.name })}
            onClick={() => select(selected ? null : result.id)}
          >
            {result.name}
          </button>
        ) : (
          <input
            className="st-input st-tools-input st-tools-result__rename"
            aria-label={t('planning.tools.results.newName', { name: result.name })}
            value={draft}
            maxLength={MAX_RESULT_NAME_LENGTH}
            autoFocus
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={onKey}
            onBlur={save}
          />
        )}
        <span className="st-badge st-badge--warn st-badge--small">{t('planning.tools.label')}</span>
      </div>
      <p className="st-muted st-tools-result__kind">{t(`planning.tools.kinds.${result.kind}`)}</p>
      <ResultValues values={result.values} />
      <div className="st-row st-tools-result__actions">
        {draft === null ? (
          <button type="button" className="st-btn st-tools-btn" aria-label={t('planning.tools.results.renameOf', { name: result.name })} onClick={() => setDraft(result.name)}>
            {t('planning.tools.results.rename')}
          </button>
        ) : (
          // Saving happens on blur too; the button is there for touch, where Enter is not at hand.
          <button type="button" className="st-btn st-tools-btn" onMouseDown={(e) => e.preventDefault()} onClick={save}>
            {t('planning.tools.results.save')}
          </button>
        )}
        <button type="button" className="st-btn st-tools-btn" aria-label={t('planning.tools.results.deleteOf', { name: result.name })} onClick={() => remove(result.id)}>
          {t('planning.tools.results.delete')}
        </button>
      </div>
    </li>
  );
}
