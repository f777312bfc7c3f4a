import { describe, expect, it } from 'vitest'
import { AppError } from '../../errors.ts'
import { createMesosClient } from './client.ts'

function answering(status: number, body: string): typeof fetch {
  return (() => Promise.resolve(new Response(body, { status }))) as typeof fetch
}

async function subscribeError(status: number, body: string): Promise<AppError> {
  const mesos = createMesosClient({ baseUrl: 'http://cluster.test', fetch: answering(status, body) })
  try {
    for await (const _ of mesos.subscribe(new AbortController().signal)) break
  } catch (err) {
    return err as AppError
  }
  throw new Error('subscribe did not fail')
}

describe('Mesos SUBSCRIBE failures', () => {
  it('reads a rejected token as an auth problem, not as Mesos being down', async () => {
    const err = await subscribeError(401, '<html>Unauthorized</html>')
    expect(err).toBeInstanceOf(AppError)
    expect(err.kind).toBe('Unauthenticated')
  })

  it('reads a 503 as the upstream being unavailable', async () => {
    const err = await subscribeError(503, 'no leader')
    expect(err.kind).toBe('UpstreamUnavailable')
  })
})
