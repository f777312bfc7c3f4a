/* eslint-disable @typescript-eslint/no-explicit-any -- assertions walk untyped Marathon wire JSON */
/**
 * MarathonExceptionMapper's envelopes for requests that never reach a resource (1.4+ line):
 * unparseable JSON, an empty body, a non-JSON Content-Type (Jersey 415) and an unknown route
 * (Jersey NotFoundException). None of them may change state.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMarathon, type MarathonTestClient } from './test-client.ts'

let t: MarathonTestClient
beforeAll(async () => {
  t = await startMarathon()
})
afterAll(async () => {
  await t.served.close()
})

const post = (path: string, body: string, type?: string): Promise<Response> =>
  fetch(`${t.base}${path}`, { method: 'POST', ...(type !== undefined ? { headers: { 'content-type': type } } : {}), body })

async function appIds(): Promise<string[]> {
  return ((await t.call('GET', '/v2/apps')).body.apps as any[]).map((a) => a.id)
}

describe('Marathon error envelopes over HTTP', () => {
  it('answers malformed JSON with 400 "Invalid JSON" and the parser message as details', async () => {
    const res = await post('/v2/apps', '{"id": "/x", "cmd": ', 'application/json')
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toContain('application/json')
    const body = (await res.json()) as any
    expect(body.message).toBe('Invalid JSON')
    expect(body.details).toBe('Unexpected end-of-input: expected close marker for OBJECT')
    const bad = (await (await post('/v2/apps', '{"id": /x}', 'application/json')).json()) as any
    expect(bad).toEqual({ message: 'Invalid JSON', details: expect.stringContaining("Unexpected character ('/' (code 47))") })
    expect(await appIds()).toEqual([])
  })

  it('answers an empty body with 400 "Please specify data in JSON format"', async () => {
    const res = await post('/v2/apps', '', 'application/json')
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({ message: 'Please specify data in JSON format', details: 'No content to map due to end-of-input' })
  })

  it('rejects a non-JSON Content-Type with 415 and creates nothing', async () => {
    const app = JSON.stringify({ id: '/typed', cmd: 'sleep 100' })
    for (const type of ['application/x-www-form-urlencoded', 'text/plain']) {
      const res = await post('/v2/apps', app, type)
      expect(res.status).toBe(415)
      expect(await res.json()).toEqual({ message: 'Unsupported Media Type' })
    }
    expect(await appIds()).toEqual([])
    const ok = await post('/v2/apps', app, 'application/json; charset=utf-8')
    expect(ok.status).toBe(201)
    // Body-less deployable calls carry no Content-Type and stay accepted.
    expect((await fetch(`${t.base}/v2/apps/typed/restart?force=true`, { method: 'POST' })).status).toBe(200)
  })

  it('answers an unknown route with 404 "URI not found" under both Admin Router prefixes', async () => {
    const res = await fetch(`${t.base}/v2/nothing/here`)
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({ message: 'URI not found: /v2/nothing/here' })
    const alias = await fetch(`${t.served.baseUrl}/marathon/v2/nothing`)
    expect(await alias.json()).toEqual({ message: 'URI not found: /v2/nothing' })
  })
})
