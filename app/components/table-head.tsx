/**
 * The header row of the organiser's tables: every column header scoped to its column, so a
 * screen reader names the column for each cell of the body.
 */
export function TableHead({ columns }: { columns: string[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column) => (
          <th key={column} scope="col">
            {column}
          </th>
        ))}
      </tr>
    </thead>
  );
}
