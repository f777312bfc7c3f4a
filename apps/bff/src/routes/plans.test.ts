/**
 * SDK plans over HTTP against a served embedded cluster: Kafka installed through the BFF,
 * plans read from its scheduler, plan commands, and `plan.changed` deltas on /api/events derived
 * from the Mesos task events of Kafka's framework.
 */
import { serve } from '@hono/node-server'
import type { LiveEvent } from '@meridian/api'
import { createParser } from 'eventsource-parser'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loginAs } from '../testing/login.ts'
import { serveBffOnCluster, type ServedBff } from '../testing/served-bff.ts'

let t: ServedBff
const kafka = encodeURIComponent('/kafka')
const deploy = async () => (await t.viewer.request(`/api/services/${kafka}/plans/deploy`)).json()

beforeAll(async () => {
  t = await serveBffOnCluster({ app: { planFeed: { debounceMs: 20, settleMs: 50 } } })
})
afterAll(() => t.close())

describe('plans of SDK services', () => {
  it('publishes plan.changed from Kafka framework task events while the deploy plan runs', async () => {
    // A real BFF server, so the live hub's Mesos SUBSCRIBE feed runs against the served cluster.
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s))
    })
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    try {
      const viewer = await loginAs((p, i) => fetch(base + p, i), 'viewer')
      const res = await viewer.request('/api/events', { headers: { accept: 'text/event-stream' } })
      const deltas: LiveEvent['delta'][] = []
      const parser = createParser({ onEvent: (e) => e.event === 'delta' && deltas.push((JSON.parse(e.data) as LiveEvent).delta) })
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader()
      const pump = (async () => {
        for (;;) {
          const { done, value } = await reader.read()
          if (done) return
          parser.feed(value)
        }
      })().catch(() => undefined)
      await expect.poll(() => deltas.some((d) => d.type === 'resync'), { timeout: 5000 }).toBe(true)

      const install = await t.operator.request('/api/catalog/install', { method: 'POST', json: { packageName: 'kafka' } })
      expect(install.status).toBe(200)
      for (let i = 0; i < 60 && (await deploy()).status !== 'COMPLETE'; i++) await t.advance(5000, 1000)
      expect((await deploy()).status).toBe('COMPLETE')
      await expect.poll(() => deltas.filter((d) => d.type === 'plan.changed' && d.plan === 'deploy').map((d) => (d as { status: string }).status), { timeout: 5000 }).toContain('COMPLETE')
      const planDeltas = deltas.filter((d) => d.type === 'plan.changed')
      expect(planDeltas.every((d) => d.type === 'plan.changed' && d.serviceId === '/kafka')).toBe(true)
      expect(planDeltas.length).toBeGreaterThan(0)
      await reader.cancel()
      await pump
    } finally {
      ;(server as unknown as { closeAllConnections(): void }).closeAllConnections()
      server.close()
    }
  })

  it('lists every SDK service with plans, phases, steps and progress', async () => {
    const res = await t.viewer.request('/api/plans')
    expect(res.status).toBe(200)
    const { services } = await res.json()
    expect(services).toHaveLength(1)
    expect(services[0]).toMatchObject({ serviceId: '/kafka', serviceName: 'kafka', error: null })
    const names = services[0].plans.map((p: { name: string }) => p.name)
    expect(names).toEqual(['deploy', 'recovery'])
    const d = services[0].plans[0]
    expect(d).toMatchObject({ service: '/kafka', name: 'deploy', status: 'COMPLETE', strategy: 'serial', errors: [], progress: { completeSteps: 3, totalSteps: 3 } })
    expect(d.phases[0].steps.map((s: { name: string }) => s.name)).toEqual(['kafka-0:[broker]', 'kafka-1:[broker]', 'kafka-2:[broker]'])
    const one = await (await t.viewer.request(`/api/services/${kafka}/plans`)).json()
    expect(one.plans.map((p: { name: string }) => p.name)).toEqual(['deploy', 'recovery'])
    const dash = await (await t.viewer.request('/api/dashboard')).json()
    expect(dash.plans).toMatchObject({ total: 2, inProgress: 0, errors: 0, active: [] })
  })

  it('answers 404 for a plain Marathon app and an unknown plan, 400 for bad names', async () => {
    const plain = await t.viewer.request(`/api/services/${encodeURIComponent('/prod/api/orders')}/plans`)
    expect(plain.status).toBe(404)
    const unknown = await t.viewer.request(`/api/services/${kafka}/plans/nope`)
    expect(unknown.status).toBe(404)
    expect((await unknown.json()).error).toMatchObject({ kind: 'NotFound', message: 'Plan nope not found', upstream: { name: 'sdk', status: 404 } })
    const before = t.calls.length
    expect((await t.viewer.request(`/api/services/${kafka}/plans/bad%20plan`)).status).toBe(400)
    expect((await t.operator.request(`/api/services/${kafka}/plans/deploy/explode`, { method: 'POST' })).status).toBe(400)
    expect((await t.operator.request(`/api/services/${kafka}/plans/deploy/restart?step=kafka-0:[broker]`, { method: 'POST' })).status).toBe(400)
    expect((await t.operator.request(`/api/services/${kafka}/plans/deploy/start`, { method: 'POST', json: { 'bad-name': 'x' } })).status).toBe(400)
    expect(t.calls.length).toBe(before)
  })

  it('forbids viewers to drive plans', async () => {
    const before = t.calls.length
    expect((await t.viewer.request(`/api/services/${kafka}/plans/deploy/interrupt`, { method: 'POST' })).status).toBe(403)
    expect(t.calls.length).toBe(before)
  })

  it('restarts a step, interrupts and continues the plan, force-completes, and reports already-applied commands', async () => {
    const restart = await t.operator.request(`/api/services/${kafka}/plans/deploy/restart?phase=broker&step=${encodeURIComponent('kafka-1:[broker]')}`, { method: 'POST' })
    expect(restart.status).toBe(200)
    expect(await restart.json()).toEqual({ message: 'Received cmd: restart for Plan: deploy, Phase: broker, Step: kafka-1:[broker]', changed: true })
    const p = await deploy()
    expect(p.status).not.toBe('COMPLETE')
    expect(p.phases[0].steps[1].status).toBe('PENDING')
    expect(p.progress).toEqual({ completeSteps: 2, totalSteps: 3 })

    const interrupt = await t.operator.request(`/api/services/${kafka}/plans/deploy/interrupt`, { method: 'POST' })
    expect(await interrupt.json()).toEqual({ message: 'Received cmd: interrupt', changed: true })
    expect((await deploy()).status).toBe('WAITING')
    const again = await t.operator.request(`/api/services/${kafka}/plans/deploy/interrupt`, { method: 'POST' })
    expect(again.status).toBe(200)
    expect(await again.json()).toEqual({ message: 'Command has already been reported or completed', changed: false })
    expect((await (await t.operator.request(`/api/services/${kafka}/plans/deploy/continue`, { method: 'POST' })).json()).changed).toBe(true)

    const force = await t.operator.request(`/api/services/${kafka}/plans/deploy/forceComplete?phase=broker`, { method: 'POST' })
    expect(force.status).toBe(200)
    expect((await deploy()).status).toBe('COMPLETE')
    const unknownPhase = await t.operator.request(`/api/services/${kafka}/plans/deploy/forceComplete?phase=nope`, { method: 'POST' })
    expect(unknownPhase.status).toBe(404)
    expect((await unknownPhase.json()).error.message).toBe('Phase nope not found')
  })
})
