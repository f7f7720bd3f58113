import { engineColour } from './allEnginesRows.js';

/** An engine's label on its colour: the colour helps the eye, the text carries the meaning. */
export function EngineTag(props: { engineId: string; label: string }) {
  return (
    <span className={`engine-tag engine-tag--${engineColour(props.engineId)}`} title={props.label}>
      <span className="engine-tag__dot" aria-hidden="true" />
      {props.label}
    </span>
  );
}
