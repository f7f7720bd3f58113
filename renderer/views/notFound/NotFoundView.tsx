import { Link } from '../../app/Link.js';

export function NotFoundView(props: { path: string }) {
  return (
    <section className="placeholder" data-testid="not-found">
      <h1>Nothing at {props.path}</h1>
      <p>
        <Link to={{ name: 'alerts' }}>Go to the alert queue</Link>
      </p>
    </section>
  );
}
