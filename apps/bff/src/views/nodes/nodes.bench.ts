/**
 * The Nodes view at DC/OS scale: a `/master/state-summary` for 10,000 agents (20% public with
 * the `slave_public` role, two zones, DC/OS port ranges), in the exact shape the embedded
 * cluster's SlaveWriter emits, each agent running 10 tasks (100,000 in all). The bff may not
 * import the cluster (lint), so the wire JSON is generated here. Node detail scans a
 * 100,000-task v1 GET_TASKS payload.
 */
import { bench, describe } from 'vitest'
import type { MesosAgentSummary, MesosStateSummary, V1GetTasks, V1Task } from '../../upstreams/mesos/index.ts'
import { listNodes } from './list-nodes.ts'
import { nodeDetail } from './node-detail.ts'

const AGENTS = 10_000
const TASKS_PER_AGENT = 10
const MASTER_ID = '5d4e1c2a-0b7f-4e43-9d8e-3f1f0c7a9b21'
const FRAMEWORK_ID = `${MASTER_ID}-0000`

function agent(i: number): MesosAgentSummary {
  const isPublic = i < AGENTS * 0.2
  const n = isPublic ? i : i - AGENTS * 0.2
  const ip = `10.0.${(isPublic ? 5 : 1) + Math.floor(n / 250)}.${(n % 250) + 4}`
  const total = isPublic ? { cpus: 4, gpus: 0, mem: 14895, disk: 35164, ports: '[1-21, 23-5050, 5052-32000]' } : { cpus: 8, gpus: 0, mem: 30000, disk: 71000, ports: '[1025-2180, 2182-3887, 3889-5049, 5052-8079, 8082-8180, 8182-32000]' }
  const used = { cpus: 1, gpus: 0, mem: 640, disk: 0, ports: '[1025-1034]' }
  return {
    id: `${MASTER_ID}-S${i}`,
    hostname: ip,
    port: 5051,
    attributes: isPublic ? { public_ip: 'true' } : { rack: `rack-${(n % 4) + 1}` },
    domain: { fault_domain: { region: { name: 'aws/us-west-2' }, zone: { name: i % 2 === 0 ? 'aws/us-west-2a' : 'aws/us-west-2b' } } },
    pid: `slave(1)@${ip}:5051`,
    registered_time: 1_764_072_000,
    resources: total,
    used_resources: used,
    offered_resources: { cpus: 0, gpus: 0, mem: 0, disk: 0 },
    reserved_resources: isPublic ? { slave_public: total } : {},
    unreserved_resources: isPublic ? { cpus: 0, gpus: 0, mem: 0, disk: 0 } : total,
    active: i % 1000 !== 7,
    deactivated: false,
    version: '1.11.0',
    capabilities: ['MULTI_ROLE', 'HIERARCHICAL_ROLE', 'RESERVATION_REFINEMENT', 'RESOURCE_PROVIDER', 'RESIZE_VOLUME', 'AGENT_OPERATION_FEEDBACK', 'AGENT_DRAINING', 'TASK_RESOURCE_LIMITS'],
    TASK_STAGING: 1,
    TASK_STARTING: 0,
    TASK_RUNNING: TASKS_PER_AGENT - 2,
    TASK_KILLING: 0,
    TASK_FINISHED: 1,
    TASK_KILLED: 0,
    TASK_FAILED: 0,
    TASK_LOST: 0,
    TASK_ERROR: 0,
    TASK_UNREACHABLE: 0,
    framework_ids: [FRAMEWORK_ID],
  }
}

function stateSummary(): MesosStateSummary {
  // Round-tripped through JSON so the view reads parsed wire data, as it does behind the adapter.
  const slaves = Array.from({ length: AGENTS }, (_, i) => agent(i))
  return JSON.parse(JSON.stringify({ hostname: 'master.mesos', cluster: 'meridian-demo', slaves, frameworks: [{ id: FRAMEWORK_ID, name: 'marathon', active: true }] })) as MesosStateSummary
}

function v1Tasks(summary: MesosStateSummary): V1GetTasks {
  const tasks: V1Task[] = []
  let n = 0
  for (const a of summary.slaves ?? []) {
    for (let i = 0; i < TASKS_PER_AGENT; i++, n++) {
      tasks.push({
        name: `app-${n % 500}`,
        task_id: { value: `app-${n % 500}.instance-${n}._app.1` },
        framework_id: { value: summary.frameworks?.[0]?.id ?? 'marathon' },
        agent_id: { value: a.id },
        state: 'TASK_RUNNING',
        resources: [
          { name: 'cpus', type: 'SCALAR', scalar: { value: 0.1 } },
          { name: 'mem', type: 'SCALAR', scalar: { value: 64 } },
        ],
        statuses: [{ state: 'TASK_RUNNING', timestamp: 1_764_072_000 + n, healthy: true }],
      })
    }
  }
  return { tasks, unreachable_tasks: [], completed_tasks: [] }
}

const summary = stateSummary()
const tasks = v1Tasks(summary)
const someAgent = summary.slaves![AGENTS / 2]!.id
const maintenance = { draining_machines: [{ id: { hostname: summary.slaves![3]!.hostname } }], down_machines: [{ hostname: summary.slaves![4]!.hostname }] }
const opts = { iterations: 10, warmupIterations: 2, time: 0, warmupTime: 0 }

describe(`Nodes view, ${AGENTS} agents / ${AGENTS * TASKS_PER_AGENT} tasks`, () => {
  bench('listNodes (all)', () => {
    listNodes(summary, maintenance)
  }, opts)
  bench('listNodes (filtered: private, zone, q)', () => {
    listNodes(summary, maintenance, { type: 'private', zone: 'aws/us-west-2a', q: '10.0.7' })
  }, opts)
  bench('nodeDetail (scans 100,000 v1 tasks)', () => {
    nodeDetail(someAgent, summary, maintenance, tasks)
  }, opts)
})
