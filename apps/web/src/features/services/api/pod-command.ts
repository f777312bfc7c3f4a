/** SDK pod commands: restart (relaunch in place) and replace (relaunch elsewhere, dropping its reservations and data). */
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { PodAction } from '@meridian/api'
import { useApiClient } from '#shared/api/api-client-context.tsx'
import { ERROR_TITLES } from '#shared/api/api-error.ts'
import { unwrap } from '#shared/api/unwrap.ts'
import { toast } from '#shared/ui/toast-store.ts'
import { servicePodKeys } from './get-service-pods.ts'

export const POD_ACTION_LABEL: Record<PodAction, string> = { restart: 'Restart', replace: 'Replace' }

export function usePodCommand(serviceId: string) {
  const api = useApiClient()
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ pod, action }: { pod: string; action: PodAction }) => unwrap(api.api.services[':id'].pods[':pod'][':action'].$post({ param: { id: encodeURIComponent(serviceId), pod, action } })),
    onMutate: ({ pod, action }) => ({ toastId: toast.show({ tone: 'progress', title: `${POD_ACTION_LABEL[action]} ${pod}…` }) }),
    onSuccess: (r, { action }, ctx) => toast.update(ctx.toastId, { tone: 'success', title: `${POD_ACTION_LABEL[action]}: ${r.pod}`, message: r.tasks.length > 0 ? `Killed ${r.tasks.join(', ')}; the scheduler relaunches them.` : 'The scheduler accepted the command.' }),
    onError: (e, _v, ctx) => {
      const patch = { tone: 'error' as const, title: ERROR_TITLES[e.kind], message: e.message }
      if (ctx) toast.update(ctx.toastId, patch)
      else toast.show(patch)
    },
    onSettled: () => qc.invalidateQueries({ queryKey: servicePodKeys.pods(serviceId) }),
  })
}
