import { useMemo } from 'react';
import { FieldError } from '../FieldError.js';
import { searchTimeZones, timeZoneNames } from './userForm.js';

let names: string[] | null = null;
/** Read once: Intl builds the list on every call. */
const allNames = () => (names ??= timeZoneNames());

/**
 * A time-zone field that searches the IANA zones this browser knows as one types (`berlin`,
 * `new york`); any name the engine knows is accepted, the list only helps.
 */
export function TimeZoneField(props: {
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  const matches = useMemo(() => searchTimeZones(allNames(), props.value, 50), [props.value]);
  return (
    <>
      <label htmlFor="user-timeZone">Time zone</label>
      <input
        id="user-timeZone"
        list="user-timeZone-options"
        autoComplete="off"
        spellCheck={false}
        value={props.value}
        aria-invalid={props.error ? true : undefined}
        aria-describedby="user-timeZone-error"
        onChange={(e) => props.onChange(e.target.value)}
        placeholder="Europe/Berlin"
      />
      <datalist id="user-timeZone-options">
        {matches.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <FieldError id="user-timeZone-error" error={props.error} />
    </>
  );
}
