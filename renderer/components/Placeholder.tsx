import type { ReactNode } from 'react';

/**
 * A view that is planned but not built yet: it says what is coming (issue #4), and never shows
 * made-up data an operator could mistake for real.
 */
export function Placeholder(props: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section className="placeholder" data-testid={props.testId}>
      <h1>{props.title}</h1>
      <div className="placeholder__body">{props.children}</div>
    </section>
  );
}
