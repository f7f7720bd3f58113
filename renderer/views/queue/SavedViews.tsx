import { useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useActions, useAppStore } from '../../app/services.js';

/** Named filter + sort combinations, kept on this machine. */
export function SavedViews() {
  const names = useAppStore(useShallow((s) => s.filters.savedViews.map((v) => v.name)));
  const { applyView, saveView, deleteView } = useActions();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState('');

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    saveView(name);
    setChosen(name.trim());
    setName('');
    setNaming(false);
  };

  return (
    <span className="saved-views">
      <select
        className="select"
        aria-label="Saved views"
        value={chosen}
        onChange={(e) => {
          setChosen(e.target.value);
          if (e.target.value) applyView(e.target.value);
        }}
      >
        <option value="">Views…</option>
        {names.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
      {chosen && names.includes(chosen) && (
        <button
          type="button"
          className="button button--quiet"
          onClick={() => {
            deleteView(chosen);
            setChosen('');
          }}
        >
          Delete view
        </button>
      )}
      {naming ? (
        <form className="saved-views__form" onSubmit={save}>
          <input
            className="search"
            aria-label="View name"
            placeholder="Name this view"
            value={name}
            maxLength={80}
            autoFocus
            onChange={(e) => setName(e.target.value)}
          />
          <button type="submit" className="button">
            Save
          </button>
        </form>
      ) : (
        <button type="button" className="button button--quiet" onClick={() => setNaming(true)}>
          Save view
        </button>
      )}
    </span>
  );
}
