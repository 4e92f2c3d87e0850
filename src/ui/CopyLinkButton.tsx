/**
 * Copies a link to the current view. When the clipboard is refused (permissions, an embedded
 * kiosk browser), the link is shown selected instead, so it can still be copied by hand.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Long enough to read, short enough not to linger over the map. */
export const COPY_FEEDBACK_MS = 2500;

type Status = { kind: 'idle' } | { kind: 'copied' } | { kind: 'failed'; url: string };

export function CopyLinkButton({ getUrl }: { getUrl: () => string }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (status.kind !== 'copied') return;
    const timer = setTimeout(() => setStatus({ kind: 'idle' }), COPY_FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [status]);

  useEffect(() => {
    if (status.kind === 'failed') inputRef.current?.select();
  }, [status]);

  const copy = async () => {
    const url = getUrl();
    try {
      if (!navigator.clipboard) throw new Error('clipboard unavailable');
      await navigator.clipboard.writeText(url);
      setStatus({ kind: 'copied' });
    } catch {
      setStatus({ kind: 'failed', url });
    }
  };

  return (
    <div className="st-copy">
      <button type="button" className="st-btn" onClick={() => void copy()}>
        {status.kind === 'copied' ? t('topbar.copied') : t('topbar.copyLink')}
      </button>
      <span className="st-visually-hidden" role="status" aria-live="polite">
        {status.kind === 'copied' ? t('topbar.copied') : ''}
      </span>
      {status.kind === 'failed' && (
        <div className="st-popover st-panel" role="alert">
          <p>{t('topbar.copyFailed')}</p>
          <input
            ref={inputRef}
            className="st-input"
            readOnly
            value={status.url}
            aria-label={t('topbar.shareUrl')}
            onFocus={(e) => e.currentTarget.select()}
          />
          <button type="button" className="st-btn" onClick={() => setStatus({ kind: 'idle' })}>
            {t('common.close')}
          </button>
        </div>
      )}
    </div>
  );
}
