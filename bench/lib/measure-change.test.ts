import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SseMessage, SseStream } from './bff-client.ts'
import { measureChangeToDelta } from './measure-change.ts'

let server: Server
let clusterUrl: string
const posted: string[] = []

beforeAll(async () => {
  server = createServer((req, res) => {
    posted.push(req.url ?? '')
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}')
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  clusterUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((r) => server.close(() => r())))

/** A stream that delivers the TASK_FAILED delta for the tasks in `delivers`, and nothing for the others. */
function stream(delivers: Set<string>): SseStream {
  return {
    bytes: () => 0,
    messages: () => 0,
    close: () => {},
    next: async (match, timeoutMs) => {
      await new Promise((r) => setTimeout(r, 5))
      for (const id of delivers) {
        const m: SseMessage = { event: 'delta', id: undefined, data: JSON.stringify({ delta: { type: 'task.changed', task: { id, state: 'TASK_FAILED' } } }), at: performance.now() }
        if (match(m)) return m
      }
      await new Promise((r) => setTimeout(r, timeoutMs))
      return undefined
    },
  }
}

describe('measureChangeToDelta', () => {
  it('times every delivered change and counts the POST round trip apart', async () => {
    posted.length = 0
    const r = await measureChangeToDelta(clusterUrl, stream(new Set(['a', 'b', 'c'])), ['a', 'b', 'c'], { gapMs: 0, timeoutMs: 50, giveUpAfterMisses: 3 })
    expect(r).toMatchObject({ n: 3, missed: 0, attempted: 3 })
    expect(r.post.n).toBe(3)
    expect(r.samplesMs).toHaveLength(3)
    expect(posted).toEqual(['/api/demo/tasks/a/fail', '/api/demo/tasks/b/fail', '/api/demo/tasks/c/fail'])
  })

  it('gives up after the given number of misses in a row, but not after scattered ones', async () => {
    const scattered = await measureChangeToDelta(clusterUrl, stream(new Set(['b', 'd'])), ['a', 'b', 'c', 'd', 'e'], { gapMs: 0, timeoutMs: 20, giveUpAfterMisses: 2 })
    expect(scattered).toMatchObject({ n: 2, missed: 3, attempted: 5 })
    const dead = await measureChangeToDelta(clusterUrl, stream(new Set()), ['a', 'b', 'c', 'd', 'e'], { gapMs: 0, timeoutMs: 20, giveUpAfterMisses: 3 })
    expect(dead).toMatchObject({ n: 0, missed: 3, attempted: 3 })
  })
})
