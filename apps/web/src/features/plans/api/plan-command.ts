/** SDK plan commands on a plan, phase or step (interrupt = pause, continue = resume). */
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { PLAN_ACTIONS } from '@meridian/api'
import { useApiClient } from '#shared/api/api-client-context.tsx'
import { ERROR_TITLES } from '#shared/api/api-error.ts'
import { unwrap } from '#shared/api/unwrap.ts'
import { toast } from '#shared/ui/toast-store.ts'
import { planKeys } from './get-plans.ts'

export type PlanAction = (typeof PLAN_ACTIONS)[number]

export interface PlanTarget {
  serviceId: string
  plan: string
  phase?: string
  step?: string
}

export const PLAN_ACTION_LABEL: Record<PlanAction, string> = {
  start: 'Start',
  stop: 'Stop',
  continue: 'Resume',
  interrupt: 'Pause',
  forceComplete: 'Force complete',
  restart: 'Restart',
}

export function usePlanCommand() {
  const api = useApiClient()
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ target, action }: { target: PlanTarget; action: PlanAction }) =>
      unwrap(
        api.api.services[':id'].plans[':plan'][':action'].$post({
          param: { id: encodeURIComponent(target.serviceId), plan: target.plan, action },
          query: { ...(target.phase ? { phase: target.phase } : {}), ...(target.step ? { step: target.step } : {}) },
          json: {},
        }),
      ),
    onSuccess: (r, { target, action }) =>
      toast.show({ tone: r.changed ? 'success' : 'info', title: `${PLAN_ACTION_LABEL[action]}: ${target.step ?? target.phase ?? target.plan}`, message: r.changed ? r.message : 'Already in that state.' }),
    onError: (e) => toast.show({ tone: 'error', title: ERROR_TITLES[e.kind], message: e.message }),
    onSettled: () => qc.invalidateQueries({ queryKey: planKeys.all }),
  })
}
