import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { jobBody, startMetronomeCluster, type MetronomeTestCluster } from '../test-support.ts'

let t: MetronomeTestCluster
beforeEach(async () => {
  t = await startMetronomeCluster()
})
afterEach(async () => {
  await t.close()
})

describe('Metronome /v1/jobs', () => {
  it('creates a job (201) with every default filled, and lists and gets it', async () => {
    const created = await t.call('POST', '/v1/jobs', jobBody('prod.email-summary'))
    expect(created.status).toBe(201)
    expect(created.body).toEqual({
      id: 'prod.email-summary',
      labels: {},
      dependencies: [],
      run: {
        cpus: 0.1,
        mem: 64,
        disk: 0,
        gpus: 0,
        cmd: 'echo hello',
        env: {},
        placement: { constraints: [] },
        artifacts: [],
        maxLaunchDelay: 3600,
        volumes: [],
        restart: { policy: 'NEVER' },
        secrets: {},
        networks: [],
      },
    })
    const list = await t.call('GET', '/v1/jobs')
    expect(list.status).toBe(200)
    expect(list.body).toEqual([created.body])
    const one = await t.call('GET', '/v1/jobs/prod.email-summary')
    expect(one.body).toEqual(created.body)
  })

  it('fills nested defaults (docker, artifacts, EQ → IS) and keeps env secrets', async () => {
    const res = await t.call('POST', '/v1/jobs', {
      id: 'etl',
      description: 'nightly etl',
      run: {
        cpus: 1,
        mem: 128,
        disk: 10,
        docker: { image: 'alpine:3' },
        artifacts: [{ uri: 'https://example.com/a.tgz' }],
        placement: { constraints: [{ attribute: 'rack', operator: 'EQ', value: 'rack-1' }] },
        env: { TOKEN: { secret: 'tok' }, MODE: 'fast' },
        secrets: { tok: { source: 'etl/token' } },
      },
    })
    expect(res.status).toBe(201)
    expect(res.body.description).toBe('nightly etl')
    expect(res.body.run.docker).toEqual({ image: 'alpine:3', privileged: false, parameters: [], forcePullImage: false })
    expect(res.body.run.artifacts).toEqual([{ uri: 'https://example.com/a.tgz', extract: true, executable: false, cache: false }])
    expect(res.body.run.placement.constraints).toEqual([{ attribute: 'rack', operator: 'IS', value: 'rack-1' }])
    expect(res.body.run.env).toEqual({ TOKEN: { secret: 'tok' }, MODE: 'fast' })
  })

  it('rejects a bad spec with 422 and the Object-is-not-valid body, storing nothing', async () => {
    const cases: Array<[unknown, string, string]> = [
      [jobBody('Bad_Id'), '/id', "'Bad_Id' does not match pattern"],
      [jobBody('x', { run: { cpus: 0 } }), '/run/cpus', '0 is smaller than required minimum value of 0.01.'],
      [{ id: 'x', run: { cpus: 1, mem: 64 } }, '/run', 'Property disk missing.'],
      [{ ...jobBody('x'), bogus: 1 }, '/', "Additional properties are not allowed but found properties 'bogus'."],
      [{ id: 'x', run: { cpus: 1, mem: 64, disk: 0 } }, '/run', 'Cmd, docker or ucr image must be specified'],
      [jobBody('x', { run: { restart: { policy: 'ALWAYS' } } }), '/run/restart/policy', 'Instance is invalid enum value.'],
      [jobBody('x', { run: { env: { A: { secret: 's' } } } }), '/run', 'Secret names are different from provided secrets. Defined: s, Provided: '],
    ]
    for (const [body, path, message] of cases) {
      const res = await t.call('POST', '/v1/jobs', body)
      expect(res.status, JSON.stringify(body)).toBe(422)
      expect(res.body.message).toBe('Object is not valid')
      const detail = res.body.details.find((d: { path: string }) => d.path === path)
      expect(detail, JSON.stringify(res.body)).toBeDefined()
      expect(detail.errors.some((e: string) => e.startsWith(message)), JSON.stringify(res.body)).toBe(true)
    }
    expect((await t.call('GET', '/v1/jobs')).body).toEqual([])
  })

  it('answers malformed bodies like Play: 400 Invalid Json, 415 without a JSON content type', async () => {
    const bad = await fetch(`${t.metronome}/v1/jobs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"id":' })
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({ message: expect.stringMatching(/^Invalid Json/), requestPath: '/v1/jobs' })
    const text = await fetch(`${t.metronome}/v1/jobs`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' })
    expect(text.status).toBe(415)
    expect(await text.json()).toEqual({ message: 'Expecting text/json or application/json body', requestPath: '/v1/jobs' })
    expect((await t.call('GET', '/v1/jobs')).body).toEqual([])
  })

  it('409 on a duplicate id, 404 with the UnknownJob body, 400 on an invalid path id', async () => {
    expect((await t.call('POST', '/v1/jobs', jobBody('dup'))).status).toBe(201)
    const again = await t.call('POST', '/v1/jobs', jobBody('dup', { labels: { changed: 'yes' } }))
    expect(again).toMatchObject({ status: 409, body: { message: 'Job with this id already exists' } })
    expect((await t.call('GET', '/v1/jobs/dup')).body.labels).toEqual({})
    for (const [method, path] of [['GET', '/v1/jobs/nope'], ['DELETE', '/v1/jobs/nope'], ['GET', '/v1/jobs/nope/runs'], ['POST', '/v1/jobs/nope/runs']]) {
      const res = await t.call(method!, path!)
      expect(res, `${method} ${path}`).toMatchObject({ status: 404, body: { id: 'nope', message: 'Job not found' } })
    }
    expect((await t.call('PUT', '/v1/jobs/nope', jobBody('nope'))).body).toEqual({ id: 'nope', message: 'Job not found' })
    const badId = await t.call('GET', '/v1/jobs/Not-Valid')
    expect(badId).toMatchObject({ status: 400, body: { message: 'Not a valid id: Not-Valid', requestPath: '/v1/jobs/Not-Valid' } })
  })

  it('PUT replaces the spec, forces the path id and keeps existing schedules', async () => {
    await t.call('POST', '/v1/jobs', jobBody('nightly'))
    await t.call('POST', '/v1/jobs/nightly/schedules', { id: 'every-day', cron: '0 3 * * *' })
    const put = await t.call('PUT', '/v1/jobs/nightly', { ...jobBody('ignored.id', { labels: { a: 'b' } }), schedules: [] })
    expect(put.status).toBe(200)
    expect(put.body).toMatchObject({ id: 'nightly', labels: { a: 'b' } })
    expect((await t.call('GET', '/v1/jobs/nightly/schedules')).body).toHaveLength(1)
    const bad = await t.call('PUT', '/v1/jobs/nightly', jobBody('nightly', { run: { mem: 1 } }))
    expect(bad.status).toBe(422)
    expect((await t.call('GET', '/v1/jobs/nightly')).body.labels).toEqual({ a: 'b' })
  })

  it('embeds activeRuns, schedules, history and historySummary only when asked (repeatable or comma list)', async () => {
    await t.call('POST', '/v1/jobs', jobBody('emb'))
    await t.call('POST', '/v1/jobs/emb/schedules', { id: 'hourly', cron: '0 * * * *' })
    await t.call('POST', '/v1/jobs/emb/runs')
    const plain = await t.call('GET', '/v1/jobs/emb')
    expect(Object.keys(plain.body)).toEqual(['id', 'labels', 'dependencies', 'run'])
    const all = await t.call('GET', '/v1/jobs?embed=activeRuns&embed=schedules,history&embed=historySummary')
    const job = all.body[0]
    expect(job.activeRuns).toHaveLength(1)
    expect(job.schedules[0]).toMatchObject({ id: 'hourly', cron: '0 * * * *', nextRunAt: '2026-11-25T13:00:00.000+0000' })
    expect(job.history).toEqual({ successCount: 0, failureCount: 0, lastSuccessAt: null, lastFailureAt: null, successfulFinishedRuns: [], failedFinishedRuns: [] })
    expect(job.historySummary).toEqual({ successCount: 0, failureCount: 0, lastSuccessAt: null, lastFailureAt: null })
    const bad = await t.call('GET', '/v1/jobs?embed=tasks')
    expect(bad).toMatchObject({ status: 400, body: { message: 'Unknown embed options. Valid options are: activeRuns, schedules, history, historySummary' } })
  })

  it('DELETE: 409 while runs are active, stopCurrentJobRuns=true kills their tasks on the master', async () => {
    await t.call('POST', '/v1/jobs', jobBody('busy', { labels: { MERIDIAN_SIM_DURATION_SECONDS: '600' } }))
    const run = (await t.call('POST', '/v1/jobs/busy/runs')).body
    t.advance(5_000)
    const taskId = (await t.call('GET', `/v1/jobs/busy/runs/${run.id}`)).body.tasks[0].id
    expect(t.cluster.master.tasks.get(taskId)?.state).toBe('TASK_RUNNING')
    const refused = await t.call('DELETE', '/v1/jobs/busy')
    expect(refused).toMatchObject({ status: 409, body: { message: 'There are active job runs. Override with stopCurrentJobRuns=true' } })
    expect((await t.call('GET', '/v1/jobs/busy')).status).toBe(200)
    const deleted = await t.call('DELETE', '/v1/jobs/busy?stopCurrentJobRuns=true')
    expect(deleted.status).toBe(200)
    expect(deleted.body.id).toBe('busy')
    expect(t.cluster.master.tasks.get(taskId)?.state).toBe('TASK_KILLING')
    t.advance(1_000)
    expect(t.cluster.master.completedTasks.get(taskId)?.state).toBe('TASK_KILLED')
    expect((await t.call('GET', '/v1/jobs/busy')).status).toBe(404)
  })

  it('serves /ping, /info, /leader, 404 Unknown route., and 301 for the bare prefix', async () => {
    expect(await t.call('GET', '/ping')).toMatchObject({ status: 200, body: 'pong' })
    expect((await t.call('GET', '/info')).body).toMatchObject({ version: expect.any(String), libVersion: expect.any(String) })
    expect((await t.call('GET', '/leader')).body).toEqual({ leader: '10.0.0.1:9000' })
    expect(await t.call('GET', '/v2/nothing')).toMatchObject({ status: 404, body: { message: 'Unknown route.', requestPath: '/v2/nothing' } })
    const bare = await fetch(`${t.baseUrl}/service/metronome`, { redirect: 'manual' })
    expect(bare.status).toBe(301)
    expect(bare.headers.get('location')).toBe('/service/metronome/')
  })

  it('registers the metronome framework on the master', () => {
    const fw = [...t.cluster.master.frameworks.values()].find((f) => f.name === 'metronome')
    expect(fw).toMatchObject({ roles: ['*'], webuiUrl: 'http://10.0.0.1:9000', active: true })
  })
})
