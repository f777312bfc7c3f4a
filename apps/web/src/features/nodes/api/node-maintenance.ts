/**
 * Node maintenance mutations: drain (v1 DRAIN_AGENT), deactivate (DEACTIVATE_AGENT) and
 * reactivate (REACTIVATE_AGENT). Each shows a progress toast and refreshes the node caches.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { DrainNodeInput } from '@meridian/api'
import { useApiClient } from '#shared/api/api-client-context.tsx'
import { ERROR_TITLES } from '#shared/api/api-error.ts'
import { unwrap } from '#shared/api/unwrap.ts'
import { toast } from '#shared/ui/toast-store.ts'
import { nodeKeys } from './get-nodes.ts'

export type NodeAction = 'drain' | 'deactivate' | 'reactivate'

export const NODE_ACTION_LABEL: Record<NodeAction, string> = { drain: 'Drain', deactivate: 'Deactivate', reactivate: 'Reactivate' }

export function useNodeMaintenance(id: string, hostname: string) {
  const api = useApiClient()
  const qc = useQueryClient()
  return useMutation({
    mutationFn: async ({ action, drain }: { action: NodeAction; drain?: DrainNodeInput }) => {
      const node = api.api.nodes[':id']
      if (action === 'drain') return unwrap(node.drain.$post({ param: { id }, json: drain ?? {} }))
      if (action === 'deactivate') return unwrap(node.deactivate.$post({ param: { id } }))
      return unwrap(node.reactivate.$post({ param: { id } }))
    },
    onMutate: ({ action }) => ({ toastId: toast.show({ tone: 'progress', title: `${NODE_ACTION_LABEL[action]} ${hostname}…` }) }),
    onSuccess: (_d, { action }, ctx) => toast.update(ctx.toastId, { tone: 'success', title: `${NODE_ACTION_LABEL[action]}: ${hostname}`, message: 'Request accepted by the master.' }),
    onError: (e, _v, ctx) => {
      const patch = { tone: 'error' as const, title: ERROR_TITLES[e.kind], message: e.message }
      if (ctx) toast.update(ctx.toastId, patch)
      else toast.show(patch)
    },
    onSettled: () => qc.invalidateQueries({ queryKey: nodeKeys.all }),
  })
}
