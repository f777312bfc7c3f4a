/**
 * Static facts about the emulated master build and its flags, shared by `/version`,
 * `/master/state`, GET_VERSION, GET_FLAGS and GET_MASTER.
 */
import type { MesosMaster } from '../state/master.ts'
import { MESOS_VERSION } from '../state/master.ts'

export const BUILD = {
  version: MESOS_VERSION,
  build_date: '2020-11-19 10:42:55',
  build_time: 1605782575,
  build_user: 'dcos',
  git_sha: 'e8a9ea9e2d6e9d53a1f4e5b1e0d7a52d4d6a8c11',
  git_tag: MESOS_VERSION,
} as const

/** The master's flags as `{name: stringValue}` (what `/master/state` and GET_FLAGS show). */
export function masterFlags(master: MesosMaster): Record<string, string> {
  return {
    agent_ping_timeout: '15secs',
    agent_reregister_timeout: '10mins',
    allocation_interval: '1secs',
    allocator: 'hierarchical',
    authenticate_agents: 'false',
    authenticate_frameworks: 'false',
    authenticate_http_frameworks: 'false',
    authenticate_http_readonly: 'false',
    authenticate_http_readwrite: 'false',
    cluster: master.clusterName,
    framework_sorter: 'drf',
    hostname: master.hostname,
    hostname_lookup: 'false',
    ip: master.ip,
    log_dir: '/var/log/mesos',
    logging_level: 'INFO',
    max_agent_ping_timeouts: '20',
    max_completed_frameworks: '50',
    max_completed_tasks_per_framework: '1000',
    port: '5050',
    quorum: '1',
    recovery_agent_removal_limit: '100%',
    registry: 'replicated_log',
    roles: 'slave_public',
    weights: '',
    work_dir: '/var/lib/dcos/mesos/master',
    zk_session_timeout: '10secs',
  }
}

/** MasterInfo.ip is a uint32 in network byte order (MESOS-1201), i.e. the bytes read little-endian. */
export function ipToNetworkOrderUint32(ip: string): number {
  const [a = 0, b = 0, c = 0, d = 0] = ip.split('.').map(Number)
  return ((d << 24) >>> 0) + (c << 16) + (b << 8) + a
}
