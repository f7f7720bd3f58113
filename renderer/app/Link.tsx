import type { MouseEvent, ReactNode } from 'react';
import { useActions } from './services.js';
import { routePath, type Route } from './routes.js';

/**
 * A link to a console route: a real `<a href>` (middle-click, copy link), that navigates in the
 * page on a plain click.
 */
export function Link(props: {
  to: Route;
  children: ReactNode;
  className?: string;
  'aria-current'?: 'page' | undefined;
}) {
  const { navigate } = useActions();
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    navigate(props.to);
  };
  return (
    <a
      href={routePath(props.to)}
      className={props.className}
      onClick={onClick}
      aria-current={props['aria-current']}
    >
      {props.children}
    </a>
  );
}
