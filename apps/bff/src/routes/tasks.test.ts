/** /api/tasks/:id over HTTP against a served embedded cluster (v1 GET_TASKS, state-summary, Marathon app, agent files). */
import type { TaskDetailView } from '@meridian/api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveBffOnCluster, type ServedBff } from '../testing/served-bff.ts'

let t: ServedBff
let taskId: string
beforeAll(async () => {
  t = await serveBffOnCluster()
  await t.advance(60_000, 5000)
  const detail = await (await t.viewer.request(`/api/services/${encodeURIComponent('/prod/api/orders')}`)).json()
  taskId = detail.taskList.find((x: { state: string }) => x.state === 'TASK_RUNNING').id
})
afterAll(() => t.close())

describe('/api/tasks/:id', () => {
  it('shows a running Marathon task with its history, agent, service, command and sandbox files', async () => {
    const res = await t.viewer.request(`/api/tasks/${taskId}`)
    expect(res.status).toBe(200)
    const d = (await res.json()) as TaskDetailView
    expect(d).toMatchObject({ id: taskId, state: 'TASK_RUNNING', frameworkName: 'marathon', serviceId: '/prod/api/orders' })
    expect(d.host).toMatch(/\S/)
    expect(d.statuses.at(-1)!.state).toBe('TASK_RUNNING')
    expect(d.statuses.every((s, i) => i === 0 || (s.timestamp ?? 0) >= (d.statuses[i - 1]!.timestamp ?? 0))).toBe(true)
    expect(d.startedAt).not.toBeNull()
    expect(d.resources.cpus).toBeGreaterThan(0)
    expect(d.sandbox.error).toBeNull()
    expect(d.sandbox.files.map((f) => f.name)).toEqual(expect.arrayContaining(['stdout', 'stderr']))
    const app = await (await t.viewer.request(`/api/services/${encodeURIComponent('/prod/api/orders')}`)).json()
    expect(d.command).toBe(app.definition.cmd ?? (app.definition.args ?? []).join(' ') ?? null)
  })

  it('answers 404 JSON for an unknown task and 400 for an invalid id without an upstream call', async () => {
    const missing = await t.viewer.request('/api/tasks/no-such-task.12345')
    expect(missing.status).toBe(404)
    expect((await missing.json()).error).toMatchObject({ kind: 'NotFound', message: 'Task no-such-task.12345 not found' })
    const before = t.calls.length
    const bad = await t.viewer.request(`/api/tasks/${encodeURIComponent('../x')}`)
    expect(bad.status).toBe(400)
    expect(t.calls.length).toBe(before)
  })
})
