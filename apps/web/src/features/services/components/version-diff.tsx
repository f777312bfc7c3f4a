import { useMemo, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useApiClient } from '#shared/api/api-client-context.tsx'
import { formatTimestamp } from '#shared/format/time.ts'
import { EmptyState, ErrorState, LoadingState } from '#shared/ui/state-views.tsx'
import { serviceVersionQueryOptions } from '../api/get-service-version.ts'
import { diffDefinitions, type DiffLine } from '../model/definition-diff.ts'

const SIGN = { added: '+', removed: '-', same: ' ' } as const

function DiffRow({ line }: { line: DiffLine }) {
  if (line.kind === 'folded') return <div className="diff-line diff-folded">⋯ {line.count} unchanged lines</div>
  return (
    <div className={`diff-line diff-${line.kind}`}>
      <span className="diff-sign" aria-hidden="true">
        {SIGN[line.kind]}
      </span>
      {line.kind !== 'same' && <span className="sr-only">{line.kind === 'added' ? 'added: ' : 'removed: '}</span>}
      {line.text}
    </div>
  )
}

function VersionSelect({ label, value, versions, onChange }: { label: string; value: string; versions: string[]; onChange: (v: string) => void }) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <select className="select" value={value} onChange={(e) => onChange(e.target.value)}>
        {versions.map((v, i) => (
          <option key={v} value={v}>
            {formatTimestamp(v)}
            {i === 0 ? ' (current)' : ''}
          </option>
        ))}
      </select>
    </label>
  )
}

/**
 * Any two stored versions side by side as a line diff of their definitions (older → newer by
 * default: the previous version against the current one).
 */
export function VersionDiff({ serviceId, versions }: { serviceId: string; versions: string[] }) {
  const api = useApiClient()
  const [from, setFrom] = useState(versions[1] ?? versions[0] ?? '')
  const [to, setTo] = useState(versions[0] ?? '')
  const left = useQuery({ ...serviceVersionQueryOptions(api, serviceId, from), enabled: versions.length > 1 })
  const right = useQuery({ ...serviceVersionQueryOptions(api, serviceId, to), enabled: versions.length > 1 })
  const diff = useMemo(() => (left.data && right.data ? diffDefinitions(left.data.definition, right.data.definition) : null), [left.data, right.data])

  if (versions.length < 2) return <EmptyState title="Nothing to compare yet">Marathon stores a new version each time the definition changes.</EmptyState>
  const error = left.error ?? right.error
  return (
    <div className="version-diff">
      <div className="toolbar">
        <VersionSelect label="Compare from" value={from} versions={versions} onChange={setFrom} />
        <VersionSelect label="Compare to" value={to} versions={versions} onChange={setTo} />
        {diff && (
          <p className="diff-summary" aria-live="polite">
            {diff.added === 0 && diff.removed === 0 ? (
              'No differences'
            ) : (
              <>
                <span className="diff-count-added">+{diff.added}</span> <span className="diff-count-removed">−{diff.removed}</span> lines
              </>
            )}
          </p>
        )}
      </div>
      {error ? (
        <ErrorState error={error} onRetry={() => void (left.error ? left.refetch() : right.refetch())} />
      ) : !diff ? (
        <LoadingState label="Loading versions…" rows={3} />
      ) : (
        <pre className="code-block diff-view" aria-label={`Differences from ${from} to ${to}`}>
          {diff.lines.map((l, i) => (
            <DiffRow key={i} line={l} />
          ))}
        </pre>
      )}
    </div>
  )
}
