import { describe, expect, it } from 'vitest'
import { describeCron } from './cron-schedule.ts'

describe('describeCron', () => {
  it('describes valid 5-field expressions', () => {
    expect(describeCron('0 2 * * *')).toEqual({ ok: true, description: 'At 02:00, every day' })
    const r = describeCron('*/15 9-17 * * mon-fri')
    expect(r.ok).toBe(true)
    if (r.ok) expect(r.description).toMatch(/Every 15 minutes/)
  })
  it('rejects wrong field counts and out-of-range values', () => {
    expect(describeCron('0 0 2 * * *')).toEqual({ ok: false, error: 'Expected 5 fields (minute hour day month weekday), got 6' })
    expect(describeCron('')).toMatchObject({ ok: false })
    expect(describeCron('61 * * * *')).toEqual({ ok: false, error: 'Invalid minute field "61"' })
    expect(describeCron('0 0 0 * *')).toEqual({ ok: false, error: 'Invalid day of month field "0"' })
    expect(describeCron('0 0 * 13 *')).toMatchObject({ ok: false })
    expect(describeCron('0 5-2 * * *')).toMatchObject({ ok: false })
  })
})
