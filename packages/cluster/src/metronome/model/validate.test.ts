import { describe, expect, it } from 'vitest'
import { nextCronInstant, isValidCron, isValidTimeZone } from './cron.ts'
import { jsPath } from './schema-errors.ts'
import { parseJobSpec, parseSchedule } from './validate.ts'

describe('Metronome cron rules', () => {
  it('accepts five-field expressions only', () => {
    expect(isValidCron('*/5 * * * *')).toBe(true)
    expect(isValidCron('0 0 * * 1-5')).toBe(true)
    expect(isValidCron('0 0 0 * * *')).toBe(false)
    expect(isValidCron('@daily')).toBe(false)
    expect(isValidCron('H * * * *')).toBe(false)
    expect(isValidCron('0 0 31 2 *')).toBe(false)
  })

  it('computes the next instant strictly after now in the given zone', () => {
    const noon = Date.UTC(2026, 10, 25, 12, 0, 0)
    expect(nextCronInstant('0 12 * * *', 'UTC', noon)).toBe(Date.UTC(2026, 10, 26, 12, 0, 0))
    expect(nextCronInstant('0 9 * * *', 'Europe/Berlin', noon)).toBe(Date.UTC(2026, 10, 26, 8, 0, 0))
    expect(isValidTimeZone('Asia/Tokyo')).toBe(true)
    expect(isValidTimeZone('Nowhere/Special')).toBe(false)
  })
})

describe('Metronome body parsing', () => {
  it('renders ajv paths as Play JsPaths', () => {
    expect(jsPath('')).toBe('/')
    expect(jsPath('/run/artifacts/0/uri')).toBe('/run/artifacts(0)/uri')
  })

  it('reports every schema violation of a body, grouped by path', () => {
    const res = parseJobSpec({ id: 'ok', run: { cpus: -1, mem: 'lots', disk: 0, artifacts: [{}] } })
    expect(res.ok).toBe(false)
    if (res.ok) return
    expect(res.error.details).toEqual(
      expect.arrayContaining([
        { path: '/run/cpus', errors: ['-1 is smaller than required minimum value of 0.01.'] },
        { path: '/run/mem', errors: ['Wrong type. Expected number, was string.'] },
        { path: '/run/artifacts(0)', errors: ['Property uri missing.'] },
      ]),
    )
  })

  it('rejects docker together with ucr, and accepts args as the command', () => {
    const both = parseJobSpec({ id: 'x', run: { cpus: 1, mem: 64, disk: 0, docker: { image: 'a' }, ucr: { image: { id: 'b' } } } })
    expect(both.ok ? null : both.error.details).toEqual([{ path: '/run', errors: ['Either Docker or UCR should be provided, but not both'] }])
    expect(parseJobSpec({ id: 'x', run: { cpus: 1, mem: 64, disk: 0, args: ['run'] } }).ok).toBe(true)
  })

  it('fills schedule defaults', () => {
    const s = parseSchedule({ id: 'ab', cron: '0  2 * *  *' })
    expect(s).toEqual({ ok: true, value: { id: 'ab', cron: '0 2 * * *', timezone: 'UTC', startingDeadlineSeconds: 900, concurrencyPolicy: 'ALLOW', enabled: true } })
  })
})
