import type { ReactNode } from 'react';

/** What a manage list shows of an entity (and selects it by). */
export interface Listed {
  readonly id: string;
  readonly name: string;
}

/**
 * The split of a manage page: on the left a "New …" button and the list (a table whose first cell
 * selects the row), on the right the editor of what is selected ('new' or an entity) or a hint.
 */
export function ManageSplit<T extends Listed>(props: {
  items: readonly T[];
  /** An entity's id, 'new', or nothing. */
  selected: string | null;
  onSelect: (selected: string) => void;
  canEdit: boolean;
  texts: {
    /** The button's text: "New team". */
    readonly create: string;
    /** Shown instead of an empty table; without it the table is shown empty. */
    readonly empty?: string;
    /** With nothing selected: "Pick a team to change it." */
    readonly pick: string;
    /** When the selected id is not in `items` (or see `renderMissing`). */
    readonly missing?: string;
  };
  /** The table's `data-testid`. */
  listTestId: string;
  /** The row attribute holding the entity's id, as e2e tests select rows: `data-user-id`. */
  rowIdAttribute?: `data-${string}-id`;
  /** Every header, the first being the name column. */
  headers: readonly string[];
  /** What follows the name's button in the first cell. */
  renderAfterName?: (item: T) => ReactNode;
  /** The cells after the first. */
  renderCells: (item: T) => ReactNode;
  /** What follows the list (a status message). */
  listFooter?: ReactNode;
  renderEditor: (target: T | 'new') => ReactNode;
  /** The detail of a selected id not in `items`; by default the `missing` hint. */
  renderMissing?: (id: string) => ReactNode;
}) {
  const { items, selected, texts } = props;
  const entity =
    selected && selected !== 'new' ? items.find((item) => item.id === selected) : undefined;
  return (
    <div className="manage__split">
      <div className="manage__list">
        <div className="manage__list-actions">
          <button
            type="button"
            className="button button--primary"
            disabled={!props.canEdit}
            onClick={() => props.onSelect('new')}
          >
            {texts.create}
          </button>
        </div>
        {texts.empty !== undefined && items.length === 0 ? (
          <p className="manage__empty">{texts.empty}</p>
        ) : (
          <table className="manage__table" data-testid={props.listTestId}>
            <thead>
              <tr>
                {props.headers.map((header) => (
                  <th key={header}>{header}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr
                  key={item.id}
                  className={item.id === selected ? 'is-selected' : undefined}
                  {...(props.rowIdAttribute && { [props.rowIdAttribute]: item.id })}
                >
                  <td>
                    <button
                      type="button"
                      className="manage__row-link"
                      onClick={() => props.onSelect(item.id)}
                    >
                      {item.name}
                    </button>
                    {props.renderAfterName?.(item)}
                  </td>
                  {props.renderCells(item)}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {props.listFooter}
      </div>
      <div className="manage__detail">
        {selected === 'new' ? (
          props.renderEditor('new')
        ) : entity ? (
          props.renderEditor(entity)
        ) : selected && props.renderMissing ? (
          props.renderMissing(selected)
        ) : (
          <p className="manage__hint">{selected ? texts.missing : texts.pick}</p>
        )}
      </div>
    </div>
  );
}
