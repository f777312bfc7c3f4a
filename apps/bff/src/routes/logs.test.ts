/** /api/tasks/:id/logs over HTTP against a served embedded cluster (master task lookup, agent state, agent files API). */
import { serve } from '@hono/node-server'
import { LOG_CHUNK_EVENT, type LogFollowChunk } from '@meridian/api'
import { createParser } from 'eventsource-parser'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loginAs } from '../testing/login.ts'
import { serveBffOnCluster, type ServedBff } from '../testing/served-bff.ts'

let t: ServedBff
let taskId: string
beforeAll(async () => {
  t = await serveBffOnCluster({ app: { logPollMs: 20 } })
  await t.advance(60_000, 5000)
  const detail = await (await t.viewer.request(`/api/services/${encodeURIComponent('/prod/api/orders')}`)).json()
  taskId = detail.taskList.find((x: { state: string }) => x.state === 'TASK_RUNNING').id
})
afterAll(() => t.close())

describe('/api/tasks/:id/logs', () => {
  it('reads the tail by default, pages backwards with before, and forwards with offset', async () => {
    const res = await t.viewer.request(`/api/tasks/${taskId}/logs?length=200`)
    expect(res.status).toBe(200)
    const tail = await res.json()
    expect(tail).toMatchObject({ taskId, stream: 'stdout', hasMoreBefore: true })
    expect(tail.size).toBeGreaterThan(200)
    expect(tail.offset).toBe(tail.size - 200)
    expect(Buffer.byteLength(tail.data)).toBe(200)

    const prev = await (await t.viewer.request(`/api/tasks/${taskId}/logs?length=100&before=${tail.offset}`)).json()
    expect(prev.offset).toBe(tail.offset - 100)
    const joined = await (await t.viewer.request(`/api/tasks/${taskId}/logs?length=300&offset=${prev.offset}`)).json()
    expect(joined.offset).toBe(prev.offset)
    expect(joined.data).toBe(prev.data + tail.data)

    const head = await (await t.viewer.request(`/api/tasks/${taskId}/logs?offset=0&length=40`)).json()
    expect(head).toMatchObject({ offset: 0, hasMoreBefore: false })
    const stderr = await (await t.viewer.request(`/api/tasks/${taskId}/logs?stream=stderr`)).json()
    expect(stderr.stream).toBe('stderr')
    expect(stderr.size).toBeGreaterThan(0)
  })

  it('answers 404 for unknown tasks and 400 for invalid ids or queries, without calling agents', async () => {
    const missing = await t.viewer.request('/api/tasks/no-such-task.12345/logs')
    expect(missing.status).toBe(404)
    expect((await missing.json()).error.kind).toBe('NotFound')
    const before = t.calls.length
    for (const q of [`${encodeURIComponent('../../etc')}/logs`, `${taskId}/logs?stream=stdin`, `${taskId}/logs?length=999999`, `${taskId}/logs?offset=-1`]) {
      const res = await t.viewer.request(`/api/tasks/${q}`)
      expect(res.status, q).toBe(400)
      expect((await res.json()).error.kind).toBe('ValidationFailed')
    }
    expect(t.calls.length).toBe(before)
    expect((await t.viewer.request('/api/tasks/no-such-task.12345/logs/follow')).status).toBe(404)
  })

  it('follows a growing file over SSE, sending only new bytes in order', async () => {
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s))
    })
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    try {
      const viewer = await loginAs((p, i) => fetch(base + p, i), 'viewer')
      const start = (await (await viewer.request(`/api/tasks/${taskId}/logs`)).json()).size as number
      const res = await viewer.request(`/api/tasks/${taskId}/logs/follow`)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toMatch(/text\/event-stream/)
      const chunks: LogFollowChunk[] = []
      const parser = createParser({ onEvent: (e) => e.event === LOG_CHUNK_EVENT && chunks.push(JSON.parse(e.data) as LogFollowChunk) })
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader()
      const pump = (async () => {
        for (;;) {
          const { done, value } = await reader.read()
          if (done) return
          parser.feed(value)
        }
      })().catch(() => undefined)
      await new Promise((r) => setTimeout(r, 60))
      expect(chunks).toEqual([]) // nothing new yet: follow starts at the current end
      await t.advance(30_000, 5000)
      await expect.poll(() => chunks.length, { timeout: 3000 }).toBeGreaterThan(0)
      // Chunks may still be arriving while the page below is read: compare against one snapshot.
      const got = [...chunks]
      expect(got[0]!.offset).toBe(start)
      for (let i = 1; i < got.length; i++) expect(got[i]!.offset).toBe(got[i - 1]!.offset + Buffer.byteLength(got[i - 1]!.data))
      const last = got.at(-1)!
      const page = await (await viewer.request(`/api/tasks/${taskId}/logs?offset=${start}&length=${last.offset + Buffer.byteLength(last.data) - start}`)).json()
      expect(page.data).toBe(got.map((c) => c.data).join(''))
      await reader.cancel()
      await pump
    } finally {
      ;(server as unknown as { closeAllConnections(): void }).closeAllConnections()
      server.close()
    }
  })
})
