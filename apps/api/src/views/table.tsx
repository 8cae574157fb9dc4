import type { ComponentChildren } from 'preact';

/** A table with a header row, or the "nothing here" line when there is no row. */
export function DataTable(props: { head: string[]; rows: ComponentChildren[][]; empty: string; caption?: string }) {
  if (props.rows.length === 0) return <p class="none">{props.empty}</p>;
  return (
    <table>
      {props.caption ? <caption class="visually-hidden">{props.caption}</caption> : null}
      <thead>
        <tr>
          {props.head.map((h) => (
            <th scope="col">{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((cells) => (
          <tr>
            {cells.map((c) => (
              <td>{c}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
