/** One setting's choices as a radio group, labelled by the section's heading. */
export function SettingsChoices<V extends string>(props: {
  /** The id of the heading that names the group. */
  labelledBy: string;
  name: string;
  choices: ReadonlyArray<{ readonly value: V; readonly label: string }>;
  value: V;
  disabled: boolean;
  onChoose: (value: V) => void;
}) {
  return (
    <div className="settings__choices" role="radiogroup" aria-labelledby={props.labelledBy}>
      {props.choices.map(({ value, label }) => (
        <label key={value} className="settings__choice">
          <input
            type="radio"
            name={props.name}
            value={value}
            checked={props.value === value}
            disabled={props.disabled}
            onChange={() => props.onChoose(value)}
          />
          {label}
        </label>
      ))}
    </div>
  );
}
