/**
 * Drain / deactivate / reactivate for one agent. Hidden for roles without `nodes:maintain`
 * (operators and viewers); each action is confirmed because it moves or stops workloads.
 */
import { useState } from 'react'
import type { NodeView } from '@meridian/api'
import { useCan } from '#shared/session/session-context.tsx'
import { Button } from '#shared/ui/button.tsx'
import { ConfirmDialog } from '#shared/ui/confirm-dialog.tsx'
import { NODE_ACTION_LABEL, useNodeMaintenance, type NodeAction } from '../api/node-maintenance.ts'

const EXPLAIN: Record<NodeAction, string> = {
  drain: 'Mesos kills every task on this agent (after the grace period) and sends it no new offers. Schedulers relaunch the tasks elsewhere.',
  deactivate: 'The agent keeps its running tasks but receives no new offers, so nothing new is scheduled here.',
  reactivate: 'The agent leaves maintenance and offers its resources to frameworks again.',
}

/** Which actions make sense in each health state (Mesos rejects the others). */
export function availableNodeActions(node: Pick<NodeView, 'health'>): NodeAction[] {
  switch (node.health) {
    case 'active':
      return ['drain', 'deactivate']
    case 'deactivated':
    case 'draining':
      return ['reactivate']
    default:
      return []
  }
}

export function NodeActions({ node }: { node: NodeView }) {
  const allowed = useCan('nodes:maintain')
  const mutation = useNodeMaintenance(node.id, node.hostname)
  const [pending, setPending] = useState<NodeAction | null>(null)
  const [grace, setGrace] = useState('')
  if (!allowed) return null
  const actions = availableNodeActions(node)
  const confirm = () => {
    if (!pending) return
    const seconds = Number(grace)
    mutation.mutate(
      { action: pending, ...(pending === 'drain' && grace !== '' && Number.isInteger(seconds) ? { drain: { maxGracePeriodSeconds: seconds } } : {}) },
      { onSettled: () => setPending(null) },
    )
  }
  return (
    <>
      {actions.map((a) => (
        <Button key={a} variant={a === 'reactivate' ? 'primary' : a === 'drain' ? 'danger' : 'secondary'} onClick={() => setPending(a)} disabled={mutation.isPending}>
          {NODE_ACTION_LABEL[a]}
        </Button>
      ))}
      {pending && (
        <ConfirmDialog
          title={`${NODE_ACTION_LABEL[pending]} ${node.hostname}?`}
          confirmLabel={NODE_ACTION_LABEL[pending]}
          tone={pending === 'reactivate' ? 'primary' : 'danger'}
          pending={mutation.isPending}
          onCancel={() => setPending(null)}
          onConfirm={confirm}
        >
          <p style={{ margin: 0 }}>{EXPLAIN[pending]}</p>
          {pending === 'drain' && (
            <label className="field">
              <span className="field-label">Grace period (seconds, optional)</span>
              <input className="input" type="number" min={0} value={grace} onChange={(e) => setGrace(e.target.value)} />
            </label>
          )}
        </ConfirmDialog>
      )}
    </>
  )
}
