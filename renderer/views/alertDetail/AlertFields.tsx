import type { Alert, AlertSummary } from '../../../shared/domain/alert.js';
import { useAppStore } from '../../app/services.js';
import { selectLookups } from '../../state/selectors/alertSelectors.js';
import { timeWithAge } from './detailFormat.js';
import { safeImageUrl, safeLinkUrl } from './markdown.js';

/** Source, people, times with ages, event count, labels as chips. */
export function AlertFields(props: { alert: AlertSummary; now: number; timeZone: string }) {
  const { alert, now, timeZone } = props;
  const names = useAppStore(selectLookups);
  const rows: ReadonlyArray<[string, string]> = [
    ['Source', names.sourceName(alert.sourceId)],
    ['Assignee', names.userName(alert.assigneeId) ?? 'nobody'],
    ['Created', timeWithAge(alert.createdAt, now, timeZone)],
    [
      'Accepted',
      alert.acceptedAt === null
        ? '—'
        : `${timeWithAge(alert.acceptedAt, now, timeZone)} by ${names.userName(alert.acceptedBy) ?? 'an event'}`,
    ],
    ['Resolved', timeWithAge(alert.resolvedAt, now, timeZone)],
    ['Last event', timeWithAge(alert.lastEventAt, now, timeZone)],
    ['Events', String(alert.eventCount)],
    ['Severity', alert.severity ?? '—'],
    ['Alert key', alert.alertKey],
  ];
  const labels = Object.entries(alert.labels);
  return (
    <>
      <dl className="detail__fields" data-testid="alert-fields">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {labels.length > 0 && (
        <ul className="detail__labels" aria-label="Labels">
          {labels.map(([key, value]) => (
            <li key={key} className="label">
              {key}={value}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Links open in a new tab without opener or referrer; unsafe schemes are not links. */
export function AlertLinks(props: { links: AlertSummary['links'] }) {
  if (props.links.length === 0) return null;
  return (
    <ul className="detail__links" aria-label="Links">
      {props.links.map((link, i) => {
        const href = safeLinkUrl(link.href);
        const text = link.text ?? link.href;
        return (
          <li key={i}>
            {href === null ? (
              <span title="Not a web link: not opened">{text}</span>
            ) : (
              <a href={href} target="_blank" rel="noopener noreferrer">
                {text}
              </a>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** https images load lazily (the CSP allows https only); http ones are shown as links. */
export function AlertImages(props: { images: Alert['images'] }) {
  if (props.images.length === 0) return null;
  return (
    <ul className="detail__images" aria-label="Images">
      {props.images.map((image, i) => {
        const src = safeImageUrl(image.src);
        const href = image.href === null ? null : safeLinkUrl(image.href);
        const fallback = safeLinkUrl(image.src);
        const picture =
          src !== null ? (
            <img src={src} alt={image.alt ?? ''} loading="lazy" referrerPolicy="no-referrer" />
          ) : null;
        return (
          <li key={i}>
            {picture && href !== null ? (
              <a href={href} target="_blank" rel="noopener noreferrer">
                {picture}
              </a>
            ) : (
              (picture ??
              (fallback !== null ? (
                <a href={fallback} target="_blank" rel="noopener noreferrer">
                  {image.alt ?? fallback}
                </a>
              ) : null))
            )}
          </li>
        );
      })}
    </ul>
  );
}
