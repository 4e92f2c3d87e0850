/**
 * The indicator table of one site: a row per indicator, a column per state (today, each scheme),
 * and the difference of two states. Each controlled value stands with its limit, a pass/fail
 * badge (word and colour) and the margin. `tagged` adds the data attributes browser tests read;
 * the printed report leaves them off so that the board's numbers stay the only tagged ones.
 */
import { useTranslation } from 'react-i18next';
import type { BoardState, SiteBoard } from '../../analysis/planning/board';
import type { ComplianceRow } from '../../analysis/planning/types';
import { useAppStore } from '../../state/hooks';
import type { BoardPair } from './boardPair';
import { BOARD_ROWS, formatSigned, formatValue, type BoardRowKey } from './indicatorFormat';

interface Props {
  board: SiteBoard;
  pair: BoardPair | null;
  tagged?: boolean;
  /** Columns to show (default: every state of the board). */
  stateIds?: readonly string[];
}

export function IndicatorTable({ board, pair, tagged = false, stateIds }: Props) {
  const { t } = useTranslation();
  const lang = useAppStore((s) => s.language);
  const states = stateIds ? board.states.filter((s) => stateIds.includes(s.stateId)) : board.states;
  const byId = (id: string) => board.states.find((s) => s.stateId === id);
  const pa = pair ? byId(pair.a) : undefined;
  const pb = pair ? byId(pair.b) : undefined;
  const tag = (key: BoardRowKey, state: string, role: string, value: number | string) =>
    tagged ? { 'data-indicator': key, 'data-state': state, 'data-role': role, 'data-value': String(value) } : {};

  const complianceCell = (key: BoardRowKey, st: BoardState, row: ComplianceRow) => (
    <>
      <span className="st-plan-board__limit" {...tag(key, st.stateId, 'limit', row.limit ?? '')}>
        {row.limit === null
          ? t('planning.board.uncontrolled')
          : t(row.sense === 'max' ? 'planning.board.limitMax' : 'planning.board.limitMin', { v: formatValue(key, row.limit, lang) })}
      </span>
      {row.verdict !== 'uncontrolled' && (
        <span className={`st-badge st-badge--small st-plan-verdict--${row.verdict}`} {...tag(key, st.stateId, 'verdict', row.verdict)}>
          {row.verdict === 'pass' ? '✓ ' : '✗ '}
          {t(`planning.board.${row.verdict}`)}
        </span>
      )}
      {row.margin !== null && (
        <span className="st-plan-board__margin" {...tag(key, st.stateId, 'margin', row.margin)}>
          {t('planning.board.margin', { v: formatSigned(key, row.margin, lang) })}
        </span>
      )}
    </>
  );

  return (
    <div className="st-plan-board__scroll">
      <table className="st-plan-board__table">
        <thead>
          <tr>
            <th scope="col">{t('planning.board.indicator')}</th>
            {states.map((st) => (
              <th key={st.stateId} scope="col" data-state={st.stateId}>
                {st.name[lang]}
                {st.source === 'imported' && <span className="st-badge st-badge--small">{t('planning.imported')}</span>}
              </th>
            ))}
            {pa && pb && (
              <th scope="col" data-state="diff">
                {t('planning.board.diffHeader', { a: pa.name[lang], b: pb.name[lang] })}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {BOARD_ROWS.map((key) => (
            <tr key={key} data-row={key}>
              <th scope="row">{t(`planning.board.rows.${key}`)}</th>
              {states.map((st) => {
                const row = st.compliance.find((r) => r.indicator === key);
                return (
                  <td key={st.stateId} data-verdict={row?.verdict}>
                    <span className="st-plan-board__value" {...tag(key, st.stateId, 'value', st.indicators[key])}>
                      {formatValue(key, st.indicators[key], lang)}
                    </span>
                    {row && complianceCell(key, st, row)}
                  </td>
                );
              })}
              {pa && pb && (
                <td {...(tagged ? { 'data-a': pa.stateId, 'data-b': pb.stateId } : {})}>
                  <span className="st-plan-board__value" {...tag(key, 'diff', 'value', pa.indicators[key] - pb.indicators[key])}>
                    {formatSigned(key, pa.indicators[key] - pb.indicators[key], lang)}
                  </span>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
