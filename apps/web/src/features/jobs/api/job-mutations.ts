/** Job mutations: create/update (JobSpec + one schedule), run now, stop a run, delete. */
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { JobSpecInput } from '@meridian/api'
import { useApiClient } from '#shared/api/api-client-context.tsx'
import { ERROR_TITLES } from '#shared/api/api-error.ts'
import type { ApiClient } from '#shared/api/client.ts'
import { unwrap } from '#shared/api/unwrap.ts'
import { toast } from '#shared/ui/toast-store.ts'
import { jobKeys } from './get-jobs.ts'

export type JobCommand =
  | { kind: 'create'; spec: JobSpecInput }
  | { kind: 'update'; spec: JobSpecInput }
  | { kind: 'run' }
  | { kind: 'stop'; runId: string }
  | { kind: 'delete' }

const LABEL: Record<JobCommand['kind'], string> = { create: 'Create job', update: 'Update job', run: 'Run', stop: 'Stop run', delete: 'Delete job' }

function run(api: ApiClient, id: string, cmd: JobCommand): Promise<unknown> {
  const j = api.api.jobs[':id']
  switch (cmd.kind) {
    case 'create':
      return unwrap(api.api.jobs.$post({ json: cmd.spec }))
    case 'update':
      return unwrap(j.$put({ param: { id }, json: cmd.spec }))
    case 'run':
      return unwrap(j.runs.$post({ param: { id } }))
    case 'stop':
      return unwrap(j.runs[':runId'].stop.$post({ param: { id, runId: cmd.runId } }))
    case 'delete':
      // Metronome refuses to delete a job with active runs unless asked to stop them.
      return unwrap(j.$delete({ param: { id }, query: { stopCurrentJobRuns: 'true' } }))
  }
}

export function useJobCommand(id: string) {
  const api = useApiClient()
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (cmd: JobCommand) => run(api, id, cmd),
    onMutate: (cmd) => ({ toastId: toast.show({ tone: 'progress', title: `${LABEL[cmd.kind]} ${id}…` }) }),
    onSuccess: (_r, cmd, ctx) => toast.update(ctx.toastId, { tone: 'success', title: `${LABEL[cmd.kind]}: ${id}` }),
    onError: (e, _c, ctx) => {
      const patch = { tone: 'error' as const, title: ERROR_TITLES[e.kind], message: e.message }
      if (ctx) toast.update(ctx.toastId, patch)
      else toast.show(patch)
    },
    onSettled: () => qc.invalidateQueries({ queryKey: jobKeys.all }),
  })
}
