/**
 * Service mutations. Each one shows a progress toast (deployments take time) and refreshes the
 * service caches; Marathon's 409 (deployment in progress) surfaces as a Conflict toast.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { AppDefinitionInput } from '@meridian/api'
import { useApiClient } from '#shared/api/api-client-context.tsx'
import type { ApiClient } from '#shared/api/client.ts'
import { ERROR_TITLES } from '#shared/api/api-error.ts'
import { unwrap } from '#shared/api/unwrap.ts'
import { toast } from '#shared/ui/toast-store.ts'
import { serviceKeys } from './get-services.ts'

export type ServiceCommand =
  | { kind: 'scale'; instances: number }
  | { kind: 'restart' }
  | { kind: 'suspend' }
  | { kind: 'resume' }
  | { kind: 'destroy' }
  | { kind: 'rollback'; version: string }
  | { kind: 'edit'; definition: Record<string, unknown> }
  | { kind: 'stop-deployment'; deploymentId: string; rollback: boolean }

export const COMMAND_LABEL: Record<ServiceCommand['kind'], string> = {
  scale: 'Scale',
  restart: 'Restart',
  suspend: 'Suspend',
  resume: 'Resume',
  destroy: 'Destroy',
  rollback: 'Roll back',
  edit: 'Update',
  'stop-deployment': 'Stop deployment',
}

function run(api: ApiClient, id: string, cmd: ServiceCommand): Promise<unknown> {
  const param = { id: encodeURIComponent(id) }
  const s = api.api.services[':id']
  switch (cmd.kind) {
    case 'scale':
      return unwrap(s.scale.$post({ param, query: {}, json: { instances: cmd.instances } }))
    case 'restart':
      return unwrap(s.restart.$post({ param, query: {} }))
    case 'suspend':
      return unwrap(s.suspend.$post({ param, query: {} }))
    case 'resume':
      return unwrap(s.resume.$post({ param, json: {} }))
    case 'destroy':
      return unwrap(s.$delete({ param }))
    case 'rollback':
      return unwrap(s.rollback.$post({ param, query: {}, json: { version: cmd.version } }))
    case 'edit':
      return unwrap(s.$put({ param, query: {}, json: cmd.definition }))
    case 'stop-deployment':
      // Marathon: DELETE without force rolls back; force=true just stops where it is.
      return unwrap(api.api.deployments[':id'].$delete({ param: { id: cmd.deploymentId }, query: cmd.rollback ? {} : { force: 'true' } }))
  }
}

export function useServiceCommand(id: string) {
  const api = useApiClient()
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (cmd: ServiceCommand) => run(api, id, cmd),
    onMutate: (cmd) => ({ toastId: toast.show({ tone: 'progress', title: `${COMMAND_LABEL[cmd.kind]} ${id}…` }) }),
    onSuccess: (_r, cmd, ctx) => toast.update(ctx.toastId, { tone: 'success', title: `${COMMAND_LABEL[cmd.kind]}: ${id}`, message: 'Marathon accepted the change.' }),
    onError: (e, _cmd, ctx) => {
      const patch = { tone: 'error' as const, title: ERROR_TITLES[e.kind], message: e.message }
      if (ctx) toast.update(ctx.toastId, patch)
      else toast.show(patch)
    },
    onSettled: () => qc.invalidateQueries({ queryKey: serviceKeys.all }),
  })
}

export function useCreateService() {
  const api = useApiClient()
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (definition: AppDefinitionInput) => unwrap(api.api.services.$post({ json: definition })),
    onSuccess: (_r, d) => toast.show({ tone: 'success', title: `Deploying ${d.id}` }),
    onSettled: () => qc.invalidateQueries({ queryKey: serviceKeys.all }),
  })
}
