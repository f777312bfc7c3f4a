/**
 * Test setup for the Mesos HTTP suites: a served cluster with one framework and a few tasks
 * launched directly on the master (setup only — assertions go over HTTP).
 */
import { serveCluster, type ServedCluster } from '../../testing/serve-cluster.ts'
import type { SimFramework, SimTask } from '../state/types.ts'
import { RecordIODecoder } from './recordio.ts'

/** Test-only: wire JSON is asserted field by field, so bodies are read untyped. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any
export type LooseResponse = Omit<Response, 'json'> & { json(): Promise<Loose> }
export const http = (url: string, init?: RequestInit): Promise<LooseResponse> => fetch(url, init)

export interface MesosFixture extends ServedCluster {
  framework: SimFramework
  tasks: SimTask[]
  mesos: (path: string, init?: RequestInit) => Promise<LooseResponse>
  v1: (body: unknown, headers?: Record<string, string>) => Promise<LooseResponse>
}

export async function mesosFixture(opts: { tasks?: number; agents?: number } = {}): Promise<MesosFixture> {
  const served = await serveCluster({ empty: true, agents: opts.agents ?? 4 })
  const { master, clock } = served.cluster
  const framework = master.registerFramework({ name: 'marathon', principal: 'dcos_marathon', roles: ['slave_public', '*'], webuiUrl: 'http://marathon.mesos:8080' })
  const privateAgents = [...master.agents.values()].filter((a) => !a.public)
  const tasks: SimTask[] = []
  for (let i = 0; i < (opts.tasks ?? 3); i++) {
    const agent = privateAgents[i % privateAgents.length]!
    const r = master.launchTask({
      frameworkId: framework.id,
      agentId: agent.id,
      id: `web.instance-${String(i).padStart(4, '0')}._app.1`,
      name: 'web',
      resources: { cpus: 0.5, mem: 128, disk: 0, gpus: 0 },
      portCount: 1,
      command: 'python3 -m http.server $PORT0',
    })
    if (!r.ok) throw new Error(r.reason)
    tasks.push(r.task)
    clock.advance(10)
  }
  clock.advance(3000)
  const mesos = (path: string, init?: RequestInit) => http(`${served.baseUrl}/mesos${path}`, init)
  const v1 = (body: unknown, headers: Record<string, string> = {}) =>
    mesos('/api/v1', { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) })
  return { ...served, framework, tasks, mesos, v1 }
}

/** Reads RecordIO events from a streaming response until `until` returns true. */
export async function readEvents(res: LooseResponse, until: (events: Array<{ type: string } & Record<string, unknown>>) => boolean, timeoutMs = 5000) {
  const reader = res.body!.getReader()
  const decoder = new RecordIODecoder()
  const events: Array<{ type: string } & Record<string, unknown>> = []
  const deadline = Date.now() + timeoutMs
  while (!until(events)) {
    if (Date.now() > deadline) throw new Error(`timed out; got ${events.map((e) => e.type).join(',')}`)
    const { value, done } = await reader.read()
    if (done) break
    for (const text of decoder.pushText(value)) events.push(JSON.parse(text))
  }
  reader.releaseLock()
  return events
}
