import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mesosFixture, type MesosFixture } from './test-fixtures.ts'

let f: MesosFixture
beforeEach(async () => {
  f = await mesosFixture({ tasks: 5 })
})
afterEach(() => f.close())

const ids = async (res: Response) => ((await res.json()) as { tasks: Array<{ id: string }> }).tasks.map((t) => t.id)

describe('GET /master/tasks', () => {
  it('lists tasks newest first by default, oldest first with order=asc', async () => {
    const launched = f.tasks.map((t) => t.id)
    expect(await ids(await f.mesos('/master/tasks'))).toEqual([...launched].reverse())
    expect(await ids(await f.mesos('/master/tasks?order=asc'))).toEqual(launched)
    // anything but "asc" is descending
    expect(await ids(await f.mesos('/master/tasks?order=up'))).toEqual([...launched].reverse())
  })

  it('pages with limit and offset', async () => {
    const launched = f.tasks.map((t) => t.id)
    expect(await ids(await f.mesos('/master/tasks?order=asc&limit=2&offset=1'))).toEqual(launched.slice(1, 3))
    expect(await ids(await f.mesos('/master/tasks?offset=10'))).toEqual([])
  })

  it('filters by framework_id and task_id, including completed tasks', async () => {
    const target = f.tasks[2]!.id
    f.cluster.master.setTaskState(target, 'TASK_FAILED', { source: 'SOURCE_EXECUTOR' })
    const one = (await (await f.mesos(`/master/tasks?framework_id=${f.framework.id}&task_id=${encodeURIComponent(target)}`)).json()) as { tasks: Array<{ id: string; state: string }> }
    expect(one.tasks).toEqual([expect.objectContaining({ id: target, state: 'TASK_FAILED' })])
    expect(await ids(await f.mesos('/master/tasks?framework_id=unknown'))).toEqual([])
  })

  it('falls back to the defaults for non-numeric limit/offset, as numify<int> does in Mesos (200, not 400)', async () => {
    const res = await f.mesos('/master/tasks?limit=abc&offset=xyz&order=asc')
    expect(res.status).toBe(200)
    expect(await ids(res)).toEqual(f.tasks.map((t) => t.id))
  })

  it('treats a negative offset as a huge size_t (empty page) and limit=-1 as unlimited', async () => {
    expect(await ids(await f.mesos('/master/tasks?offset=-1'))).toEqual([])
    expect(await ids(await f.mesos('/master/tasks?limit=-1'))).toHaveLength(5)
  })

  it('answers the un-prefixed /tasks and legacy /master/tasks.json', async () => {
    expect(await ids(await f.mesos('/tasks?limit=1'))).toHaveLength(1)
    expect(await ids(await f.mesos('/master/tasks.json?limit=1'))).toHaveLength(1)
  })
})
