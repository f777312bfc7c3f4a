#!/usr/bin/env node
// Replays a named demo scenario on a running demo console, through the same wire APIs a real
// client would use (Cosmos, Marathon, Mesos) plus the demo-control API for faults.
//
//   pnpm demo:scenario <name> [--url http://127.0.0.1:8080]
//
// Scenarios:
//   kafka-failover   install Kafka (3 brokers), wait for its deploy plan, kill the agent of broker 0,
//                    and follow the recovery plan until the service is whole again
//   busy-cluster     create a /load group of 24 services of varied sizes and run every job now
//   agent-partition  partition the busiest private agent for 20 s of wall time, then heal it
const args = process.argv.slice(2)
const name = args.find((a) => !a.startsWith('--'))
const urlFlag = args.indexOf('--url')
const base = (urlFlag >= 0 ? args[urlFlag + 1] : process.env.MERIDIAN_URL ?? `http://127.0.0.1:${process.env.PORT ?? 8080}`).replace(/\/$/, '')

const cosmos = (kind, version = 'v1') => ({
  'content-type': `application/vnd.dcos.package.${kind}-request+json;charset=utf-8;version=v1`,
  accept: `application/vnd.dcos.package.${kind}-response+json;charset=utf-8;version=${version}`,
})

async function call(method, path, body, headers = { 'content-type': 'application/json' }) {
  const res = await fetch(base + path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) })
  const text = await res.text()
  let json
  try {
    json = text ? JSON.parse(text) : undefined
  } catch {
    json = text
  }
  return { status: res.status, json }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
const log = (...m) => console.log(`[${new Date().toISOString().slice(11, 19)}]`, ...m)

async function waitFor(what, fn, timeoutMs = 300_000) {
  const t0 = Date.now()
  for (;;) {
    const v = await fn()
    if (v) return v
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`)
    await sleep(1000)
  }
}

async function planSummary(service, plan) {
  const { status, json } = await call('GET', `/service/${service}/v1/plans/${plan}`)
  if (status !== 200 && status !== 202) return undefined
  const steps = json.phases.flatMap((p) => p.steps)
  return { status: json.status, done: steps.filter((s) => s.status === 'COMPLETE').length, total: steps.length }
}

const scenarios = {
  async 'kafka-failover'() {
    const installed = await call('POST', '/package/list', { packageName: 'kafka' }, cosmos('list'))
    if (!installed.json?.packages?.length) {
      log('installing kafka with 3 brokers')
      const r = await call('POST', '/package/install', { packageName: 'kafka', options: { brokers: { count: 3 } } }, cosmos('install', 'v2'))
      if (r.status >= 300) throw new Error(`install failed: ${r.status} ${JSON.stringify(r.json)}`)
    }
    let last = ''
    await waitFor('the kafka deploy plan', async () => {
      const s = await planSummary('kafka', 'deploy')
      const line = s ? `deploy plan ${s.status} ${s.done}/${s.total}` : 'scheduler starting'
      if (line !== last) log((last = line))
      return s?.status === 'COMPLETE'
    })
    const state = (await call('GET', '/mesos/master/state')).json
    const broker = state.frameworks.flatMap((f) => f.tasks).find((t) => t.name.startsWith('kafka-0-broker'))
    if (!broker) throw new Error('broker 0 not found in /mesos/master/state')
    log(`killing agent ${broker.slave_id} (runs ${broker.name})`)
    await call('POST', `/api/demo/agents/${broker.slave_id}/kill`)
    last = ''
    await waitFor('the kafka recovery plan', async () => {
      const s = await planSummary('kafka', 'recovery')
      const line = s ? `recovery plan ${s.status} ${s.done}/${s.total}` : 'no recovery plan yet'
      if (line !== last) log((last = line))
      return s && s.total > 0 && s.status === 'COMPLETE'
    })
    log('kafka recovered: broker 0 replaced on another agent')
  },

  async 'busy-cluster'() {
    const apps = Array.from({ length: 24 }, (_, i) => ({
      id: `/load/svc-${String(i).padStart(2, '0')}`,
      cmd: 'sleep 100000',
      cpus: [0.1, 0.25, 0.5, 1][i % 4],
      mem: [64, 128, 256, 512][(i >> 1) % 4],
      instances: 1 + (i % 3),
      labels: { MERIDIAN_SCENARIO: 'busy-cluster' },
    }))
    const r = await call('PUT', '/service/marathon/v2/groups/load?force=true', { id: '/load', apps })
    log(`group /load: ${r.status} ${JSON.stringify(r.json)}`)
    const jobs = (await call('GET', '/service/metronome/v1/jobs')).json ?? []
    for (const job of jobs) {
      const run = await call('POST', `/service/metronome/v1/jobs/${job.id}/runs`)
      log(`run ${job.id}: ${run.status}`)
    }
  },

  async 'agent-partition'() {
    const summary = (await call('GET', '/mesos/master/state-summary')).json
    const agent = summary.slaves.filter((s) => !s.attributes?.public_ip).sort((a, b) => b.TASK_RUNNING - a.TASK_RUNNING)[0]
    if (!agent) throw new Error('no private agent')
    log(`partitioning ${agent.hostname} (${agent.TASK_RUNNING} running tasks)`)
    await call('POST', `/api/demo/agents/${agent.id}/partition`)
    await sleep(20_000)
    await call('POST', `/api/demo/agents/${agent.id}/heal`)
    log(`healed ${agent.hostname}`)
  },
}

if (!name || !scenarios[name]) {
  console.error(`usage: pnpm demo:scenario <${Object.keys(scenarios).join('|')}> [--url ${base}]`)
  process.exit(2)
}
scenarios[name]().catch((err) => {
  console.error(`scenario ${name} failed: ${err.message}`)
  process.exit(1)
})
