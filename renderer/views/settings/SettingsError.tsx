/** A section's last failure, as a sentence (nothing when there is none). */
export function SettingsError(props: { error: string | null }) {
  if (!props.error) return null;
  return (
    <p className="settings__error" role="alert">
      {props.error}
    </p>
  );
}
