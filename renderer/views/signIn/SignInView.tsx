import { useState, type FormEvent } from 'react';
import { useAppStore, useServices } from '../../app/services.js';

/** Engine address and API token; a refused token, an unreachable engine or origin say so. */
export function SignInView() {
  const { session } = useServices();
  const phase = useAppStore((s) => s.session.phase);
  const error = useAppStore((s) => s.session.error);
  const proposedUrl = useAppStore((s) => s.session.engineUrl);
  const [engineUrl, setEngineUrl] = useState(proposedUrl);
  const [token, setToken] = useState('');
  const busy = phase === 'signingIn';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) void session.signIn(engineUrl, token);
  };

  return (
    <main className="sign-in">
      <form className="sign-in__form" onSubmit={submit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">Sign in to Nocturne</h1>
        <label className="field">
          <span className="field__label">Engine address</span>
          <input
            name="engineUrl"
            type="url"
            inputMode="url"
            autoComplete="url"
            required
            value={engineUrl}
            onChange={(e) => setEngineUrl(e.target.value)}
            placeholder="http://127.0.0.1:7070"
          />
        </label>
        <label className="field">
          <span className="field__label">API token</span>
          <input
            name="token"
            type="password"
            autoComplete="current-password"
            required
            autoFocus
            value={token}
            onChange={(e) => setToken(e.target.value)}
            placeholder="noc_…"
          />
        </label>
        {error && (
          <p className="sign-in__error" role="alert" data-code={error.code}>
            {error.message}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Checking…' : 'Sign in'}
        </button>
        <p className="sign-in__hint">
          The engine prints the admin’s API token once, at its first start; admins create more under{' '}
          <code>/api/v1/me/tokens</code>. A wall screen can be opened once as{' '}
          <code>/wall?token=…</code>: the token is kept on this machine and removed from the
          address.
        </p>
      </form>
    </main>
  );
}
