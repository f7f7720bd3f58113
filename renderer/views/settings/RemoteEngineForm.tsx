import { useState, type FormEvent } from 'react';
import {
  checkRemoteEngine,
  emptyRemoteEngine,
  type RemoteEngineDraft,
} from './remoteEngineForm.js';
import { SettingsError } from './SettingsError.js';
import { useDesktopCall } from './useDesktopCall.js';

/** Adds a remote engine: main checks the address, asks the engine about the token, stores it. */
export function RemoteEngineForm() {
  const { api, run, error, setError, busy } = useDesktopCall();
  const [draft, setDraft] = useState<RemoteEngineDraft>(emptyRemoteEngine);
  const field = (name: keyof RemoteEngineDraft) => ({
    name,
    value: draft[name],
    onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [name]: e.target.value }),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkRemoteEngine(draft);
    if (!checked.ok) return setError(checked.error);
    const added = await run(() => api.addRemoteEngine(checked.value), 'Not added');
    if (added) setDraft(emptyRemoteEngine);
  };

  return (
    <form
      className="settings__form"
      noValidate
      onSubmit={(e) => void submit(e)}
      aria-label="Add a remote engine"
    >
      <h3>Add a remote engine</h3>
      <label className="field">
        <span className="field__label">Name</span>
        <input {...field('label')} placeholder="Paris NOC" maxLength={60} />
      </label>
      <label className="field">
        <span className="field__label">Engine address</span>
        <input
          {...field('url')}
          type="url"
          inputMode="url"
          placeholder="https://nocturne.example.com"
        />
      </label>
      <label className="field">
        <span className="field__label">API token</span>
        <input {...field('token')} type="password" autoComplete="off" placeholder="noc_…" />
      </label>
      <SettingsError error={error} />
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? 'Checking…' : 'Add engine'}
      </button>
    </form>
  );
}
