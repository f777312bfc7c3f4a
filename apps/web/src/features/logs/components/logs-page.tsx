import { useEffect, useMemo, useRef } from 'react'
import { Link, useParams } from 'react-router'
import { taskPath } from '#shared/routes/task-paths.ts'
import { Button } from '#shared/ui/button.tsx'
import { Icon } from '#shared/ui/icons.tsx'
import { PageHeader } from '#shared/ui/page-header.tsx'
import { ErrorState, LoadingState } from '#shared/ui/state-views.tsx'
import { useUrlParam } from '#shared/ui/use-url-state.ts'
import type { LogStream } from '../api/get-task-log.ts'
import { useTaskLog } from '../api/use-task-log.ts'

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.click()
  URL.revokeObjectURL(url)
}

/** stdout/stderr of one task: follows live (pausable), searchable, downloadable, pages backwards. */
export function LogsPage() {
  const { taskId = '' } = useParams()
  const [streamParam, setStream] = useUrlParam('stream', 'stdout')
  const stream: LogStream = streamParam === 'stderr' ? 'stderr' : 'stdout'
  return <TaskLog key={`${taskId}:${stream}`} taskId={taskId} stream={stream} setStream={setStream} />
}

function TaskLog({ taskId, stream, setStream }: { taskId: string; stream: LogStream; setStream: (s: string) => void }) {
  const [paused, setPaused] = useUrlParam('paused', '')
  const [search, setSearch] = useUrlParam('q')
  const following = paused !== '1'
  const log = useTaskLog(taskId, stream, following)
  const endRef = useRef<HTMLDivElement>(null)
  const lines = useMemo(() => log.buffer.text.split('\n'), [log.buffer.text])
  const needle = search.toLowerCase()
  const shown = useMemo(() => (needle ? lines.filter((l) => l.toLowerCase().includes(needle)) : lines), [lines, needle])
  useEffect(() => {
    if (following && !needle) endRef.current?.scrollIntoView?.({ block: 'end' })
  }, [shown, following, needle])
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/services">Services</Link> / <Link to={taskPath(taskId)}>Task</Link> / Logs
      </nav>
      <PageHeader title="Task logs" docTitle={`Logs of ${taskId}`} subtitle={<span className="mono">{taskId}</span>} />
      <div className="toolbar">
        <div className="segmented" role="group" aria-label="Stream">
          {(['stdout', 'stderr'] as const).map((s) => (
            <button key={s} type="button" aria-pressed={stream === s} onClick={() => setStream(s)}>
              {s}
            </button>
          ))}
        </div>
        <Button onClick={() => setPaused(following ? '1' : '')} aria-pressed={!following}>
          {following ? 'Pause' : 'Follow'}
        </Button>
        <label className="search-box">
          <Icon name="search" size={15} />
          <span className="sr-only">Search the log</span>
          <input type="search" placeholder="Filter lines" value={search} onChange={(e) => setSearch(e.target.value)} />
        </label>
        <span className="grow" />
        {log.status !== 'error' && (
          <span className="faint small" aria-live="polite">
            {needle ? `${shown.length} matching line${shown.length === 1 ? '' : 's'}` : `${lines.length} line${lines.length === 1 ? '' : 's'}`}
            {following && <span className="live-pill">LIVE</span>}
          </span>
        )}
        <Button onClick={() => download(`${taskId}.${stream}.log`, log.buffer.text)}>Download</Button>
      </div>
      {log.status === 'loading' ? (
        <LoadingState label="Loading log…" />
      ) : log.status === 'error' && log.error ? (
        <ErrorState error={log.error} back={{ to: '/services', label: 'All services' }} />
      ) : (
        <div className="log-view card" role="log" aria-label={`${stream} of ${taskId}`}>
          {log.buffer.hasMoreBefore && (
            <div className="log-older">
              <Button size="sm" onClick={() => void log.loadOlder()} disabled={log.loadingOlder}>
                {log.loadingOlder ? 'Loading…' : 'Load older'}
              </Button>
            </div>
          )}
          <pre className="log-text">
            {shown.map((l, i) => (
              <div key={i} className="log-line">
                {l || ' '}
              </div>
            ))}
          </pre>
          <div ref={endRef} />
        </div>
      )}
    </>
  )
}
