import type { ReactNode } from "react";

/** A list's table: column headers, the page's own rows, and horizontal scrolling at phone width. */
export function Table({ columns, children }: { columns: readonly ReactNode[]; children: ReactNode }) {
  return (
    <div className="table-wrap">
      <table>
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
