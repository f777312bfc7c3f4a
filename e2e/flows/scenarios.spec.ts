import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { expect, test } from '../fixtures.ts'

const run = promisify(execFile)
const SCRIPT = path.resolve(import.meta.dirname, '../../scripts/demo-scenario.mjs')

/** Runs `pnpm demo:scenario <name>` (the script behind it) against the test server. */
async function scenario(name: string, baseURL: string): Promise<string> {
  const { stdout } = await run(process.execPath, [SCRIPT, name, '--url', baseURL], { timeout: 90_000 })
  return stdout
}

test('demo scenarios replay on the running demo: busy-cluster and kafka-failover', async ({ cluster, request, baseURL }) => {
  test.setTimeout(180_000)
  const busy = await scenario('busy-cluster', baseURL!)
  expect(busy).toContain('group /load: 200')
  const group = await cluster.get<{ apps: Array<{ id: string }> }>('/service/marathon/v2/groups/load')
  expect(group.apps).toHaveLength(24)

  const failover = await scenario('kafka-failover', baseURL!)
  expect(failover).toMatch(/deploy plan COMPLETE 3\/3/)
  const killed = /killing agent (\S+)/.exec(failover)?.[1]
  expect(killed).toBeDefined()
  expect(failover).toContain('kafka recovered')
  // Broker 0 really moved: it runs again, on an agent other than the one the scenario killed.
  const state = await cluster.get<{ frameworks: Array<{ name: string; tasks: Array<{ name: string; state: string; slave_id: string }> }> }>('/mesos/master/state')
  const broker0 = state.frameworks.find((f) => f.name === 'kafka')?.tasks.find((t) => t.name === 'kafka-0-broker' && t.state === 'TASK_RUNNING')
  expect(broker0).toBeDefined()
  expect(broker0!.slave_id).not.toBe(killed)

  // Leave the cluster as the later flows expect it.
  expect((await request.delete('/service/marathon/v2/groups/load?force=true')).status()).toBe(200)
  const uninstall = await cluster.post('/package/uninstall', { packageName: 'kafka' }, {
    'content-type': 'application/vnd.dcos.package.uninstall-request+json;charset=utf-8;version=v1',
    accept: 'application/vnd.dcos.package.uninstall-response+json;charset=utf-8;version=v1',
  })
  expect(uninstall.status).toBe(200)
})
