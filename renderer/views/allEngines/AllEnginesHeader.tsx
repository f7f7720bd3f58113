import { livenessText } from './engineLiveness.js';
import type { AllEnginesSnapshot } from './allEnginesModel.js';
import { EngineTag } from './EngineTag.js';

/** Per engine: its label, its stream's state and its open alerts; then the totals. */
export function AllEnginesHeader(props: { snapshot: AllEnginesSnapshot }) {
  const { engines, totals } = props.snapshot;
  return (
    <dl className="all-engines__counts" aria-label="Open alerts by engine">
      {engines.map((engine) => (
        <div
          key={engine.engineId}
          className={`all-engines__engine is-${engine.liveness}`}
          data-engine-id={engine.engineId}
        >
          <dt>
            <EngineTag engineId={engine.engineId} label={engine.label} />{' '}
            <span className="all-engines__liveness">{livenessText[engine.liveness]}</span>
          </dt>
          <dd>
            {engine.pending} pending · {engine.accepted} accepted
          </dd>
        </div>
      ))}
      <div className="all-engines__engine all-engines__engine--total">
        <dt>All {engines.length} engines</dt>
        <dd>
          {totals.pending} pending · {totals.accepted} accepted
        </dd>
      </div>
    </dl>
  );
}
