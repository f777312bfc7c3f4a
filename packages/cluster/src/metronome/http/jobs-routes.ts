/**
 * /v1/jobs and /v1/jobs/{jobId} (JobSpecController) plus the v0 /scheduled-jobs endpoints the
 * DC/OS UI and CLI used to create or replace a job together with its schedule.
 */
import type { Context, Hono } from 'hono'
import { renderJobSpec } from '../model/render.ts'
import { parseJobSpec, parseScheduledJobSpec } from '../model/validate.ts'
import { EMBEDS, type Embed, type MetronomeService } from '../metronome-service.ts'
import { bindJobId, clientError, conflict, readJson, unknownJob } from './responses.ts'

/** The `embed` binder: repeatable and comma-separated; any unknown name is a 400. */
function bindEmbeds(c: Context): Set<Embed> | undefined {
  const raw = (c.req.queries('embed') ?? []).flatMap((v) => v.split(','))
  const valid = raw.filter((e): e is Embed => (EMBEDS as readonly string[]).includes(e))
  return valid.length === raw.length ? new Set(valid) : undefined
}

const EMBED_ERROR = `Unknown embed options. Valid options are: ${EMBEDS.join(', ')}`

export function registerJobRoutes(app: Hono, svc: MetronomeService, base: string): void {
  const badId = (c: Context, raw: string) => clientError(c, base, 400, `Not a valid id: ${raw}`)

  app.get('/v1/jobs', (c) => {
    const embeds = bindEmbeds(c)
    if (!embeds) return clientError(c, base, 400, EMBED_ERROR)
    return c.json(svc.registry.list().map((e) => svc.renderJobInfo(e, embeds)), 200)
  })

  app.post('/v1/jobs', async (c) => {
    const body = await readJson(c, base)
    if (!body.ok) return body.response
    const parsed = parseJobSpec(body.value)
    if (!parsed.ok) return c.json(parsed.error, 422)
    const created = svc.createJob(parsed.value)
    if (!created.ok) return conflict(c, created.message ?? '')
    return c.json(renderJobSpec(created.value.spec), 201)
  })

  app.get('/v1/jobs/:jobId', (c) => {
    const id = bindJobId(c.req.param('jobId'))
    if (id === undefined) return badId(c, c.req.param('jobId'))
    const embeds = bindEmbeds(c)
    if (!embeds) return clientError(c, base, 400, EMBED_ERROR)
    const entry = svc.registry.get(id)
    return entry ? c.json(svc.renderJobInfo(entry, embeds), 200) : unknownJob(c, id)
  })

  // The id in the body is replaced by the path id; schedules in the body are ignored.
  app.put('/v1/jobs/:jobId', async (c) => {
    const id = bindJobId(c.req.param('jobId'))
    if (id === undefined) return badId(c, c.req.param('jobId'))
    const body = await readJson(c, base)
    if (!body.ok) return body.response
    const parsed = parseJobSpec(body.value)
    if (!parsed.ok) return c.json(parsed.error, 422)
    const updated = svc.updateJob(id, parsed.value)
    return updated.ok ? c.json(renderJobSpec(updated.value.spec), 200) : unknownJob(c, id)
  })

  app.delete('/v1/jobs/:jobId', (c) => {
    const id = bindJobId(c.req.param('jobId'))
    if (id === undefined) return badId(c, c.req.param('jobId'))
    const flag = c.req.query('stopCurrentJobRuns')
    // Play's Boolean query binder: true/false/1/0, anything else a 400.
    if (flag !== undefined && !['true', 'false', '1', '0'].includes(flag)) {
      return clientError(c, base, 400, `Cannot parse parameter stopCurrentJobRuns as Boolean: should be true, false, 0 or 1`)
    }
    const deleted = svc.deleteJob(id, flag === 'true' || flag === '1')
    if (deleted.ok) return c.json(renderJobSpec(deleted.value.spec), 200)
    return deleted.kind === 'conflict' ? conflict(c, deleted.message ?? '') : unknownJob(c, id)
  })

  const renderScheduled = (id: string) => {
    const entry = svc.registry.get(id)!
    return { ...renderJobSpec(entry.spec), schedules: entry.schedules.map((s) => svc.renderSchedule(s)) }
  }

  app.post('/v0/scheduled-jobs', async (c) => {
    const body = await readJson(c, base)
    if (!body.ok) return body.response
    const parsed = parseScheduledJobSpec(body.value)
    if (!parsed.ok) return c.json(parsed.error, 422)
    const created = svc.createJob(parsed.value.spec, parsed.value.schedules)
    if (!created.ok) return conflict(c, created.message ?? '')
    return c.json(renderScheduled(parsed.value.spec.id), 201)
  })

  app.put('/v0/scheduled-jobs/:jobId', async (c) => {
    const id = bindJobId(c.req.param('jobId'))
    if (id === undefined) return badId(c, c.req.param('jobId'))
    const body = await readJson(c, base)
    if (!body.ok) return body.response
    const parsed = parseScheduledJobSpec(body.value)
    if (!parsed.ok) return c.json(parsed.error, 422)
    const updated = svc.updateJob(id, parsed.value.spec, parsed.value.schedules)
    return updated.ok ? c.json(renderScheduled(id), 200) : unknownJob(c, id)
  })
}
