/**
 * The tool buttons, measuring kinds first. A button opens its tool (replacing any other) and, on
 * the open tool, closes it again; aria-pressed says which is open.
 */
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../state/hooks';
import type { ToolKind } from '../../../tools/toolTypes';

export const TOOL_GROUPS: readonly { id: 'measure' | 'analysis'; kinds: readonly ToolKind[] }[] = [
  {
    id: 'measure',
    kinds: ['measure-distance', 'measure-polyline', 'measure-area-horizontal', 'measure-area-surface', 'measure-height', 'measure-bearing'],
  },
  { id: 'analysis', kinds: ['height-limit', 'sight-line', 'viewshed', 'skyline', 'section'] },
];

export function ToolGrid() {
  const { t } = useTranslation();
  const activeKind = useAppStore((s) => s.tool?.kind ?? null);
  const startTool = useAppStore((s) => s.startTool);
  const closeTool = useAppStore((s) => s.closeTool);
  return (
    <div className="st-tools-groups">
      {TOOL_GROUPS.map((g) => (
        <div key={g.id} role="group" aria-label={t(`planning.tools.groups.${g.id}`)} className="st-tools-group">
          <h3 className="st-tools-subtitle">{t(`planning.tools.groups.${g.id}`)}</h3>
          <div className="st-tools-grid">
            {g.kinds.map((k) => (
              <button
                key={k}
                type="button"
                className="st-btn st-tools-btn st-tools-kind"
                aria-pressed={activeKind === k}
                data-kind={k}
                onClick={() => (activeKind === k ? closeTool() : startTool(k))}
              >
                {t(`planning.tools.kinds.${k}`)}
              </button>
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}
