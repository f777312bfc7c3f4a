/* eslint-disable @typescript-eslint/no-explicit-any -- assertions walk untyped Marathon wire JSON */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startMarathon, type MarathonTestClient } from './test-client.ts'

let t: MarathonTestClient
beforeEach(async () => {
  t = await startMarathon()
})
afterEach(async () => {
  await t.served.close()
})

interface Frame {
  event: string
  data: any
}

/** Reads SSE frames off a real socket (framing is what this test is about). */
function frameReader(res: Response) {
  const reader = res.body!.getReader()
  const decoder = new TextDecoder()
  let buffer = ''
  const frames: Frame[] = []
  return {
    frames,
    async until(pred: (f: Frame) => boolean): Promise<Frame> {
      for (;;) {
        const found = frames.find(pred)
        if (found) return found
        const { value, done } = await reader.read()
        if (done) throw new Error('stream ended')
        buffer += decoder.decode(value, { stream: true })
        let i: number
        while ((i = buffer.indexOf('\n\n')) >= 0) {
          const raw = buffer.slice(0, i)
          buffer = buffer.slice(i + 2)
          const event = /^event: (.*)$/m.exec(raw)?.[1] ?? 'message'
          const data = /^data: (.*)$/m.exec(raw)?.[1] ?? ''
          frames.push({ event, data: JSON.parse(data) })
        }
      }
    },
    cancel: () => reader.cancel(),
  }
}

describe('GET /v2/events', () => {
  it('streams the whole life of a deployment as SSE frames', async () => {
    const ctrl = new AbortController()
    const res = await fetch(`${t.base}/v2/events`, { headers: { accept: 'text/event-stream' }, signal: ctrl.signal })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/)
    const r = frameReader(res)
    const attached = await r.until((f) => f.event === 'event_stream_attached')
    expect(attached.data).toMatchObject({ eventType: 'event_stream_attached', remoteAddress: expect.any(String), timestamp: expect.any(String) })

    const created = await t.call('POST', '/v2/apps', { id: '/ev', cmd: 'run', cpus: 0.1, mem: 32, instances: 1 })
    const deploymentId = created.headers.get('marathon-deployment-id')
    t.advance(5)
    const success = await r.until((f) => f.event === 'deployment_success')
    expect(success.data).toMatchObject({ id: deploymentId, plan: { id: deploymentId, steps: [{ actions: [{ action: 'StartApplication', app: '/ev' }] }, { actions: [{ action: 'ScaleApplication', app: '/ev' }] }] } })
    const types = r.frames.map((f) => f.event)
    const order = ['api_post_event', 'group_change_success', 'deployment_info', 'status_update_event', 'deployment_step_success', 'deployment_success']
    for (const ev of order) expect(types).toContain(ev)
    expect(types.indexOf('api_post_event')).toBeLessThan(types.indexOf('deployment_success'))
    expect(types.filter((x) => x === 'deployment_step_success')).toHaveLength(2)
    const statuses = r.frames.filter((f) => f.event === 'status_update_event').map((f) => f.data.taskStatus)
    expect(statuses).toEqual(['TASK_STAGING', 'TASK_STARTING', 'TASK_RUNNING'])
    const running = r.frames.find((f) => f.event === 'status_update_event' && f.data.taskStatus === 'TASK_RUNNING')!.data
    expect(running).toMatchObject({ appId: '/ev', taskId: expect.stringMatching(/^ev\.instance-.*\._app\.1$/), slaveId: expect.any(String), host: expect.any(String), ports: [expect.any(Number)] })
    expect(r.frames.find((f) => f.event === 'instance_changed_event' && f.data.condition === 'Running')!.data.runSpecId).toBe('/ev')
    expect(r.frames.find((f) => f.event === 'api_post_event')!.data.appDefinition.id).toBe('/ev')
    expect(t.served.cluster.master.getTask(running.taskId)!.state).toBe('TASK_RUNNING')

    await r.cancel()
    ctrl.abort()
    // the server notices the disconnect and drops the listener
    for (let i = 0; i < 50 && (await t.call('GET', '/metrics')).body.gauges['marathon.http.event-streams.active.gauge'].value > 0; i++) await new Promise((ok) => setTimeout(ok, 20))
    expect((await t.call('GET', '/metrics')).body.gauges['marathon.http.event-streams.active.gauge'].value).toBe(0)
  })

  it('filters by repeated event_type and refuses requests without Accept: text/event-stream', async () => {
    expect((await fetch(`${t.base}/v2/events`)).status).toBe(405)
    const res = await fetch(`${t.base}/v2/events?event_type=deployment_success&event_type=app_terminated_event`, { headers: { accept: 'text/event-stream' } })
    const r = frameReader(res)
    await t.call('POST', '/v2/apps', { id: '/gone', cmd: 'run', cpus: 0.1, mem: 32, instances: 1 })
    t.advance(5)
    await t.call('DELETE', '/v2/apps/gone')
    t.advance(3)
    await r.until((f) => f.event === 'app_terminated_event')
    expect(new Set(r.frames.map((f) => f.event))).toEqual(new Set(['deployment_success', 'app_terminated_event']))
    await r.cancel()
  })
})
