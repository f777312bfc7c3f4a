import { describe, expect, it } from 'vitest'
import { toClusterInfo } from './to-cluster-info.ts'

// Shapes as Mesos 1.11 answers GET_MASTER and GET_FLAGS (operator API v1, JSON).
const getMaster = {
  master_info: { id: 'b1f6c2a4-0000-4000-8000-000000000001', ip: 16777226, port: 5050, pid: 'master@10.0.0.1:5050', hostname: 'master.mesos', version: '1.11.0', address: { hostname: 'master.mesos', ip: '10.0.0.1', port: 5050 } },
  start_time: 1764072000.123,
  elected_time: 1764072001.5,
}

describe('toClusterInfo', () => {
  it('names the cluster by its --cluster flag and reports version and leader', () => {
    const v = toClusterInfo(getMaster, { flags: [{ name: 'authenticate_agents', value: 'false' }, { name: 'cluster', value: 'prod-east' }] }, 'cluster')
    expect(v).toEqual({
      name: 'prod-east',
      named: true,
      mode: 'cluster',
      mesos: { version: '1.11.0', leader: { id: 'b1f6c2a4-0000-4000-8000-000000000001', hostname: 'master.mesos', pid: 'master@10.0.0.1:5050', electedAt: '2025-11-25T12:00:01.500Z' } },
    })
  })

  it('falls back to the leader hostname when the flag is unset (Mesos then omits it)', () => {
    const v = toClusterInfo(getMaster, { flags: [{ name: 'quorum', value: '1' }] }, 'demo')
    expect(v).toMatchObject({ name: 'master.mesos', named: false, mode: 'demo' })
    expect(toClusterInfo({}, {}, 'demo')).toMatchObject({ name: 'Unnamed cluster', named: false, mesos: { version: null, leader: { hostname: null, electedAt: null } } })
  })
})
