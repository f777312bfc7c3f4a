import { useQuery } from '@tanstack/react-query'
import { RepositoriesPanel } from '#features/catalog/components/repositories-panel.tsx'
import { useApiClient } from '#shared/api/api-client-context.tsx'
import { Card } from '#shared/ui/card.tsx'
import { PageHeader } from '#shared/ui/page-header.tsx'
import { useThemeStore, type ThemeChoice } from '../theme/theme-store.ts'
import { clusterInfoQueryOptions } from './get-cluster-info.ts'

const CHOICES: Array<{ id: ThemeChoice; label: string }> = [
  { id: 'system', label: 'Match system' },
  { id: 'light', label: 'Light' },
  { id: 'dark', label: 'Dark' },
]

/** What this console is connected to: the cluster's name, DC/OS release and id, Mesos and its leader. */
function ClusterAbout() {
  const q = useQuery(clusterInfoQueryOptions(useApiClient()))
  const info = q.data
  return (
    <Card title="Cluster" style={{ maxWidth: 560, marginTop: 16 }}>
      {q.error && <p className="small">Cluster details unavailable: {q.error.message}</p>}
      {!info && !q.error && <p className="muted small">Loading…</p>}
      {info && (
        <dl className="kv" aria-label="Cluster details">
          <dt>Name</dt>
          <dd>{info.name}</dd>
          <dt>Connected to</dt>
          <dd>{info.mode === 'demo' ? 'Embedded demo cluster' : 'DC/OS cluster'}</dd>
          <dt>DC/OS</dt>
          <dd>{info.dcos?.version ? `${info.dcos.version}${info.dcos.variant ? ` (${info.dcos.variant})` : ''}` : '—'}</dd>
          <dt>Cluster ID</dt>
          <dd className="mono">{info.dcos?.clusterId ?? '—'}</dd>
          <dt>Public IP</dt>
          <dd className="mono">{info.dcos?.publicIp ?? '—'}</dd>
          <dt>Mesos</dt>
          <dd>{info.mesos.version ?? '—'}</dd>
          <dt>Leading master</dt>
          <dd className="mono">{info.mesos.leader.hostname ?? '—'}</dd>
        </dl>
      )}
    </Card>
  )
}

export function SettingsPage() {
  const choice = useThemeStore((s) => s.choice)
  const themeChosen = useThemeStore((s) => s.themeChosen)
  return (
    <>
      <PageHeader title="Settings" subtitle="Console preferences" />
      <Card title="Appearance" style={{ maxWidth: 560 }}>
        <fieldset className="plain-fieldset">
          <legend className="field-label">Theme</legend>
          <div className="segmented">
            {CHOICES.map((c) => (
              <button key={c.id} type="button" aria-pressed={choice === c.id} onClick={() => themeChosen(c.id)}>
                {c.label}
              </button>
            ))}
          </div>
        </fieldset>
      </Card>
      <ClusterAbout />
      <div style={{ maxWidth: 760, marginTop: 16 }}>
        <RepositoriesPanel />
      </div>
    </>
  )
}
