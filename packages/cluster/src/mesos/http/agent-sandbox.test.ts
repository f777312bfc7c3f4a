import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { http, mesosFixture, type MesosFixture } from './test-fixtures.ts'

let f: MesosFixture
beforeEach(async () => {
  f = await mesosFixture({ tasks: 2 })
})
afterEach(() => f.close())

type Executor = { id: string; directory: string; container: string; tasks: Array<{ id: string }>; completed_tasks: Array<{ id: string }> }
type AgentState = { id: string; frameworks: Array<{ id: string; executors: Executor[]; completed_executors: Executor[] }> }

const agentGet = (agentId: string, path: string, prefix = 'agent') => http(`${f.baseUrl}/${prefix}/${agentId}${path}`)
async function sandboxOf(taskIndex = 0) {
  const task = f.tasks[taskIndex]!
  const state = (await (await agentGet(task.agentId, '/slave(1)/state')).json()) as AgentState
  const executor = state.frameworks.find((x) => x.id === f.framework.id)!.executors.find((e) => e.id === task.id)!
  return { task, state, executor }
}
const read = async (agentId: string, path: string, query = '') => agentGet(agentId, `/files/read?path=${encodeURIComponent(path)}${query}`)

describe('agent state and sandboxes', () => {
  it('exposes each executor sandbox directory in /slave(1)/state and /state (and under /slave/<id>)', async () => {
    const { task, state, executor } = await sandboxOf()
    expect(state.id).toBe(task.agentId)
    expect(executor.directory).toBe(`/var/lib/mesos/slave/slaves/${task.agentId}/frameworks/${f.framework.id}/executors/${task.id}/runs/${executor.container}`)
    expect(executor.tasks.map((t) => t.id)).toEqual([task.id])
    const alias = (await (await agentGet(task.agentId, '/state', 'slave')).json()) as AgentState
    expect(alias.id).toBe(task.agentId)
    expect((await agentGet('unknown-agent', '/state')).status).toBe(404)
  })

  it('browses a sandbox via its real, runs/latest and virtual paths', async () => {
    const { task, executor } = await sandboxOf()
    const dir = executor.directory
    const res = await agentGet(task.agentId, `/files/browse?path=${encodeURIComponent(dir)}`)
    expect(res.status).toBe(200)
    const entries = (await res.json()) as Array<{ path: string; size: number; mode: string; nlink: number; uid: string; mtime: number }>
    expect(entries.map((e) => e.path)).toEqual([`${dir}/stderr`, `${dir}/stdout`])
    expect(entries[0]).toMatchObject({ mode: '-rw-r--r--', nlink: 1, uid: 'root' })
    expect(Number.isInteger(entries[0]!.mtime)).toBe(true)
    const latest = dir.replace(/runs\/[^/]+$/, 'runs/latest')
    expect((await agentGet(task.agentId, `/files/browse?path=${encodeURIComponent(latest)}`)).status).toBe(200)
    const virtual = `/frameworks/${f.framework.id}/executors/${task.id}/runs/latest`
    expect((await agentGet(task.agentId, `/files/browse?path=${encodeURIComponent(virtual)}`)).status).toBe(200)
    // Not attached: above the sandbox, another agent's id, a wrong container id.
    for (const p of [dir.replace(/\/runs\/.*$/, ''), dir.replace(task.agentId, 'other'), dir.replace(/[^/]+$/, 'not-a-container')]) {
      const r = await agentGet(task.agentId, `/files/browse?path=${encodeURIComponent(p)}`)
      expect(r.status).toBe(404)
      expect(await r.text()).toBe('')
    }
    const missing = await agentGet(task.agentId, '/files/browse')
    expect(missing.status).toBe(400)
    expect(await missing.text()).toBe("Expecting 'path=value' in query.\n")
  })

  it('reads logs with the pailer size probe and length paging; logs grow with simulated time', async () => {
    const { task, executor } = await sandboxOf()
    const stdout = `${executor.directory}/stdout`
    const probe = (await (await read(task.agentId, stdout, '&offset=-1')).json()) as { data: string; offset: number }
    expect(probe.data).toBe('')
    expect(probe.offset).toBeGreaterThan(0)
    expect(((await (await read(task.agentId, stdout)).json()) as { offset: number }).offset).toBe(probe.offset)

    const head = (await (await read(task.agentId, stdout, '&offset=0&length=20')).json()) as { data: string; offset: number }
    expect(head).toEqual({ data: "Marked '/' as rslave", offset: 0 })
    const all = (await (await read(task.agentId, stdout, '&offset=0')).json()) as { data: string }
    expect(Buffer.byteLength(all.data)).toBe(probe.offset)
    const page = (await (await read(task.agentId, stdout, '&offset=20&length=30')).json()) as { data: string }
    expect(page.data).toBe(all.data.slice(20, 50))

    f.cluster.clock.advance(60_000)
    const later = (await (await read(task.agentId, stdout, '&offset=-1')).json()) as { offset: number }
    expect(later.offset).toBeGreaterThan(probe.offset)
    const again = (await (await read(task.agentId, stdout, '&offset=0')).json()) as { data: string }
    // Deterministic: what was there before is unchanged.
    expect(again.data.startsWith(all.data)).toBe(true)
    expect(again.data.split('\n').length).toBeGreaterThan(all.data.split('\n').length)

    const past = (await (await read(task.agentId, stdout, `&offset=${later.offset + 100}`)).json()) as { data: string; offset: number }
    expect(past).toEqual({ data: '', offset: later.offset })
    const stderr = (await (await read(task.agentId, `${executor.directory}/stderr`, '&offset=0')).json()) as { data: string }
    expect(stderr.data).toContain(`Starting task ${task.id}`)
  })

  it('stops growing once the task has ended and writes the exit line', async () => {
    const { task, executor } = await sandboxOf()
    await http(`${f.baseUrl}/api/demo/tasks/${encodeURIComponent(task.id)}/fail`, { method: 'POST' })
    const stderrPath = `${executor.directory}/stderr`
    const a = (await (await read(task.agentId, stderrPath, '&offset=0')).json()) as { data: string }
    expect(a.data.trimEnd().split('\n').at(-1)).toMatch(/Command exited with status 1/)
    f.cluster.clock.advance(120_000)
    const b = (await (await read(task.agentId, stderrPath, '&offset=0')).json()) as { data: string }
    expect(b.data).toBe(a.data)
  })

  it('rejects bad reads with Mesos statuses and messages', async () => {
    const { task, executor } = await sandboxOf()
    const stdout = `${executor.directory}/stdout`
    const cases: Array<[string, string, number, string]> = [
      [stdout, '&offset=abc', 400, "Failed to parse offset: Failed to convert 'abc' to number.\n"],
      [stdout, '&offset=-2', 400, 'Negative offset provided: -2.\n'],
      [stdout, '&offset=0&length=x', 400, "Failed to parse length: Failed to convert 'x' to number.\n"],
      [stdout, '&offset=0&length=-5', 400, 'Negative length provided: -5.\n'],
      [executor.directory, '&offset=0', 400, 'Cannot read a directory.\n'],
      [`${executor.directory}/nope`, '&offset=0', 404, ''],
    ]
    for (const [path, query, status, body] of cases) {
      const res = await read(task.agentId, path, query)
      expect(res.status).toBe(status)
      expect(await res.text()).toBe(body)
    }
    const capped = (await (await read(task.agentId, stdout, '&offset=0&length=999999')).json()) as { data: string }
    expect(Buffer.byteLength(capped.data)).toBeLessThanOrEqual(65536)
  })

  it('serves LIST_FILES and READ_FILE on the agent operator API from the same sandbox model', async () => {
    const { task, executor } = await sandboxOf()
    const call = (body: unknown) => http(`${f.baseUrl}/agent/${task.agentId}/api/v1`, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body) })
    const list = await (await call({ type: 'LIST_FILES', list_files: { path: executor.directory } })).json()
    expect(list.type).toBe('LIST_FILES')
    expect(list.list_files.file_infos.map((x: { path: string }) => x.path)).toEqual([`${executor.directory}/stderr`, `${executor.directory}/stdout`])
    expect(list.list_files.file_infos[0]).toMatchObject({ mode: 0o100644, mtime: { nanoseconds: expect.any(Number) } })
    const v0 = (await (await read(task.agentId, `${executor.directory}/stdout`, '&offset=0&length=64')).json()) as { data: string; offset: number }
    const rf = await (await call({ type: 'READ_FILE', read_file: { path: `${executor.directory}/stdout`, offset: 0, length: 64 } })).json()
    expect(Buffer.from(rf.read_file.data, 'base64').toString()).toBe(v0.data)
    const probe = (await (await read(task.agentId, `${executor.directory}/stdout`, '&offset=-1')).json()) as { offset: number }
    expect(rf.read_file.size).toBe(probe.offset)
    const missing = await call({ type: 'LIST_FILES', list_files: { path: '/nope' } })
    expect(missing.status).toBe(404)
    const invalid = await call({ type: 'READ_FILE', read_file: { path: '/x' } })
    expect(invalid.status).toBe(400)
    expect(await invalid.text()).toBe('Failed to convert JSON into Call protobuf: Missing required fields: read_file.offset')
  })
})
