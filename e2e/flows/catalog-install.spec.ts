/**
 * Installing SDK packages from the Catalog: a changed option in the generated form, the review
 * step, the deploy plan progressing on the Plans page, the service Healthy in Services, and
 * the cluster's own APIs agreeing (scheduler plan, Mesos tasks on distinct agents).
 * Each test installs its own service name and uninstalls it afterwards.
 */
import type { APIRequestContext, Page } from '@playwright/test'
import { expect, loginAs, test } from '../fixtures.ts'
import { CatalogPage } from '../pages/catalog-page.ts'
import { PlansPage } from '../pages/plans-page.ts'
import { ServicesPage } from '../pages/services-page.ts'
import { cosmosUninstall, installedPackages, marathonAppIds, mesosState, pauseDeployWhenServing, readPlan, runningPods, serviceName } from './support/sdk-wire.ts'

interface MarathonApp {
  env: Record<string, string>
}

const installed: Array<{ pkg: string; appId: string }> = []
test.afterEach(async ({ request }) => {
  for (const s of installed.splice(0)) await cosmosUninstall(request, s.pkg, s.appId)
})

/**
 * Catalog → package → Configure (the count option starts at its schema default) → service name
 * and count → Review (the reviewed options carry both) → Install, with the deploy paused the
 * moment the scheduler serves (as `dcos <pkg> plan pause deploy` would), so its progress is
 * observable on the page whatever the demo clock's speed. Returns the plan as the scheduler held
 * it and the deploy plan on the Plans page, shown WAITING.
 */
async function installPaused(page: Page, request: APIRequestContext, pkg: string, name: string, count: { path: [string, string]; schemaDefault: string; value: number }) {
  const appId = `/${name}`
  const catalog = new CatalogPage(page)
  await catalog.open()
  const form = await catalog.openPackage(pkg)
  await form.configure()
  await expect(form.field(count.path)).toHaveValue(count.schemaDefault)
  await form.setOption(['service', 'name'], name)
  await form.setOption(count.path, count.value)
  await form.review()
  expect(await form.reviewedOptions()).toMatchObject({ service: { name }, [count.path[0]]: { [count.path[1]]: count.value } })

  installed.push({ pkg, appId })
  const paused = pauseDeployWhenServing(request, name)
  await form.install(appId)
  const held = await paused

  const plans = new PlansPage(page)
  await plans.open()
  await plans.showOnly(appId)
  const deploy = plans.plan(appId, 'deploy')
  await deploy.expectStatus('WAITING')
  return { held, deploy }
}

test('install Kafka with 2 brokers: review, deploy plan progresses to COMPLETE, service Healthy', async ({ page, request }, info) => {
  const name = serviceName('kafka-e2e-1', info)
  const appId = `/${name}`
  await loginAs(page, 'operator')
  await page.goto('/')

  const { held, deploy } = await installPaused(page, request, 'kafka', name, { path: ['brokers', 'count'], schemaDefault: '3', value: 2 })
  const heldComplete = held.phases.flatMap((p) => p.steps).filter((s) => s.status === 'COMPLETE').length
  expect(heldComplete).toBeLessThan(2)
  await expect(deploy.steps('broker')).toHaveCount(2)
  // Held: the second broker has not completed (its step stays where the pause caught it).
  await expect(deploy.stepNamed('broker', 'kafka-1:[broker]')).not.toHaveAccessibleName('kafka-1:[broker]: COMPLETE')
  const before = await deploy.stepsDone()
  expect(before.total).toBe(2)
  expect(before.complete).toBeLessThan(2)

  // Resume from the console; the steps complete one after the other, live.
  await deploy.resume()
  await deploy.expectStep('broker', 'kafka-0:[broker]', 'COMPLETE')
  await deploy.expectStep('broker', 'kafka-1:[broker]', 'COMPLETE')
  await deploy.expectStatus('COMPLETE')
  await expect(deploy.progressBar()).toHaveAttribute('aria-valuenow', '100')
  expect(await deploy.stepsDone()).toEqual({ complete: 2, total: 2 })

  const services = new ServicesPage(page)
  await services.open()
  await expect(services.row(appId)).toContainText('Healthy')
  await expect(services.row(appId)).toContainText('kafka')

  // The scheduler and the master agree: deploy COMPLETE, two brokers on two different agents.
  const { code, plan } = await readPlan(request, name, 'deploy')
  expect(code).toBe(200)
  expect(plan!.phases.map((p) => [p.name, p.status, p.steps.map((s) => `${s.name}=${s.status}`)])).toEqual([
    ['broker', 'COMPLETE', ['kafka-0:[broker]=COMPLETE', 'kafka-1:[broker]=COMPLETE']],
  ])
  const brokers = runningPods(await mesosState(request), name, 'broker')
  expect(brokers.map((t) => t.name)).toEqual(['kafka-0-broker', 'kafka-1-broker'])
  expect(new Set(brokers.map((t) => t.slave_id)).size).toBe(2)
  const app = (await (await request.get(`/service/marathon/v2/apps${appId}`)).json()) as { app: MarathonApp }
  expect(app.app.env.BROKER_COUNT).toBe('2')
})

test('install Cassandra with 4 nodes: node and keyspace phases COMPLETE, service Healthy', async ({ page, request }, info) => {
  const name = serviceName('cassandra-e2e-2', info)
  const appId = `/${name}`
  await loginAs(page, 'operator')
  await page.goto('/')

  const { held, deploy } = await installPaused(page, request, 'cassandra', name, { path: ['nodes', 'count'], schemaDefault: '3', value: 4 })
  expect(held.phases.find((p) => p.name === 'node-deploy')?.status).not.toBe('COMPLETE')
  await expect(deploy.steps('node-deploy')).toHaveCount(4)
  await deploy.expectStep('node-deploy', 'node-3:[server]', 'PENDING')
  await deploy.expectStep('keyspace-deploy', 'node-0:[init_system_keyspaces]', 'PENDING')
  expect((await deploy.stepsDone()).complete).toBeLessThan(8)

  await deploy.resume()
  for (let i = 0; i < 4; i++) await deploy.expectStep('node-deploy', `node-${i}:[server]`, 'COMPLETE')
  await deploy.expectStep('keyspace-deploy', 'node-0:[init_system_keyspaces]', 'COMPLETE')
  await deploy.expectStatus('COMPLETE')
  expect(await deploy.stepsDone()).toEqual({ complete: 8, total: 8 })

  const services = new ServicesPage(page)
  await services.open()
  await expect(services.row(appId)).toContainText('Healthy')

  const { code, plan } = await readPlan(request, name, 'deploy')
  expect(code).toBe(200)
  expect(plan!.phases.map((p) => [p.name, p.status])).toEqual([
    ['node-deploy', 'COMPLETE'],
    ['keyspace-deploy', 'COMPLETE'],
  ])
  const nodes = runningPods(await mesosState(request), name, 'server')
  expect(nodes.map((t) => t.name)).toEqual(['node-0-server', 'node-1-server', 'node-2-server', 'node-3-server'])
  expect(new Set(nodes.map((t) => t.slave_id)).size).toBe(4)
  const app = (await (await request.get(`/service/marathon/v2/apps${appId}`)).json()) as { app: MarathonApp }
  expect(app.app.env.NODES).toBe('4')
})

test('invalid install options show per-field errors and install nothing', async ({ page, request }, info) => {
  const name = serviceName('cassandra-e2e-3', info)
  const packagesBefore = (await installedPackages(request)).map((p) => p.appId).sort()
  const appsBefore = (await marathonAppIds(request)).sort()
  await loginAs(page, 'operator')
  await page.goto('/')

  const catalog = new CatalogPage(page)
  await catalog.open()
  const cassandra = await catalog.openPackage('cassandra')
  await cassandra.configure()
  await cassandra.setOption(['service', 'name'], name)
  // Below the schema's minimum of 3 nodes, and a service name its pattern rejects.
  await cassandra.setOption(['nodes', 'count'], 2)
  await cassandra.setOption(['service', 'name'], 'Not_A_Valid_Name')
  await cassandra.review()

  await expect(cassandra.currentStep()).toHaveText('1. Configure')
  const count = cassandra.field(['nodes', 'count'])
  await expect(count).toHaveAttribute('aria-invalid', 'true')
  await expect(count).toHaveAccessibleDescription(/Must be ≥ 3/)
  const svcName = cassandra.field(['service', 'name'])
  await expect(svcName).toHaveAttribute('aria-invalid', 'true')
  await expect(svcName).toHaveAccessibleDescription(/Use lowercase letters, digits and dashes/)
  // Fields that are fine carry no error.
  await expect(cassandra.field(['nodes', 'mem'])).not.toHaveAttribute('aria-invalid', 'true')
  await expect(cassandra.form.getByRole('button', { name: 'Install cassandra' })).toHaveCount(0)

  // Fixing one field leaves the other flagged; the form still does not move on.
  await cassandra.setOption(['service', 'name'], name)
  await cassandra.review()
  await expect(svcName).not.toHaveAttribute('aria-invalid', 'true')
  await expect(count).toHaveAttribute('aria-invalid', 'true')
  await expect(cassandra.currentStep()).toHaveText('1. Configure')

  // Nothing reached Cosmos or Marathon.
  expect((await installedPackages(request)).map((p) => p.appId).sort()).toEqual(packagesBefore)
  expect((await marathonAppIds(request)).sort()).toEqual(appsBefore)
  expect(appsBefore).not.toContain(`/${name}`)
})
