import { useState } from 'react'
import type { ServiceDetailView } from '@meridian/api'
import { formatTimestamp } from '#shared/format/time.ts'
import { useCan } from '#shared/session/session-context.tsx'
import { Button } from '#shared/ui/button.tsx'
import { Card } from '#shared/ui/card.tsx'
import { ConfirmDialog } from '#shared/ui/confirm-dialog.tsx'
import { useServiceCommand } from '../api/service-mutations.ts'
import { VersionDiff } from './version-diff.tsx'

/** Current definition, version history (any older version can be rolled back to) and a diff of any two. */
export function ConfigurationTab({ s }: { s: ServiceDetailView }) {
  const canWrite = useCan('services:write')
  const cmd = useServiceCommand(s.id)
  const [target, setTarget] = useState<string | null>(null)
  return (
    <div className="config-layout">
      <Card title="Versions" level={3}>
        <ul className="plain-list version-list" aria-label="Versions">
          {s.versions.map((v) => (
            <li key={v} className="row" aria-label={v}>
              <span className="grow">
                {formatTimestamp(v)}
                {v === s.version && <span className="badge badge-ok small"> current</span>}
              </span>
              {canWrite && v !== s.version && (
                <Button size="sm" onClick={() => setTarget(v)} aria-label={`Roll back to ${v}`}>
                  Roll back
                </Button>
              )}
            </li>
          ))}
        </ul>
      </Card>
      <Card title="Current definition" level={3}>
        <pre className="code-block">{JSON.stringify(s.definition, null, 2)}</pre>
      </Card>
      <section className="card card-pad config-wide" aria-labelledby="diff-h">
        <h3 id="diff-h" className="card-title">
          Compare versions
        </h3>
        <VersionDiff serviceId={s.id} versions={s.versions} />
      </section>
      {target && (
        <ConfirmDialog
          title="Roll back?"
          confirmLabel="Roll back"
          tone="primary"
          pending={cmd.isPending}
          onCancel={() => setTarget(null)}
          onConfirm={() => cmd.mutate({ kind: 'rollback', version: target }, { onSettled: () => setTarget(null) })}
        >
          Marathon redeploys {s.id} with the definition of {formatTimestamp(target)}.
        </ConfirmDialog>
      )}
    </div>
  )
}
