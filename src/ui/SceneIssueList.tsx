/** Why a scene file was rejected: "file · path · reason" per problem, as the validator reports it. */
import { useTranslation } from 'react-i18next';
import type { SceneIssue } from '../scene/validate';

/** A badly broken file can have hundreds of issues; the first few say what to fix. */
export const ISSUES_SHOWN = 5;

export function SceneIssueList({ issues }: { issues: SceneIssue[] }) {
  const { t } = useTranslation();
  return (
    <ul className="st-issues">
      {issues.slice(0, ISSUES_SHOWN).map((i, n) => (
        <li key={n} className="st-issue st-mono">
          {i.file} · {i.path} · {i.message}
        </li>
      ))}
      {issues.length > ISSUES_SHOWN && <li className="st-muted">{t('zone.issuesMore', { n: issues.length - ISSUES_SHOWN })}</li>}
    </ul>
  );
}
