import type { AlertSource } from '../../../../shared/domain/alertSource.js';
import { useAppStore } from '../../../app/services.js';
import { CopyButton } from '../../../components/CopyButton.js';
import { ingestExamples, timeoutSentences } from './ingestExamples.js';

/** Copy-paste examples filled in with this engine's address and the source's key. */
export function IngestExamples(props: { source: AlertSource; integrationKey: string }) {
  const engineUrl = useAppStore((s) => s.session.engineUrl);
  const examples = ingestExamples({
    engineUrl,
    integrationKey: props.integrationKey,
    sourceName: props.source.name,
  });
  const timeouts = timeoutSentences(props.source);
  return (
    <section aria-label="Send events" className="manage__examples">
      <h2>Send events</h2>
      <p className="manage__hint">
        One key takes all three formats. The examples use the address this console reached the
        engine at ({engineUrl}); where your monitoring runs elsewhere, use an address it can reach.
      </p>
      {timeouts.length > 0 && (
        <ul className="manage__timeouts">
          {timeouts.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      )}
      {examples.map((example) => (
        <div key={example.id} className="manage__example" data-example={example.id}>
          <div className="manage__example-head">
            <h3>{example.title}</h3>
            <CopyButton text={example.text} testId={`copy-${example.id}`} />
          </div>
          <pre className="manage__snippet" data-testid={`example-${example.id}`}>
            {example.text}
          </pre>
          <p className="manage__hint">More in {example.doc}.</p>
        </div>
      ))}
    </section>
  );
}
