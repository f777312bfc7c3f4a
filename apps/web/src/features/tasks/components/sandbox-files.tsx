/** The task sandbox listing; stdout/stderr open in the log viewer. */
import { Link } from 'react-router'
import type { TaskSandboxView } from '@meridian/api'
import { formatAge, formatTimestamp } from '#shared/format/time.ts'
import { taskLogsPath } from '#shared/routes/task-paths.ts'
import { TableHead } from '#shared/ui/table-head.tsx'

const LOG_FILES = new Set(['stdout', 'stderr'])

/** File sizes in bytes (agent `files/browse`), binary units. */
function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`
  const units = ['KiB', 'MiB', 'GiB', 'TiB']
  let v = n / 1024
  let i = 0
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024
    i++
  }
  return `${v.toFixed(v >= 100 ? 0 : 1)} ${units[i]}`
}

export function SandboxFiles({ taskId, sandbox }: { taskId: string; sandbox: TaskSandboxView }) {
  if (sandbox.error) return <p className="muted">{sandbox.error}</p>
  if (sandbox.files.length === 0) return <p className="muted">The sandbox is empty.</p>
  return (
    <>
      {sandbox.directory && <p className="faint small mono" style={{ wordBreak: 'break-all' }}>{sandbox.directory}</p>}
      <table className="tbl" aria-label="Sandbox files">
        <TableHead columns={['Name', { label: 'Size', numeric: true }, 'Modified']} />
        <tbody>
          {sandbox.files.map((f) => (
            <tr key={f.path}>
              <td className="mono small">
                {LOG_FILES.has(f.name) ? (
                  <Link to={taskLogsPath(taskId, f.name === 'stderr' ? 'stderr' : 'stdout')} aria-label={`Open ${f.name} in the log viewer`}>
                    {f.name}
                  </Link>
                ) : (
                  <>
                    {f.name}
                    {f.directory ? '/' : ''}
                  </>
                )}
              </td>
              <td className="num">{f.directory ? '—' : formatBytes(f.size)}</td>
              <td className="muted" title={f.modifiedAt ? formatTimestamp(f.modifiedAt) : undefined}>
                {f.modifiedAt ? `${formatAge(f.modifiedAt)} ago` : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
