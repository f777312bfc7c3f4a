/** Real-shaped NodeView fixtures (as GET /api/nodes returns them) for component and model tests. */
import type { NodeDetailView, NodeView } from '@meridian/api'

export function makeNode(i: number, patch: Partial<NodeView> = {}): NodeView {
  return {
    id: `5a3f0c1e-8d2b-4c6e-9f10-2b7d3e4a5c6d-S${i}`,
    hostname: `agent-${String(i).padStart(4, '0')}.dc1.internal`,
    ip: `10.0.${Math.floor(i / 250)}.${(i % 250) + 2}`,
    region: 'us-east-1',
    zone: `us-east-1${'abc'[i % 3]}`,
    public: i % 10 === 0,
    health: 'active',
    maintenance: 'none',
    allocated: { cpus: 2, mem: 4096, disk: 10_240, gpus: 0 },
    total: { cpus: 8, mem: 32_768, disk: 102_400, gpus: 0 },
    tasksByState: { TASK_RUNNING: 3 },
    registeredAt: 1_764_000_000_000,
    version: '1.12.0',
    attributes: { rack: `r${i % 4}` },
    ...patch,
  }
}

export function makeNodeDetail(i: number, patch: Partial<NodeDetailView> = {}): NodeDetailView {
  const node = makeNode(i)
  return {
    ...node,
    tasks: [
      {
        id: 'web.instance-0b3c5a2e-7d1f-11ef-9b2a-0242ac110002._app.1',
        name: 'web',
        frameworkId: '5a3f0c1e-8d2b-4c6e-9f10-2b7d3e4a5c6d-0001',
        frameworkName: 'marathon',
        state: 'TASK_RUNNING',
        healthy: true,
        resources: { cpus: 1, mem: 2048, disk: 0, gpus: 0 },
        updatedAt: 1_764_000_100_000,
      },
      {
        id: 'nightly-backup_20261125120000abcde.2f1c',
        name: 'nightly-backup',
        frameworkId: '5a3f0c1e-8d2b-4c6e-9f10-2b7d3e4a5c6d-0002',
        frameworkName: 'metronome',
        state: 'TASK_FAILED',
        healthy: null,
        resources: { cpus: 0.5, mem: 512, disk: 0, gpus: 0 },
        updatedAt: 1_764_000_200_000,
      },
    ],
    moreTasks: 0,
    ...patch,
  }
}
