import { useEffect, useState } from 'react';
import { useAppStore } from '../../../app/services.js';
import type { TransportResult } from '../../../transport/transport.js';
import { ConfirmButton } from '../ConfirmButton.js';
import { useManageAccess, useManageCall } from '../manageServices.js';
import { AlertSourceForm } from './AlertSourceForm.js';
import { IngestExamples } from './IngestExamples.js';
import { IntegrationKey } from './IntegrationKey.js';

type KeyState = { readonly version: number; readonly result: TransportResult<string> };

/** One alert source: its settings, its integration key, how to send it events, delete. */
export function AlertSourceDetail(props: { id: string; onDeleted: () => void }) {
  const source = useAppStore((s) => s.entities.alertSources.get(props.id));
  const access = useManageAccess();
  const call = useManageCall();
  // The stream never carries keys: ask REST (again after a rotation: `version`).
  const [keyVersion, setKeyVersion] = useState(0);
  const [key, setKey] = useState<KeyState | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const { canSeeKeys } = access;
  useEffect(() => {
    if (!canSeeKeys) return;
    let live = true;
    void call((t) => t.getAlertSource(props.id)).then((result) => {
      if (!live) return;
      setKey({
        version: keyVersion,
        result: result.ok
          ? result.value.integrationKey
            ? { ok: true, value: result.value.integrationKey }
            : { ok: false, error: { code: 'no_key', message: 'The engine sent no key.' } }
          : result,
      });
    });
    return () => {
      live = false;
    };
    // `call` is made per render; the id, the role and a rotation are what matter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.id, canSeeKeys, keyVersion]);

  if (!source) {
    return (
      <p className="manage__hint">
        Not in the live list: the stream has not brought this alert source yet, or it was deleted.
      </p>
    );
  }
  const rotate = async () => {
    const result = await call((t) =>
      t.updateAlertSource(source.id, { rotateIntegrationKey: true }),
    );
    setMessage(
      result.ok ? 'A new key was issued; the old one no longer works.' : result.error.message,
    );
    if (result.ok) setKeyVersion((v) => v + 1);
  };
  const remove = async () => {
    const result = await call((t) => t.deleteAlertSource(source.id));
    if (!result.ok) return setMessage(result.error.message);
    props.onDeleted();
  };
  const current = key && key.version === keyVersion ? key.result : null;
  return (
    <div className="manage__detail-body" data-testid="alert-source-detail">
      <AlertSourceForm
        key={source.updatedAt}
        source={source}
        onSaved={() => setMessage('Saved.')}
      />
      <section aria-label="Integration key">
        <h2>Integration key</h2>
        {!canSeeKeys ? (
          <p>Integration keys are shown to responders and admins only.</p>
        ) : current === null ? (
          <p>Loading the key…</p>
        ) : !current.ok ? (
          <p className="form__error">{current.error.message}</p>
        ) : (
          <IntegrationKey
            value={current.value}
            canRotate={access.canEdit}
            onRotate={() => void rotate()}
          />
        )}
      </section>
      {canSeeKeys && current?.ok && (
        <IngestExamples source={source} integrationKey={current.value} />
      )}
      {message && (
        <p className="manage__message" role="status">
          {message}
        </p>
      )}
      <section aria-label="Delete" className="manage__danger">
        <ConfirmButton
          label="Delete alert source"
          question={`Delete ${source.name}? Its key stops working at once and its open alerts are resolved.`}
          disabled={!access.canEdit}
          onConfirm={() => void remove()}
        />
      </section>
    </div>
  );
}
