import { useEffect } from 'react';
import { useServices } from '../../app/services.js';
import { queueKey } from './queueKeys.js';

/** Input types that take no typing: keys pressed on them are the queue's. */
const clickable = new Set(['checkbox', 'radio', 'button', 'submit', 'reset']);

/** Where keys are typing (or pressing a control), not commands for the queue. */
function isTyping(target: EventTarget | null, key: string): boolean {
  const element = target as HTMLElement | null;
  if (!element || typeof element.tagName !== 'string') return false;
  if (element.isContentEditable || element.tagName === 'TEXTAREA' || element.tagName === 'SELECT')
    return true;
  if (element.tagName === 'INPUT') return !clickable.has((element as HTMLInputElement).type);
  // Enter on a focused button or link is that control's own.
  return (element.tagName === 'BUTTON' || element.tagName === 'A') && key === 'Enter';
}

/**
 * The queue's keys on the whole page (./queueKeys.ts has the table). Reads the store when a
 * key comes, so it needs no re-render to see the latest rows, focus or selection.
 */
export function useQueueKeyboard(rows: readonly string[]): void {
  const { store, alertActions } = useServices();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      if (isTyping(event.target, event.key)) {
        if (event.key === 'Escape' && event.target instanceof HTMLElement) event.target.blur();
        return;
      }
      const state = store.getState();
      const result = queueKey(
        { rows, focusedId: state.ui.focusedId, selectedIds: state.ui.selectedIds },
        event,
      );
      if (!result) return;
      event.preventDefault();
      state.focusAlert(result.focusedId);
      if (result.selectedIds !== state.ui.selectedIds) state.setSelection(result.selectedIds);
      const command = result.command;
      if (!command) return;
      switch (command.type) {
        case 'open':
          return state.navigate({ name: 'alert', id: command.id });
        case 'act':
          return void alertActions.run(command.kind, command.ids);
        case 'focusSearch':
          return state.requestSearchFocus();
        case 'release':
          state.focusAlert(null);
          return state.releaseQueueHold();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [rows, store, alertActions]);
}
