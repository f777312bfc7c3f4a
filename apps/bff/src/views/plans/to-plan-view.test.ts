import { describe, expect, it } from 'vitest'
import type { SdkPlan } from '../../upstreams/sdk/index.ts'
import { planFingerprint, sdkServiceRef, stepMessage, summarizePlans, toPlanView } from './to-plan-view.ts'

/** Real-shaped dcos-commons plan JSON (GET /v1/plans/deploy, HTTP 202). */
const deploy: SdkPlan = {
  phases: [
    {
      id: 'a10d3b4d-95fa-4b0c-941d-536363b7b357',
      name: 'broker',
      steps: [
        { id: '66d2', status: 'COMPLETE', name: 'kafka-0:[broker]', message: "'kafka-0:[broker] [66d2]' has status: 'COMPLETE'." },
        { id: '8eb4', status: 'STARTING', name: 'kafka-1:[broker]', message: '' },
        { id: '238d', status: 'PAUSED', name: 'kafka-2:[broker]', message: '' },
      ],
      strategy: 'serial',
      status: 'IN_PROGRESS',
    },
  ],
  errors: [],
  strategy: 'serial',
  status: 'IN_PROGRESS',
}

describe('plan views', () => {
  it('maps phases and steps (incl. display statuses) with progress', () => {
    const v = toPlanView('/kafka', 'deploy', deploy)
    expect(v).toMatchObject({ service: '/kafka', name: 'deploy', status: 'IN_PROGRESS', progress: { completeSteps: 1, totalSteps: 3 } })
    expect(v.phases[0]!.steps.map((s) => s.status)).toEqual(['COMPLETE', 'STARTING', 'PAUSED'])
    expect(toPlanView('/kafka', 'recovery', { phases: [], errors: [], strategy: 'parallel', status: 'COMPLETE' }).progress).toEqual({ completeSteps: 0, totalSteps: 0 })
  })

  it('drops the default step description of the scheduler and keeps real messages', () => {
    expect(stepMessage("com.mesosphere.sdk.scheduler.plan.DeploymentStep: 'kafka-0:[broker] [dc97f74a-5d14-4886-ad10-6e7340650386]' has status: 'COMPLETE'.")).toBe('')
    expect(stepMessage('Failed to launch: insufficient resources')).toBe('Failed to launch: insufficient resources')
    expect(stepMessage(undefined)).toBe('')
  })

  it('finds SDK services by DCOS_PACKAGE_FRAMEWORK_NAME and their /service name', () => {
    expect(sdkServiceRef({ id: '/data/kafka', labels: { DCOS_PACKAGE_FRAMEWORK_NAME: 'data__kafka', DCOS_SERVICE_NAME: 'data/kafka' } })).toEqual({ serviceId: '/data/kafka', serviceName: 'data/kafka', frameworkName: 'data__kafka' })
    expect(sdkServiceRef({ id: '/cassandra', labels: { DCOS_PACKAGE_FRAMEWORK_NAME: 'cassandra' } })!.serviceName).toBe('cassandra')
    expect(sdkServiceRef({ id: '/web', labels: { DCOS_PACKAGE_NAME: 'nginx' } })).toBeNull()
  })

  it('summarizes plans for the dashboard and fingerprints step changes', () => {
    const running = toPlanView('/kafka', 'deploy', deploy)
    const waiting = toPlanView('/cassandra', 'backup-s3', { phases: [], errors: [], strategy: 'serial', status: 'WAITING' })
    const done = toPlanView('/kafka', 'recovery', { phases: [], errors: [], strategy: 'parallel', status: 'COMPLETE' })
    expect(summarizePlans([running, waiting, done])).toEqual({
      total: 3,
      inProgress: 1,
      waiting: 1,
      errors: 0,
      active: [
        { serviceId: '/kafka', plan: 'deploy', status: 'IN_PROGRESS', completeSteps: 1, totalSteps: 3 },
        { serviceId: '/cassandra', plan: 'backup-s3', status: 'WAITING', completeSteps: 0, totalSteps: 0 },
      ],
    })
    const next = structuredClone(deploy)
    next.phases![0]!.steps![1]!.status = 'COMPLETE'
    expect(planFingerprint(toPlanView('/kafka', 'deploy', next))).not.toBe(planFingerprint(running))
  })
})
