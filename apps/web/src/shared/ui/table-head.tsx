/** The header row of a data table: column labels, numeric columns right-aligned, icon columns named for screen readers only. */
export interface TableColumn {
  label: string
  /** right-aligned number column */
  numeric?: boolean
  /** label read by screen readers only (e.g. an actions column) */
  hidden?: boolean
}

export function TableHead({ columns }: { columns: readonly (string | TableColumn)[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c) => {
          const col = typeof c === 'string' ? { label: c } : c
          return (
            <th key={col.label} scope="col" className={col.numeric ? 'num' : undefined}>
              {col.hidden ? <span className="sr-only">{col.label}</span> : col.label}
            </th>
          )
        })}
      </tr>
    </thead>
  )
}
