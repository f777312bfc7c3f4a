import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { InstallPackageInput } from '@meridian/api'
import { useApiClient } from '#shared/api/api-client-context.tsx'
import { ERROR_TITLES } from '#shared/api/api-error.ts'
import { unwrap } from '#shared/api/unwrap.ts'
import { toast } from '#shared/ui/toast-store.ts'
import { catalogKeys } from './get-packages.ts'

/** Install: field errors stay on the form (details), the rest goes to a toast. */
export function useInstallPackage() {
  const api = useApiClient()
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: InstallPackageInput) => unwrap(api.api.catalog.install.$post({ json: input })),
    onSuccess: (r) => toast.show({ tone: 'success', title: `Installing ${r.packageName} ${r.packageVersion}`, message: r.postInstallNotes ?? (r.appId ? `Service ${r.appId} is deploying.` : undefined) }),
    onError: (e) => {
      if (Object.keys(e.details).length === 0) toast.show({ tone: 'error', title: ERROR_TITLES[e.kind], message: e.message })
    },
    onSettled: () => qc.invalidateQueries({ queryKey: catalogKeys.installed() }),
  })
}

export function useUninstallPackage() {
  const api = useApiClient()
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: { packageName: string; appId: string }) => unwrap(api.api.catalog.uninstall.$post({ json: input })),
    onMutate: (i) => ({ toastId: toast.show({ tone: 'progress', title: `Uninstalling ${i.appId}…` }) }),
    onSuccess: (_r, i, ctx) => toast.update(ctx.toastId, { tone: 'success', title: `Uninstalled ${i.appId}` }),
    onError: (e, _i, ctx) => (ctx ? toast.update(ctx.toastId, { tone: 'error', title: ERROR_TITLES[e.kind], message: e.message }) : undefined),
    onSettled: () => qc.invalidateQueries({ queryKey: catalogKeys.installed() }),
  })
}
