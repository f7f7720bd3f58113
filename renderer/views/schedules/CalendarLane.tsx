import type { HTMLAttributes, ReactNode } from 'react';
import type { Gap, Shift } from '../../../shared/schedule/index.js';
import { layoutLane } from './laneLayout.js';
import { isDraftPiece } from './overridePreview.js';
import { formatRange } from './zonedTime.js';

/** One row of the calendar: a layer, the overrides or the final lane, as positioned blocks. */
export function CalendarLane(props: {
  label: string;
  kind: 'layer' | 'overrides' | 'final';
  pieces: readonly (Shift | Gap)[];
  from: number;
  to: number;
  timeZone: string;
  userName: (userId: string) => string;
  /**
   * The final lane takes pointer drags to select a range for a new override; the overrides lane,
   * drags that move or resize one.
   */
  dragHandlers?: HTMLAttributes<HTMLDivElement> | undefined;
  /** The element listing the keys that move an override's block (the overrides lane, editable). */
  overrideDescribedBy?: string | undefined;
  children?: ReactNode;
}) {
  const blocks = layoutLane(props.pieces, props.from, props.to);
  return (
    <div className={`cal-lane cal-lane--${props.kind}`} data-lane={props.kind}>
      <div className="cal-lane__label" title={props.label}>
        {props.label}
      </div>
      <div
        className="cal-lane__track"
        role="list"
        aria-label={props.label}
        {...(props.dragHandlers ?? {})}
      >
        {blocks.map((block) => {
          const range = formatRange(block.start, block.end, props.timeZone);
          const draft = isDraftPiece(block);
          const who = block.userId === null ? 'nobody on call' : props.userName(block.userId);
          const text = `${who}${draft ? ' (preview, not saved)' : ''} · ${range}`;
          const overrideId =
            block.source?.kind === 'override' ? block.source.overrideId : undefined;
          return (
            <div
              key={block.key}
              role="listitem"
              tabIndex={0}
              className={`cal-block cal-block--${block.kind}${draft ? ' cal-block--draft' : ''}${
                block.source?.kind === 'override' ? ' cal-block--override' : ''
              }`}
              style={{ left: `${block.leftPct}%`, width: `${block.widthPct}%` }}
              title={text}
              aria-label={text}
              data-kind={block.kind}
              data-user-id={block.userId ?? ''}
              data-start={new Date(block.start).toISOString()}
              data-end={new Date(block.end).toISOString()}
              data-draft={draft ? 'true' : undefined}
              data-override-id={overrideId}
              aria-describedby={overrideId ? props.overrideDescribedBy : undefined}
            >
              <span className="cal-block__text">{who}</span>
            </div>
          );
        })}
        {props.children}
      </div>
    </div>
  );
}
