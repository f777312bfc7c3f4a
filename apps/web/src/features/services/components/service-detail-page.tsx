import { Link, useParams } from 'react-router'
import { useQuery } from '@tanstack/react-query'
import type { DeploymentView } from '@meridian/api'
import { useApiClient } from '#shared/api/api-client-context.tsx'
import { formatCpus, formatMiB } from '#shared/format/resources.ts'
import { formatAge } from '#shared/format/time.ts'
import { useCan } from '#shared/session/session-context.tsx'
import { Button } from '#shared/ui/button.tsx'
import { PageHeader } from '#shared/ui/page-header.tsx'
import { ErrorState, LoadingState } from '#shared/ui/state-views.tsx'
import { StatusBadge } from '#shared/ui/status-badge.tsx'
import { UrlTabs } from '#shared/ui/tabs.tsx'
import { serviceQueryOptions } from '../api/get-services.ts'
import { useServiceCommand } from '../api/service-mutations.ts'
import { HEALTH_TONE, STATUS_TONE } from '../model/service-tree.ts'
import { ConfigurationTab } from './configuration-tab.tsx'
import { ServiceActions } from './service-actions.tsx'
import { PodsTab } from './pods-tab.tsx'
import { DebugTab, EndpointsTab, TasksTab } from './service-tabs.tsx'

function Deployment({ serviceId, d }: { serviceId: string; d: DeploymentView }) {
  const canWrite = useCan('services:write')
  const cmd = useServiceCommand(serviceId)
  // Marathon's currentStep is the step in progress (1-based): the steps before it are done, so a
  // deployment stuck on its last step must not show a full bar.
  const done = Math.max(0, d.currentStep - 1)
  const pct = d.totalSteps > 0 ? Math.round((done / d.totalSteps) * 100) : 0
  return (
    <div className="card card-pad deployment" aria-label={`Deployment ${d.id}`}>
      <div className="row">
        <span className="spinner" aria-hidden="true" />
        <strong className="grow">
          Deploying — step {d.currentStep} of {d.totalSteps}
          <span className="faint small"> · started {formatAge(d.version)} ago</span>
        </strong>
        {canWrite && (
          <>
            <Button size="sm" onClick={() => cmd.mutate({ kind: 'stop-deployment', deploymentId: d.id, rollback: true })}>
              Roll back
            </Button>
            <Button size="sm" onClick={() => cmd.mutate({ kind: 'stop-deployment', deploymentId: d.id, rollback: false })}>
              Stop
            </Button>
          </>
        )}
      </div>
      <div className="util-track" role="progressbar" aria-label="Deployment progress" aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100} style={{ marginTop: 8 }}>
        <div className="util-fill util-low" style={{ width: `${pct}%` }} />
      </div>
      <div className="faint small" style={{ marginTop: 6 }}>
        {d.currentActions.map((a) => `${a.action}${a.service ? ` ${a.service}` : ''}`).join(' · ')}
      </div>
    </div>
  )
}

export function ServiceDetailPage() {
  const params = useParams()
  const id = `/${params['*'] ?? ''}`
  const q = useQuery(serviceQueryOptions(useApiClient(), id))
  if (q.isPending) return <LoadingState label="Loading service…" />
  if (q.error) return <ErrorState error={q.error} onRetry={() => void q.refetch()} back={{ to: '/services', label: 'All services' }} />
  const s = q.data
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/services">Services</Link> / {s.id}
      </nav>
      <PageHeader
        docTitle={`${s.id} · Services`}
        title={
          <span className="row">
            {s.name} <StatusBadge tone={STATUS_TONE[s.status]}>{s.status}</StatusBadge> <StatusBadge tone={HEALTH_TONE[s.health]}>{s.health}</StatusBadge>
          </span>
        }
        subtitle={`${s.tasks.running}/${s.instances} running · ${formatCpus(s.resources.cpus)} CPU · ${formatMiB(s.resources.mem)} per instance${s.image ? ` · ${s.image}` : ''}`}
        actions={<ServiceActions service={s} />}
      />
      {s.deployments.map((d) => (
        <Deployment key={d.id} serviceId={s.id} d={d} />
      ))}
      <UrlTabs
        label="Service sections"
        tabs={[
          // An SDK service's workload is its pods; its Marathon task is only the scheduler.
          ...(s.sdk ? [{ id: 'pods', label: 'Pods', content: () => <PodsTab serviceId={s.id} /> }] : []),
          { id: 'tasks', label: s.sdk ? `Scheduler (${s.taskList.length})` : `Tasks (${s.taskList.length})`, content: () => <TasksTab s={s} /> },
          { id: 'configuration', label: 'Configuration', content: () => <ConfigurationTab s={s} /> },
          { id: 'debug', label: 'Debug', content: () => <DebugTab s={s} /> },
          { id: 'endpoints', label: 'Endpoints', content: () => <EndpointsTab s={s} /> },
        ]}
      />
    </>
  )
}
