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
      dcos: null,
    })
  })

  it('adds the DC/OS release and id when the cluster serves them, either one alone too', () => {
    const version = { version: '2.2.5', 'dcos-variant': 'open', 'dcos-image-commit': 'abc', 'bootstrap-id': 'def' }
    const metadata = { PUBLIC_IPV4: '10.0.5.4', CLUSTER_ID: '7c3b1a9e-2f4d-4e8a-9b6c-1d2e3f4a5b6c' }
    expect(toClusterInfo(getMaster, {}, 'cluster', { version, metadata }).dcos).toEqual({ version: '2.2.5', variant: 'open', clusterId: metadata.CLUSTER_ID, publicIp: '10.0.5.4' })
    expect(toClusterInfo(getMaster, {}, 'cluster', { version }).dcos).toEqual({ version: '2.2.5', variant: 'open', clusterId: null, publicIp: null })
  })

  it('falls back to the leader hostname when the flag is unset (Mesos then omits it)', () => {
    const v = toClusterInfo(getMaster, { flags: [{ name: 'quorum', value: '1' }] }, 'demo')
    expect(v).toMatchObject({ name: 'master.mesos', named: false, mode: 'demo' })
    expect(toClusterInfo({}, {}, 'demo')).toMatchObject({ name: 'Unnamed cluster', named: false, mesos: { version: null, leader: { hostname: null, electedAt: null } } })
  })
})
