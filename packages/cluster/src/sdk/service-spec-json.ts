/**
 * ServiceSpec as `/v1/configurations/*` renders it (dcos-commons DefaultServiceSpec JSON,
 * reduced to the fields the emulation models).
 */
import type { ServiceSpec } from './service-spec.ts'

export function renderServiceSpec(spec: ServiceSpec): Record<string, unknown> {
  return {
    name: spec.name,
    role: spec.role,
    principal: spec.principal,
    user: spec.user,
    goal: 'RUNNING',
    region: null,
    web_url: null,
    zookeeper: 'master.mesos:2181',
    pod_specs: spec.pods.map((p) => ({
      type: p.type,
      user: spec.user,
      count: p.count,
      placement_rule: p.uniqueHost ? { '@type': 'MaxPerHostnameRule', max: 1 } : null,
      task_specs: p.tasks.map((t) => ({
        name: t.name,
        goal: t.goal,
        resource_set: {
          id: `${t.name}-resource-set`,
          resource_specifications: [
            { '@type': 'DefaultResourceSpec', name: 'cpus', value: { type: 'SCALAR', scalar: { value: t.cpus } }, role: spec.role, principal: spec.principal },
            { '@type': 'DefaultResourceSpec', name: 'mem', value: { type: 'SCALAR', scalar: { value: t.mem } }, role: spec.role, principal: spec.principal },
            ...t.ports.map((port) => ({ '@type': 'PortSpec', name: 'ports', port_name: port.name, port: port.port, role: spec.role, principal: spec.principal })),
          ],
          volume_specifications: p.diskMb > 0 ? [{ '@type': 'DefaultVolumeSpec', type: 'ROOT', container_path: p.volumePath, name: 'disk', value: { type: 'SCALAR', scalar: { value: p.diskMb } } }] : [],
        },
      })),
    })),
    replacement_failure_policy: null,
  }
}
