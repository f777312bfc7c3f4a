/**
 * Wire-API helpers for the SDK flows: what an operator's CLI would do (Cosmos install/uninstall,
 * `dcos <svc> plan pause|resume`) and the reads that cross-check the console (the scheduler's
 * plans, the master's `/state`, Cosmos `/package/list`, Marathon `/v2/apps`). All of it goes
 * through the embedded cluster's HTTP APIs on the BFF's origin, never its internals.
 */
import { expect, type APIRequestContext, type TestInfo } from '@playwright/test'

const COSMOS = (kind: string, version: string) => `application/vnd.dcos.package.${kind}+json;charset=utf-8;version=${version}`

export interface SdkStep {
  name: string
  status: string
}
export interface SdkPlan {
  status: string
  phases: Array<{ name: string; status: string; steps: SdkStep[] }>
  errors: string[]
}
export interface MesosTask {
  id: string
  name: string
  state: string
  slave_id: string
}
interface MesosState {
  slaves: Array<{ id: string; hostname: string }>
  frameworks: Array<{ name: string; active: boolean; tasks: MesosTask[]; completed_tasks: MesosTask[] }>
}

/**
 * A service name unique to this test and repetition (`--repeat-each` reuses one server), so
 * the flows never see each other's services.
 */
export function serviceName(base: string, info: TestInfo): string {
  return info.repeatEachIndex > 0 ? `${base}-r${info.repeatEachIndex}` : base
}

export async function cosmosInstall(request: APIRequestContext, packageName: string, options: Record<string, unknown>): Promise<void> {
  const res = await request.post('/package/install', {
    headers: { 'Content-Type': COSMOS('install-request', 'v1'), Accept: COSMOS('install-response', 'v2') },
    data: JSON.stringify({ packageName, options }),
  })
  expect(res.status(), `install ${packageName}: ${await res.text()}`).toBe(200)
}

/** Uninstalls through Cosmos and waits until Marathon no longer has the scheduler app. */
export async function cosmosUninstall(request: APIRequestContext, packageName: string, appId: string): Promise<void> {
  const res = await request.post('/package/uninstall', {
    headers: { 'Content-Type': COSMOS('uninstall-request', 'v1'), Accept: COSMOS('uninstall-response', 'v1') },
    data: JSON.stringify({ packageName, appId }),
  })
  if (res.status() === 404) return // never got installed (the flow failed before that)
  expect(res.status(), `uninstall ${appId}: ${await res.text()}`).toBe(200)
  await expect.poll(async () => (await marathonAppIds(request)).includes(appId), { timeout: 30_000 }).toBe(false)
}

export async function installedPackages(request: APIRequestContext): Promise<Array<{ appId: string; packageInformation: { packageDefinition: { name: string } } }>> {
  const res = await request.post('/package/list', {
    headers: { 'Content-Type': COSMOS('list-request', 'v1'), Accept: COSMOS('list-response', 'v1') },
    data: '{}',
  })
  expect(res.status()).toBe(200)
  return ((await res.json()) as { packages: Array<{ appId: string; packageInformation: { packageDefinition: { name: string } } }> }).packages
}

export async function marathonAppIds(request: APIRequestContext): Promise<string[]> {
  const res = await request.get('/service/marathon/v2/apps')
  expect(res.status()).toBe(200)
  return ((await res.json()) as { apps: Array<{ id: string }> }).apps.map((a) => a.id)
}

/** `GET /service/{svc}/v1/plans/{plan}`: 200 complete, 202 in progress, 417 error; 404 while the scheduler is not up. */
export async function readPlan(request: APIRequestContext, service: string, plan: string): Promise<{ code: number; plan: SdkPlan | null }> {
  const res = await request.get(`/service/${service}/v1/plans/${plan}`)
  const text = await res.text()
  let body: SdkPlan | null
  try {
    body = JSON.parse(text) as SdkPlan
  } catch {
    body = null // the scheduler is not serving yet (the origin answers with text or the SPA)
  }
  return { code: res.status(), plan: body && Array.isArray(body.phases) ? body : null }
}

/**
 * `dcos <svc> plan pause deploy` as soon as the scheduler serves its API: the step in flight
 * finishes, the rest waits (WAITING) until resumed. Holding the deploy makes its progress
 * observable whatever the demo clock's speed. Fails if the deploy already completed.
 */
export async function pauseDeployWhenServing(request: APIRequestContext, service: string): Promise<SdkPlan> {
  await expect
    .poll(async () => (await readPlan(request, service, 'deploy')).plan !== null, { intervals: [25], timeout: 30_000, message: `${service} scheduler serves /v1/plans` })
    .toBe(true)
  const res = await request.post(`/service/${service}/v1/plans/deploy/interrupt`)
  const text = await res.text()
  expect(res.status(), `interrupt deploy of ${service}: ${text}`).toBe(200)
  expect(text, 'the deploy was still running when paused').toContain('Received cmd: interrupt')
  const { plan } = await readPlan(request, service, 'deploy')
  expect(plan?.status).toBe('WAITING')
  return plan!
}

export async function resumeDeploy(request: APIRequestContext, service: string): Promise<void> {
  const res = await request.post(`/service/${service}/v1/plans/deploy/continue`)
  expect(res.status(), await res.text()).toBe(200)
}

export async function mesosState(request: APIRequestContext): Promise<MesosState> {
  const res = await request.get('/mesos/master/state')
  expect(res.status()).toBe(200)
  return (await res.json()) as MesosState
}

/** The framework a service's scheduler registered (named after the service). */
export function frameworkOf(state: MesosState, service: string): MesosState['frameworks'][number] {
  const fw = state.frameworks.find((f) => f.name === service && f.active)
  expect(fw, `framework ${service} in /mesos/master/state`).toBeDefined()
  return fw!
}

/** Running tasks of the service whose name ends with `-<suffix>` (e.g. `broker`, `server`). */
export function runningPods(state: MesosState, service: string, suffix: string): MesosTask[] {
  return frameworkOf(state, service)
    .tasks.filter((t) => t.name.endsWith(`-${suffix}`) && t.state === 'TASK_RUNNING')
    .sort((a, b) => a.name.localeCompare(b.name))
}
