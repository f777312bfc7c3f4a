/**
 * Loads SDK services (from Marathon) and their plans (from each scheduler). A loader does I/O
 * through the adapters and shapes with the pure views, so routes and the live feeds share it and
 * imports flow one way: upstreams → views → loaders → routes / live.
 */
import type { PlanView } from '@meridian/api'
import { AppError } from '../errors.ts'
import type { Upstreams } from '../upstreams/registry.ts'
import { sdkServiceRef, toPlanView, type SdkServiceRef } from '../views/plans/to-plan-view.ts'

/** Every SDK service (one Marathon call with a label selector). */
export async function loadSdkServices(up: Upstreams): Promise<SdkServiceRef[]> {
  return (await up.marathon.appsWithLabel('DCOS_PACKAGE_FRAMEWORK_NAME')).map(sdkServiceRef).filter((s): s is SdkServiceRef => s !== null)
}

/** The SDK service behind a Marathon app id; NotFound when the app is not an SDK scheduler. */
export async function loadSdkService(up: Upstreams, serviceId: string): Promise<SdkServiceRef> {
  const ref = sdkServiceRef(await up.marathon.app(serviceId))
  if (!ref) throw new AppError('NotFound', `Service ${serviceId} is not a DC/OS SDK service and has no plans`)
  return ref
}

/** All plans of one service, in the scheduler's order. */
export async function loadServicePlans(up: Upstreams, svc: SdkServiceRef): Promise<PlanView[]> {
  const names = await up.sdk.planNames(svc.serviceName)
  return Promise.all(names.map(async (n) => toPlanView(svc.serviceId, n, await up.sdk.plan(svc.serviceName, n))))
}
