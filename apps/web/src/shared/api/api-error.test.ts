import { describe, expect, it } from 'vitest'
import type { ErrorEnvelope } from '@meridian/api'
import { apiErrorFromBody } from './api-error.ts'

describe('apiErrorFromBody', () => {
  it('reads the BFF envelope, keeping kind, message and per-field details', () => {
    const body: ErrorEnvelope = {
      error: {
        kind: 'ValidationFailed',
        message: 'Object is not valid',
        details: [{ path: '/instances', errors: ['must be >= 0', 'must be an integer'] }],
      },
    }
    const e = apiErrorFromBody(422, body)
    expect(e.kind).toBe('ValidationFailed')
    expect(e.status).toBe(422)
    expect(e.message).toBe('Object is not valid')
    expect(e.details).toEqual({ '/instances': 'must be >= 0; must be an integer' })
  })
  it('falls back to the status when the body is not an envelope', () => {
    expect(apiErrorFromBody(503, '<html>bad gateway</html>').kind).toBe('UpstreamUnavailable')
    expect(apiErrorFromBody(403, undefined).kind).toBe('Forbidden')
    expect(apiErrorFromBody(418, {}).kind).toBe('Unknown')
  })
  it('ignores unknown kinds instead of trusting them', () => {
    expect(apiErrorFromBody(409, { error: { kind: 'Bogus', message: 'x' } }).kind).toBe('Conflict')
  })
})
