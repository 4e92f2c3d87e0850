/**
 * The sign-in prompt of an unauthorised feed: says whether a token is needed or the one offered
 * was refused, names the server the token is for (a crafted link could name another one), and
 * takes a token in a password field. The field is cleared on submit so the secret does not sit in
 * the page; where it is kept is the app's business (app/feedToken.ts: sessionStorage only).
 * A feed that takes no token from the viewer (MQTT) gets the message without the form.
 */
import { useContext, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isFeedToken } from '../../feed/protocol/access';
import { FeedControlContext } from '../../state/feedControl';
import { useAppStore } from '../../state/hooks';

export function FeedSignIn() {
  const { t } = useTranslation();
  const status = useAppStore((s) => s.feed.status);
  const refusal = useAppStore((s) => s.feed.authRefusal);
  const url = useAppStore((s) => s.feed.label);
  const control = useContext(FeedControlContext);
  const [token, setToken] = useState('');
  const [malformed, setMalformed] = useState(false);
  const titleId = useId();
  const inputId = useId();
  if (status !== 'unauthorised') return null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v = token.trim();
    // Checked here so a typo costs no connection and never reaches the server's failure log.
    if (!isFeedToken(v)) {
      setMalformed(true);
      return;
    }
    setMalformed(false);
    setToken('');
    control.signIn?.(v);
  };

  return (
    <section className="st-panel st-feed-signin" aria-labelledby={titleId} data-testid="feed-signin" data-refusal={refusal ?? ''}>
      <h2 id={titleId} className="st-section__title st-feed-signin__title">{t('feed.signIn.title')}</h2>
      {/* Without a form, "please sign in" would be a dead end: say where the credentials live. */}
      <p className="st-feed-signin__why">
        {t(!control.signIn ? 'feed.signIn.sceneCredentials' : refusal === 'token-rejected' ? 'feed.signIn.rejected' : 'feed.signIn.required')}
      </p>
      <p className="st-muted st-feed-signin__server">{t('feed.signIn.server', { url })}</p>
      {control.signIn && (
        <form className="st-feed-signin__form" onSubmit={submit}>
          <label htmlFor={inputId}>{t('feed.signIn.tokenLabel')}</label>
          <input
            id={inputId}
            className="st-input"
            type="password"
            autoComplete="off"
            spellCheck={false}
            placeholder="st1.…"
            value={token}
            aria-invalid={malformed}
            data-testid="feed-token"
            onChange={(e) => setToken(e.target.value)}
          />
          <button type="submit" className="st-btn" data-testid="feed-signin-submit">{t('feed.signIn.submit')}</button>
          {malformed && <p className="st-feed-signin__error" role="alert">{t('feed.signIn.malformed')}</p>}
          <p className="st-muted st-feed-signin__kept">{t('feed.signIn.kept')}</p>
        </form>
      )}
    </section>
  );
}
