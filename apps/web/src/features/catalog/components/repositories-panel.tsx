/** Package repositories (Cosmos order = priority). Admins add and remove; others read. */
import { useState, type FormEvent } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useApiClient } from '#shared/api/api-client-context.tsx'
import { useCan } from '#shared/session/session-context.tsx'
import { Button } from '#shared/ui/button.tsx'
import { Card } from '#shared/ui/card.tsx'
import { ConfirmDialog } from '#shared/ui/confirm-dialog.tsx'
import { ErrorState, LoadingState } from '#shared/ui/state-views.tsx'
import { repositoriesQueryOptions, useRepositoryChange } from '../api/repositories.ts'

export function RepositoriesPanel() {
  const q = useQuery(repositoriesQueryOptions(useApiClient()))
  const canEdit = useCan('catalog:repositories')
  const change = useRepositoryChange()
  const [name, setName] = useState('')
  const [uri, setUri] = useState('')
  const [removing, setRemoving] = useState<string | null>(null)
  const add = (e: FormEvent) => {
    e.preventDefault()
    change.mutate({ kind: 'add', name, uri }, { onSuccess: () => (setName(''), setUri('')) })
  }
  return (
    <Card title="Package repositories">
      {q.isPending ? (
        <LoadingState rows={2} />
      ) : q.error ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <ol className="plain-list stack" style={{ gap: 8 }} aria-label="Repositories in priority order">
          {q.data.repositories.map((r) => (
            <li key={r.name} className="row" aria-label={r.name}>
              <span className="grow">
                <strong>{r.name}</strong>
                <div className="faint small mono">{r.uri}</div>
              </span>
              {canEdit && (
                <Button size="sm" variant="ghost" onClick={() => setRemoving(r.name)} aria-label={`Remove ${r.name}`}>
                  Remove
                </Button>
              )}
            </li>
          ))}
        </ol>
      )}
      {canEdit && (
        <form className="row" style={{ marginTop: 14, alignItems: 'flex-end' }} onSubmit={add}>
          <label className="field">
            <span className="field-label">Name</span>
            <input className="input" value={name} onChange={(e) => setName(e.target.value)} required />
          </label>
          <label className="field grow">
            <span className="field-label">URI</span>
            <input className="input" type="url" value={uri} onChange={(e) => setUri(e.target.value)} required placeholder="https://universe.example.com/repo" />
          </label>
          <Button type="submit" disabled={change.isPending}>
            Add repository
          </Button>
        </form>
      )}
      {removing && (
        <ConfirmDialog title={`Remove ${removing}?`} confirmLabel="Remove" pending={change.isPending} onCancel={() => setRemoving(null)} onConfirm={() => change.mutate({ kind: 'remove', name: removing }, { onSettled: () => setRemoving(null) })}>
          Packages from this repository can no longer be installed. Installed services keep running.
        </ConfirmDialog>
      )}
    </Card>
  )
}
