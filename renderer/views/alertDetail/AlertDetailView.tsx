import { useMemo, useRef } from 'react';
import { roleAllows } from '../../../shared/domain/user.js';
import { Link } from '../../app/Link.js';
import { useAppStore } from '../../app/services.js';
import { PriorityBadge } from '../../components/PriorityBadge.js';
import { StateBadge } from '../../components/StateBadge.js';
import { useNow } from '../../components/useNow.js';
import { selectAlert } from '../../state/selectors/alertSelectors.js';
import { AlertFields, AlertImages, AlertLinks } from './AlertFields.js';
import { AlertLog } from './AlertLog.js';
import { CommentBox } from './CommentBox.js';
import { DetailActions } from './DetailActions.js';
import { viewerTimeZone, zoneLabel } from './detailFormat.js';
import { EscalationTimeline } from './EscalationTimeline.js';
import { JsonTree } from './JsonTree.js';
import { MarkdownDetails } from './MarkdownDetails.js';
import { useAlertDetail } from './useAlertDetail.js';
import { useDetailKeyboard } from './useDetailKeyboard.js';
import './alertDetail.css';

/**
 * An alert (route `/alerts/:id`, docs/console.md "Alert detail"): every field, the escalation
 * timeline, details as sanitised Markdown, custom details, images, the log, and the actions.
 * The stream's alert is the live truth for state and fields; REST adds what the stream leaves
 * out and is read again whenever the stream says the alert or its escalation changed.
 */
export function AlertDetailView(props: { id: string }) {
  const alert = useAppStore(selectAlert(props.id));
  const escalationAt = useAppStore((s) => s.entities.alertEscalations.get(props.id)?.updatedAt);
  const pending = useAppStore((s) => s.actions.pending.get(props.id));
  const role = useAppStore((s) => s.session.user?.effectiveRole ?? 'viewer');
  const now = useNow(1000);
  const timeZone = useMemo(() => viewerTimeZone(), []);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const detail = useAlertDetail(props.id, `${alert?.updatedAt ?? ''}|${escalationAt ?? ''}`);
  const canAct = roleAllows(role, 'responder');
  const whyNot = `This session’s token has the ${role} role: it may read alerts but not accept, resolve, comment on or reassign them. Sign in with a responder token to act.`;
  useDetailKeyboard(props.id, canAct, commentRef, whyNot);

  if (!alert) {
    return (
      <section className="detail" data-testid="alert-detail">
        <p>
          Alert {props.id} is not among the alerts this console holds (open ones and recently
          resolved ones). <Link to={{ name: 'alerts' }}>Back to the queue</Link>
        </p>
      </section>
    );
  }
  const full = detail.alert;
  return (
    <section className="detail detail--alert" data-testid="alert-detail" data-alert-id={alert.id}>
      <p className="detail__back">
        <Link to={{ name: 'alerts' }}>← Queue</Link> <kbd>Esc</kbd>
        <span className="detail__zone" data-testid="detail-zone">
          Times in {zoneLabel(timeZone, now)}
        </span>
      </p>
      <h1 className="detail__title">
        <PriorityBadge priority={alert.priority} severity={alert.severity} />
        <span>{alert.summary}</span>
      </h1>
      <p className="detail__state" data-testid="detail-state" data-state={alert.state}>
        <StateBadge state={alert.state} pending={pending && `${pending}ing`} /> · alert {alert.id}
      </p>
      <DetailActions alert={alert} canAct={canAct} whyNot={whyNot} onChanged={detail.reload} />
      {detail.error && (
        <p className="detail__error" role="alert">
          Could not read the alert’s details and log: {detail.error.message}
        </p>
      )}
      <div className="detail__columns">
        <div className="detail__main">
          <AlertFields alert={alert} now={now} timeZone={timeZone} />
          <AlertLinks links={alert.links} />
          {full?.details && (
            <section aria-label="Details">
              <h2 className="detail__heading">Details</h2>
              <MarkdownDetails text={full.details} />
            </section>
          )}
          {full && <AlertImages images={full.images} />}
          {full && full.customDetails !== null && full.customDetails !== undefined && (
            <section aria-label="Custom details">
              <h2 className="detail__heading">Custom details</h2>
              <JsonTree value={full.customDetails} label="Custom details" />
            </section>
          )}
          {full && (
            <AlertLog key={alert.id} alertId={alert.id} first={full.log} timeZone={timeZone} />
          )}
          <CommentBox
            alertId={alert.id}
            canAct={canAct}
            inputRef={commentRef}
            onSent={detail.reload}
          />
        </div>
        <EscalationTimeline
          alert={alert}
          happened={detail.happened}
          now={now}
          timeZone={timeZone}
        />
      </div>
    </section>
  );
}
