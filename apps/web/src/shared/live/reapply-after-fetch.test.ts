import { describe, expect, it } from 'vitest'
import { QueryClient } from '@tanstack/react-query'
import { reapplyAfterFetch } from './reapply-after-fetch.ts'

describe('reapplyAfterFetch', () => {
  it('applies a patch again when a fetch that was in flight lands with older data', async () => {
    const qc = new QueryClient()
    const key = ['rows']
    let resolve: ((v: string[]) => void) | undefined
    // A fetch is running; its response was built before the change.
    const fetching = qc.fetchQuery({ queryKey: key, queryFn: () => new Promise<string[]>((r) => (resolve = r)) })
    const patch = () => qc.setQueryData<string[]>(key, (d) => (d ?? []).map((x) => (x === 'a' ? 'a*' : x)))
    qc.setQueryData(key, ['a', 'b'])
    patch()
    reapplyAfterFetch(qc, key, patch)
    expect(qc.getQueryData(key)).toEqual(['a*', 'b'])
    resolve!(['a', 'b'])
    await fetching
    expect(qc.getQueryData(key)).toEqual(['a*', 'b'])
  })

  it('does nothing when no fetch is running', () => {
    const qc = new QueryClient()
    let calls = 0
    qc.setQueryData(['rows'], [])
    reapplyAfterFetch(qc, ['rows'], () => calls++)
    qc.setQueryData(['rows'], [1])
    expect(calls).toBe(0)
  })
})
