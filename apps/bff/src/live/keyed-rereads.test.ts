import { describe, expect, it } from 'vitest'
import { KeyedRereads } from './keyed-rereads.ts'

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('KeyedRereads', () => {
  it('runs at most `concurrency` re-reads at once across keys, and every key gets read', async () => {
    let running = 0
    let peak = 0
    const done: string[] = []
    const rereads = new KeyedRereads<string>(
      async (key) => {
        running++
        peak = Math.max(peak, running)
        await tick(5)
        running--
        done.push(key)
      },
      1,
      3,
    )
    for (let i = 0; i < 30; i++) rereads.schedule(`k${i}`)
    await expect.poll(() => done.length, { timeout: 2000 }).toBe(30)
    expect(peak).toBe(3)
  })

  it('coalesces requests for a key whose re-read is still waiting for a slot', async () => {
    const reads: string[] = []
    let release: (() => void) | undefined
    const rereads = new KeyedRereads<string>(
      async (key) => {
        reads.push(key)
        if (key === 'busy') await new Promise<void>((r) => (release = r))
      },
      1,
      1,
    )
    rereads.schedule('busy')
    await expect.poll(() => reads).toEqual(['busy'])
    // 'x' waits behind 'busy'; asking again while it waits adds nothing.
    for (let i = 0; i < 5; i++) {
      rereads.schedule('x')
      await tick(5)
    }
    release!()
    await expect.poll(() => reads).toEqual(['busy', 'x'])
    await tick(20)
    expect(reads).toEqual(['busy', 'x'])
  })
})
