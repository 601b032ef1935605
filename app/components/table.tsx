import type { ReactNode } from "react";

/**
 * A list's table: column headers, the page's own rows, and horizontal scrolling at phone
 * width. With `stack`, a narrow card shows each row as a card instead (the cells' own
 * data-label names the column there): the member pages' lists, which have few columns.
 */
export function Table({ columns, children, stack, label }: { columns: readonly ReactNode[]; children: ReactNode; stack?: boolean; label?: string }) {
  return (
    <div className={stack ? "table-wrap stack-wrap" : "table-wrap"}>
      <table className={stack ? "stack-table" : undefined} aria-label={label}>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
