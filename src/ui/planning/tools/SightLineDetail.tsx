/** Each target of a sight-line result: visible or hidden, its distance and the first building in the way. */
import { useTranslation } from 'react-i18next';
import type { SightLineResult } from '../../../analysis/visibility';
import { useAppStore } from '../../../state/hooks';
import { formatMetres } from './valueFormat';

interface Props {
  lines: readonly SightLineResult[];
  nameOf(id: string): string;
}

export function SightLineDetail({ lines, nameOf }: Props) {
  const { t } = useTranslation();
  const lang = useAppStore((s) => s.language);
  return (
    <ol className="st-tools-sight" data-testid="sight-line-detail">
      {lines.map((l, i) => (
        <li key={i} data-visible={l.visible ? 'yes' : 'no'}>
          <strong>{t('planning.tools.detail.target', { n: i + 1 })}</strong>
          {' · '}
          <span className={l.visible ? 'st-tools-ok' : 'st-tools-bad'}>{t(l.visible ? 'planning.tools.detail.isVisible' : 'planning.tools.detail.isHidden')}</span>
          {' · '}
          {formatMetres(l.distanceM, t, lang)}
          {l.blockerId !== null && (
            <>
              {' · '}
              {t('planning.tools.detail.blockedBy', { name: nameOf(l.blockerId) })}
            </>
          )}
        </li>
      ))}
    </ol>
  );
}
