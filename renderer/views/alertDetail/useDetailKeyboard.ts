import { useEffect, type RefObject } from 'react';
import { useServices } from '../../app/services.js';
import { detailKey, isTypingTarget } from './detailKeys.js';

/**
 * The detail's keys on the whole page (./detailKeys.ts): `a`, `r`, `c`, Escape. `canAct` false
 * (a viewer token) turns `a` and `r` into a notice saying why.
 */
export function useDetailKeyboard(
  alertId: string,
  canAct: boolean,
  commentRef: RefObject<HTMLTextAreaElement | null>,
  whyNot: string,
): void {
  const { store, alertActions } = useServices();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      if (isTypingTarget(event.target as HTMLElement | null, event.key)) {
        if (event.key === 'Escape' && event.target instanceof HTMLElement) event.target.blur();
        return;
      }
      const command = detailKey(event);
      if (!command) return;
      event.preventDefault();
      const state = store.getState();
      switch (command) {
        case 'back':
          return state.navigate({ name: 'alerts' });
        case 'comment':
          return commentRef.current?.focus();
        case 'accept':
        case 'resolve':
          if (!canAct) return state.notify({ tone: 'info', text: whyNot });
          return void alertActions.run(command, [alertId]);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [alertId, canAct, commentRef, whyNot, store, alertActions]);
}
