import { lazy, Suspense } from 'react'
import { Link } from 'react-router'
import { useQuery } from '@tanstack/react-query'
import type { DashboardView } from '@meridian/api'
import { useApiClient } from '#shared/api/api-client-context.tsx'
import { Card } from '#shared/ui/card.tsx'
import { Icon } from '#shared/ui/icons.tsx'
import { PageHeader } from '#shared/ui/page-header.tsx'
import { ErrorState, LoadingState } from '#shared/ui/state-views.tsx'
import { StatusBadge } from '#shared/ui/status-badge.tsx'
import { dashboardQueryOptions } from '../api/get-dashboard.ts'
import { groupTaskStates } from '../model/dashboard-series.ts'
import { AllocationDonut } from './allocation-donut.tsx'
import { ComponentsCard } from './components-card.tsx'

// recharts is most of this page's JS: the time series loads after the page has rendered, which
// keeps the dashboard's initial JS under the 250 KB gzip budget (docs/performance.md).
const AllocationChart = lazy(async () => ({ default: (await import('./allocation-chart.tsx')).AllocationChart }))

function Stat({ to, label, value, tone, detail }: { to: string; label: string; value: number | string; tone?: 'danger' | 'warn'; detail?: string }) {
  return (
    <Link to={to} className="card stat card-link" aria-label={`${label}: ${value}`}>
      <div className="stat-label">{label}</div>
      <div className="stat-value" style={tone ? { color: `var(--${tone})` } : undefined}>
        {value}
      </div>
      {detail && <div className="faint small">{detail}</div>}
    </Link>
  )
}

function Summary({ d }: { d: DashboardView }) {
  const byStatus = d.services?.byStatus ?? {}
  const deploying = (byStatus.Deploying ?? 0) + (byStatus.Recovering ?? 0)
  const waiting = (byStatus['Waiting for resources'] ?? 0) + (byStatus.Delayed ?? 0)
  return (
    <div className="stat-grid">
      <Stat to="/services" label="Services" value={d.services?.total ?? '—'} detail={d.services ? `${byStatus.Running ?? 0} running · ${deploying} deploying${waiting ? ` · ${waiting} waiting` : ''}` : 'Marathon unavailable'} />
      <Stat to="/services?health=Unhealthy" label="Unhealthy services" value={d.services?.unhealthy ?? '—'} tone={d.services?.unhealthy ? 'danger' : undefined} />
      <Stat to="/nodes" label="Nodes" value={d.nodes.total} detail={`${d.nodes.healthy} healthy${d.nodes.maintenance ? ` · ${d.nodes.maintenance} in maintenance` : ''}`} />
      <Stat to="/nodes?health=unreachable" label="Unhealthy nodes" value={d.nodes.unhealthy} tone={d.nodes.unhealthy ? 'danger' : undefined} />
      <Stat to="/jobs" label="Active job runs" value={d.jobs?.activeRuns ?? '—'} detail={d.jobs ? `${d.jobs.total} jobs` : 'Metronome unavailable'} />
      <Stat to="/jobs?status=Failed" label="Failing jobs" value={d.jobs?.failedLastRun ?? '—'} tone={d.jobs?.failedLastRun ? 'warn' : undefined} />
    </div>
  )
}

function PlansCard({ d }: { d: DashboardView }) {
  if (!d.plans || d.plans.active.length === 0) return null
  return (
    <Card
      style={{ marginTop: 16 }}
      title={
        <>
          Plans in progress <Link to="/plans" className="small">All plans →</Link>
        </>
      }
    >
      <ul className="plain-list bars" aria-label="Plans in progress">
        {d.plans.active.map((p) => {
          const pct = p.totalSteps > 0 ? (p.completeSteps / p.totalSteps) * 100 : 0
          return (
            <li key={`${p.serviceId}:${p.plan}`} className="bar-row plan-bar" aria-label={`${p.serviceId} ${p.plan}: ${p.completeSteps} of ${p.totalSteps} steps`}>
              <Link to={`/plans?service=${encodeURIComponent(p.serviceId)}`} className="bar-label">
                {p.serviceId} · {p.plan}
              </Link>
              <span className="bar-track" aria-hidden="true">
                <span className={`bar-fill bar-${p.status === 'ERROR' ? 'danger' : 'info'}`} style={{ width: `${pct}%` }} />
              </span>
              <span className="num bar-count">
                {p.completeSteps}/{p.totalSteps}
              </span>
            </li>
          )
        })}
      </ul>
    </Card>
  )
}

export function DashboardPage() {
  const q = useQuery(dashboardQueryOptions(useApiClient()))
  if (q.isPending) return <LoadingState label="Loading dashboard…" rows={6} />
  if (q.error) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />
  const d = q.data
  const tasks = groupTaskStates(d.tasksByState)
  const maxTasks = Math.max(1, ...tasks.map((t) => t.count))
  return (
    <>
      <PageHeader title="Dashboard" subtitle="Cluster allocation, workloads and health at a glance" />
      {d.degraded.length > 0 && (
        <div className="degraded-banner" role="alert">
          <Icon name="alert" size={16} /> Partial data: {d.degraded.join(', ')} could not be reached.
        </div>
      )}
      <Summary d={d} />
      <div className="two-col">
        <Card
          title={
            <>
              Allocation <Link to="/nodes?view=capacity" className="small">Capacity →</Link>
            </>
          }
        >
          <div className="donut-row">
            {(['cpus', 'mem', 'disk', 'gpus'] as const).map((k) => (
              <AllocationDonut key={k} kind={k} used={d.allocated[k]} total={d.total[k]} />
            ))}
          </div>
        </Card>
        <Card title="Tasks by state">
          <ul className="plain-list bars" aria-label="Tasks by state">
            {tasks.map((t) => (
              <li key={t.group} className="bar-row" aria-label={`${t.group}: ${t.count}`}>
                <span className="bar-label">
                  <StatusBadge tone={t.tone}>{t.group}</StatusBadge>
                </span>
                <span className="bar-track" aria-hidden="true">
                  <span className={`bar-fill bar-${t.tone}`} style={{ width: `${(t.count / maxTasks) * 100}%` }} />
                </span>
                <span className="num bar-count">{t.count.toLocaleString()}</span>
              </li>
            ))}
          </ul>
        </Card>
      </div>
      <PlansCard d={d} />
      <ComponentsCard />
      <Card title="Allocation over time" style={{ marginTop: 16 }}>
        <Suspense fallback={<p className="muted" style={{ height: 240 }}>Loading chart…</p>}>
          <AllocationChart history={d.history} />
        </Suspense>
      </Card>
    </>
  )
}
