import { useState } from 'react'
import { Link } from 'react-router'
import { useQuery } from '@tanstack/react-query'
import type { PlanPhaseView, PlanStatus, PlanView } from '@meridian/api'
import { useApiClient } from '#shared/api/api-client-context.tsx'
import { useCan } from '#shared/session/session-context.tsx'
import { Button } from '#shared/ui/button.tsx'
import { ConfirmDialog } from '#shared/ui/confirm-dialog.tsx'
import { PageHeader } from '#shared/ui/page-header.tsx'
import { EmptyState, ErrorState, LoadingState } from '#shared/ui/state-views.tsx'
import { StatusBadge } from '#shared/ui/status-badge.tsx'
import { useUrlParam } from '#shared/ui/use-url-state.ts'
import { plansQueryOptions } from '../api/get-plans.ts'
import { PLAN_ACTION_LABEL, usePlanCommand, type PlanAction, type PlanTarget } from '../api/plan-command.ts'
import { isPaused, isRunning, PLAN_STATUS_TONE } from '../model/plan-status.ts'

function Controls({ target, status, label, onForce }: { target: PlanTarget; status: PlanStatus; label: string; onForce: (t: PlanTarget) => void }) {
  const cmd = usePlanCommand()
  if (!useCan('plans:control')) return null
  const act = (action: PlanAction) => cmd.mutate({ target, action })
  return (
    <span className="row plan-controls">
      {isPaused(status) ? (
        <Button size="sm" onClick={() => act('continue')} aria-label={`Resume ${label}`}>
          Resume
        </Button>
      ) : (
        isRunning(status) && (
          <Button size="sm" onClick={() => act('interrupt')} aria-label={`Pause ${label}`}>
            Pause
          </Button>
        )
      )}
      <Button size="sm" onClick={() => act('restart')} aria-label={`Restart ${label}`}>
        Restart
      </Button>
      {status !== 'COMPLETE' && (
        <Button size="sm" variant="ghost" onClick={() => onForce(target)} aria-label={`Force complete ${label}`}>
          Force complete
        </Button>
      )}
    </span>
  )
}

function Phase({ serviceId, plan, phase, onForce }: { serviceId: string; plan: string; phase: PlanPhaseView; onForce: (t: PlanTarget) => void }) {
  return (
    <li className="phase">
      <div className="row">
        <strong className="grow">
          {phase.name} <span className="faint small">{phase.strategy}</span>
        </strong>
        <StatusBadge tone={PLAN_STATUS_TONE[phase.status]}>{phase.status}</StatusBadge>
        <Controls target={{ serviceId, plan, phase: phase.name }} status={phase.status} label={`phase ${phase.name}`} onForce={onForce} />
      </div>
      <ol className="plain-list steps-list" aria-label={`Steps of ${phase.name}`}>
        {phase.steps.map((s) => (
          <li key={s.id} className="row step" aria-label={`${s.name}: ${s.status}`}>
            <span className={`step-dot step-${PLAN_STATUS_TONE[s.status]}`} aria-hidden="true" />
            <span className="grow">
              {s.name}
              {s.message && <span className="faint small"> — {s.message}</span>}
            </span>
            <StatusBadge tone={PLAN_STATUS_TONE[s.status]}>{s.status}</StatusBadge>
            <Controls target={{ serviceId, plan, phase: phase.name, step: s.name }} status={s.status} label={`step ${s.name}`} onForce={onForce} />
          </li>
        ))}
      </ol>
    </li>
  )
}

function Plan({ serviceId, plan, onForce }: { serviceId: string; plan: PlanView; onForce: (t: PlanTarget) => void }) {
  const pct = plan.progress.totalSteps > 0 ? Math.round((plan.progress.completeSteps / plan.progress.totalSteps) * 100) : 0
  return (
    <section className="card card-pad plan" aria-label={`${serviceId} plan ${plan.name}`}>
      <div className="row">
        <h3 className="grow">
          {plan.name} <span className="faint small">{plan.strategy}</span>
        </h3>
        <StatusBadge tone={PLAN_STATUS_TONE[plan.status]}>{plan.status}</StatusBadge>
        <Controls target={{ serviceId, plan: plan.name }} status={plan.status} label={`plan ${plan.name}`} onForce={onForce} />
      </div>
      <div className="row" style={{ margin: '10px 0' }}>
        <div className="util-track grow" role="progressbar" aria-label={`Progress of ${plan.name}`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
          <div className={`util-fill ${plan.status === 'ERROR' ? 'util-high' : 'util-low'}`} style={{ width: `${pct}%` }} />
        </div>
        <span className="small muted nowrap">
          {plan.progress.completeSteps}/{plan.progress.totalSteps} steps
        </span>
      </div>
      {plan.errors.length > 0 && (
        <ul className="field-error" role="alert">
          {plan.errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      <ol className="plain-list stack" style={{ gap: 12 }}>
        {plan.phases.map((ph) => (
          <Phase key={ph.id} serviceId={serviceId} plan={plan.name} phase={ph} onForce={onForce} />
        ))}
      </ol>
    </section>
  )
}

export function PlansPage() {
  const q = useQuery(plansQueryOptions(useApiClient()))
  const [service, setService] = useUrlParam('service')
  const cmd = usePlanCommand()
  const [force, setForce] = useState<PlanTarget | null>(null)
  const services = (q.data?.services ?? []).filter((s) => !service || s.serviceId === service)
  return (
    <>
      <PageHeader
        title="Plans"
        subtitle="Deploy, update and recovery plans of DC/OS SDK services, live"
        actions={
          q.data && (
            <select className="select" aria-label="Service" value={service} onChange={(e) => setService(e.target.value)}>
              <option value="">All SDK services</option>
              {q.data.services.map((s) => (
                <option key={s.serviceId} value={s.serviceId}>
                  {s.serviceId}
                </option>
              ))}
            </select>
          )
        }
      />
      {q.isPending ? (
        <LoadingState label="Loading plans…" />
      ) : q.error ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : services.length === 0 ? (
        <EmptyState title="No SDK services" action={<Link to="/catalog">Browse the catalog</Link>}>
          Plans appear for services installed from SDK packages (Cassandra, Kafka, HDFS…).
        </EmptyState>
      ) : (
        <div className="stack">
          {services.map((s) => (
            <section key={s.serviceId} aria-labelledby={`svc-${s.serviceName}`} className="stack" style={{ gap: 10 }}>
              <h2 id={`svc-${s.serviceName}`} className="row">
                <Link to={`/services/detail${s.serviceId}`}>{s.serviceId}</Link>
              </h2>
              {s.error && <div className="degraded-banner" role="alert">{`Scheduler unreachable: ${s.error}`}</div>}
              {s.plans.map((p) => (
                <Plan key={p.name} serviceId={s.serviceId} plan={p} onForce={setForce} />
              ))}
            </section>
          ))}
        </div>
      )}
      {force && (
        <ConfirmDialog
          title={`Force complete ${force.step ?? force.phase ?? force.plan}?`}
          confirmLabel={PLAN_ACTION_LABEL.forceComplete}
          pending={cmd.isPending}
          onCancel={() => setForce(null)}
          onConfirm={() => cmd.mutate({ target: force, action: 'forceComplete' }, { onSettled: () => setForce(null) })}
        >
          The scheduler marks it COMPLETE without doing the work. Use this only when the step is stuck and you have fixed things by hand.
        </ConfirmDialog>
      )}
    </>
  )
}
