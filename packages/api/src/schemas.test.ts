import { describe, expect, it } from 'vitest'
import { AgentIdSchema, JobIdSchema, ServiceIdSchema } from './index.ts'

describe('id schemas keep user input inside the intended upstream path', () => {
  it('accepts real ids', () => {
    expect(ServiceIdSchema.safeParse('/prod/web-1').success).toBe(true)
    expect(AgentIdSchema.safeParse('b6a6d6a4-5d4a-4c0a-9c3a-4f0d5e6c7a10-S1').success).toBe(true)
    expect(JobIdSchema.safeParse('prod.backup-db').success).toBe(true)
  })
  it('rejects traversal and malformed ids', () => {
    for (const bad of ['../../x', '/a/../b', '/a/./b', 'relative', '/UPPER', '/a//b', '/-a']) expect(ServiceIdSchema.safeParse(bad).success, bad).toBe(false)
    for (const bad of ['../x', 'a/b', '', 'a%2Fb']) expect(AgentIdSchema.safeParse(bad).success, bad).toBe(false)
    for (const bad of ['a..b', 'a/b', '-a', 'A']) expect(JobIdSchema.safeParse(bad).success, bad).toBe(false)
  })
})
