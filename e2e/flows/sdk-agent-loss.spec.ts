/**
 * Losing an agent that hosts a Kafka broker (demo-control `kill`: the agent is removed for good,
 * its tasks go TASK_GONE). The console shows the node and its broker gone, the scheduler's
 * recovery plan replaces the pod elsewhere (visible on Plans), and the service is Healthy again.
 *
 * The killed agent never comes back on this server, so this file sorts after the Nodes flows
 * that count the demo's ten agents.
 */
import { expect, loginAs, test } from '../fixtures.ts'
import { NodesPage } from '../pages/nodes-page.ts'
import { PlansPage } from '../pages/plans-page.ts'
import { ServicesPage } from '../pages/services-page.ts'
import { cosmosInstall, cosmosUninstall, mesosState, readPlan, runningPods, serviceName } from './support/sdk-wire.ts'

test('killing an agent with a Kafka broker: node gone, recovery plan replaces the broker, service Healthy', async ({ page, request }, info) => {
  const name = serviceName('kafka-e2e-6', info)
  const appId = `/${name}`
  await cosmosInstall(request, 'kafka', { service: { name } })
  try {
    await expect.poll(async () => (await readPlan(request, name, 'deploy')).code, { timeout: 45_000, message: 'deploy COMPLETE' }).toBe(200)
    const state = await mesosState(request)
    const brokers = runningPods(state, name, 'broker')
    expect(brokers).toHaveLength(3)
    const victim = brokers[1]!
    const pod = victim.name.replace(/-broker$/, '') // kafka-1
    const agent = state.slaves.find((s) => s.id === victim.slave_id)!

    await loginAs(page, 'operator')
    await page.goto('/')
    const nodes = new NodesPage(page)
    await nodes.open()
    await nodes.row(agent.hostname).getByRole('link', { name: agent.hostname }).click()
    await expect(page.getByRole('heading', { level: 1 })).toContainText(agent.hostname)
    const tasksHere = page.getByRole('table', { name: 'Active tasks' })
    const brokerRow = tasksHere.getByRole('row', { name: victim.id, exact: true })
    await expect(brokerRow).toContainText(victim.name)
    await expect(brokerRow).toContainText('running')

    const kill = await request.post(`/api/demo/agents/${agent.id}/kill`)
    expect(kill.status(), await kill.text()).toBe(200)

    // The node page, left open, learns the agent and its broker are gone (no reload).
    await expect(page.getByRole('alert')).toContainText(`Node ${agent.id} does not exist`)
    await expect(brokerRow).toHaveCount(0)
    await nodes.open()
    await expect(nodes.row(agent.hostname)).toHaveCount(0)

    // The scheduler's recovery plan replaced the pod and is COMPLETE.
    const plans = new PlansPage(page)
    await plans.open()
    await plans.showOnly(appId)
    const recovery = plans.plan(appId, 'recovery')
    await recovery.expectStep(`${pod}:[broker]`, `${pod}:[broker]`, 'COMPLETE')
    await recovery.expectStatus('COMPLETE')
    await plans.plan(appId, 'deploy').expectStatus('COMPLETE')

    const services = new ServicesPage(page)
    await services.open()
    await expect(services.row(appId)).toContainText('Healthy')
    await expect(services.row(appId)).toContainText('Running')

    // Cross-check the wire APIs: the old task is TASK_GONE; three brokers run on three other agents.
    const rec = await readPlan(request, name, 'recovery')
    expect(rec.code).toBe(200)
    expect(rec.plan!.phases.map((p) => [p.name, p.status])).toContainEqual([`${pod}:[broker]`, 'COMPLETE'])
    const after = await mesosState(request)
    expect(after.slaves.map((s) => s.id)).not.toContain(agent.id)
    const gone = after.frameworks.find((f) => f.name === name)!.completed_tasks.find((t) => t.id === victim.id)
    expect(gone?.state).toBe('TASK_GONE')
    const now = runningPods(after, name, 'broker')
    expect(now.map((t) => t.name)).toEqual(['kafka-0-broker', 'kafka-1-broker', 'kafka-2-broker'])
    expect(new Set(now.map((t) => t.slave_id)).size).toBe(3)
    expect(now.find((t) => t.name === victim.name)!.slave_id).not.toBe(agent.id)
  } finally {
    await cosmosUninstall(request, 'kafka', appId)
  }
})
