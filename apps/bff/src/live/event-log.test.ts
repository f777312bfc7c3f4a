import { describe, expect, it } from 'vitest'
import { EventLog } from './event-log.ts'

const delta = (jobId: string) => ({ type: 'job.changed' as const, jobId })

describe('EventLog', () => {
  it('replays exactly the events after an id', () => {
    const log = new EventLog(10)
    for (let i = 1; i <= 5; i++) log.append(delta(`j${i}`))
    const r = log.since('2')
    expect(r.tooOld).toBe(false)
    expect(r.events.map((e) => e.id)).toEqual(['3', '4', '5'])
    expect(log.since('5').events).toEqual([])
    expect(log.since('0').events).toHaveLength(5)
  })

  it('reports too old once events were evicted, and for ids it never issued', () => {
    const log = new EventLog(3)
    for (let i = 1; i <= 5; i++) log.append(delta(`j${i}`))
    expect(log.since('1').tooOld).toBe(true)
    expect(log.since('2').events.map((e) => e.id)).toEqual(['3', '4', '5'])
    expect(log.since('9').tooOld).toBe(true)
    expect(log.since('abc').tooOld).toBe(true)
  })
})
