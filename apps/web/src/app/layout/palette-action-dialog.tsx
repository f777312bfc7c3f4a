/**
 * The dialog that finishes a palette action once its target is chosen: scale asks for the
 * instance count, restart/run/drain are confirmed (drain as destructive). Each uses the same
 * mutation hook as the page's own button, so toasts and cache refreshes are the same.
 */
import { useState } from 'react'
import { useNodeMaintenance } from '#features/nodes/api/node-maintenance.ts'
import { useServiceCommand } from '#features/services/api/service-mutations.ts'
import { useJobCommand } from '#features/jobs/api/job-mutations.ts'
import { Button } from '#shared/ui/button.tsx'
import { ConfirmDialog } from '#shared/ui/confirm-dialog.tsx'
import { Modal } from '#shared/ui/modal.tsx'

export type PendingPaletteAction =
  | { action: 'scale-service'; service: { id: string; instances: number } }
  | { action: 'restart-service'; service: { id: string; instances: number } }
  | { action: 'run-job'; jobId: string }
  | { action: 'drain-node'; node: { id: string; hostname: string } }

function ScaleService({ service, onDone }: { service: { id: string; instances: number }; onDone: () => void }) {
  const cmd = useServiceCommand(service.id)
  const [instances, setInstances] = useState(String(service.instances))
  const valid = /^\d+$/.test(instances) && Number(instances) <= 10_000
  const submit = () => valid && cmd.mutate({ kind: 'scale', instances: Number(instances) }, { onSuccess: onDone })
  return (
    <Modal
      title={`Scale ${service.id}`}
      onClose={onDone}
      footer={
        <>
          <Button onClick={onDone}>Cancel</Button>
          <Button variant="primary" disabled={!valid || cmd.isPending} onClick={submit}>
            Scale
          </Button>
        </>
      }
    >
      <label className="field">
        <span className="field-label">Instances (now {service.instances})</span>
        <input className="input" type="number" min={0} value={instances} onChange={(e) => setInstances(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && submit()} data-autofocus />
      </label>
    </Modal>
  )
}

function RestartService({ id, onDone }: { id: string; onDone: () => void }) {
  const cmd = useServiceCommand(id)
  return (
    <ConfirmDialog title={`Restart ${id}?`} confirmLabel="Restart" tone="primary" pending={cmd.isPending} onCancel={onDone} onConfirm={() => cmd.mutate({ kind: 'restart' }, { onSettled: onDone })}>
      Marathon replaces every task following the upgrade strategy.
    </ConfirmDialog>
  )
}

function RunJob({ id, onDone }: { id: string; onDone: () => void }) {
  const cmd = useJobCommand(id)
  return (
    <ConfirmDialog title={`Run ${id} now?`} confirmLabel="Run now" tone="primary" pending={cmd.isPending} onCancel={onDone} onConfirm={() => cmd.mutate({ kind: 'run' }, { onSettled: onDone })}>
      Metronome starts a new run of this job immediately, outside its schedule.
    </ConfirmDialog>
  )
}

function DrainNode({ node, onDone }: { node: { id: string; hostname: string }; onDone: () => void }) {
  const m = useNodeMaintenance(node.id, node.hostname)
  return (
    <ConfirmDialog title={`Drain ${node.hostname}?`} confirmLabel="Drain" pending={m.isPending} onCancel={onDone} onConfirm={() => m.mutate({ action: 'drain' }, { onSettled: onDone })}>
      Mesos kills every task on this agent and sends it no new offers. Schedulers relaunch the tasks elsewhere.
    </ConfirmDialog>
  )
}

export function PaletteActionDialog({ pending, onDone }: { pending: PendingPaletteAction; onDone: () => void }) {
  switch (pending.action) {
    case 'scale-service':
      return <ScaleService service={pending.service} onDone={onDone} />
    case 'restart-service':
      return <RestartService id={pending.service.id} onDone={onDone} />
    case 'run-job':
      return <RunJob id={pending.jobId} onDone={onDone} />
    case 'drain-node':
      return <DrainNode node={pending.node} onDone={onDone} />
  }
}
