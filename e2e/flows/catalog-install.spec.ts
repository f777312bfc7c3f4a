/**
 * Installing SDK packages from the Catalog: a changed option in the generated form, the review
 * step, the deploy plan progressing on the Plans page, the service Healthy in Services, and
 * the cluster's own APIs agreeing (scheduler plan, Mesos tasks on distinct agents).
 * Each test installs its own service name and uninstalls it afterwards.
 */
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

test('install Kafka with 2 brokers: review, deploy plan progresses to COMPLETE, service Healthy', async ({ page, request }, info) => {
  const name = serviceName('kafka-e2e-1', info)
  const appId = `/${name}`
  await loginAs(page, 'operator')
  await page.goto('/')

  const catalog = new CatalogPage(page)
  await catalog.open()
  const kafka = await catalog.openPackage('kafka')
  await kafka.configure()
  await expect(kafka.field(['brokers', 'count'])).toHaveValue('3') // the schema default
  await kafka.setOption(['service', 'name'], name)
  await kafka.setOption(['brokers', 'count'], 2)
  await kafka.review()
  const options = await kafka.reviewedOptions()
  expect(options).toMatchObject({ service: { name }, brokers: { count: 2 } })

  installed.push({ pkg: 'kafka', appId })
  // Pause the deploy the moment the scheduler serves (as `dcos kafka plan pause deploy` would),
  // so the plan's progress is observable on the page whatever the demo clock's speed.
  const paused = pauseDeployWhenServing(request, name)
  await kafka.install(appId)
  const held = await paused
  const heldComplete = held.phases.flatMap((p) => p.steps).filter((s) => s.status === 'COMPLETE').length
  expect(heldComplete).toBeLessThan(2)

  const plans = new PlansPage(page)
  await plans.open()
  await plans.showOnly(appId)
  const deploy = plans.plan(appId, 'deploy')
  await deploy.expectStatus('WAITING')
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

  const catalog = new CatalogPage(page)
  await catalog.open()
  const cassandra = await catalog.openPackage('cassandra')
  await cassandra.configure()
  await expect(cassandra.field(['nodes', 'count'])).toHaveValue('3') // the schema default and minimum
  await cassandra.setOption(['service', 'name'], name)
  await cassandra.setOption(['nodes', 'count'], 4)
  await cassandra.review()
  expect(await cassandra.reviewedOptions()).toMatchObject({ service: { name }, nodes: { count: 4 } })

  installed.push({ pkg: 'cassandra', appId })
  const paused = pauseDeployWhenServing(request, name)
  await cassandra.install(appId)
  const held = await paused
  expect(held.phases.find((p) => p.name === 'node-deploy')?.status).not.toBe('COMPLETE')

  const plans = new PlansPage(page)
  await plans.open()
  await plans.showOnly(appId)
  const deploy = plans.plan(appId, 'deploy')
  await deploy.expectStatus('WAITING')
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
  await expect(svcName).toHaveAccessibleDescription(/Must match/)
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
