import { useState, type ReactNode } from 'react'
import { Button } from './button.tsx'
import { Modal } from './modal.tsx'

/**
 * Confirmation for destructive or disruptive actions. With `typeToConfirm`, the confirm button
 * stays disabled until the exact name is typed (as DC/OS UI does for destroying a service).
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  tone = 'danger',
  typeToConfirm,
  pending = false,
  onConfirm,
  onCancel,
}: {
  title: string
  children: ReactNode
  confirmLabel: string
  tone?: 'danger' | 'primary'
  typeToConfirm?: string
  pending?: boolean
  onConfirm: () => void
  onCancel: () => void
}) {
  const [typed, setTyped] = useState('')
  const ready = !typeToConfirm || typed === typeToConfirm
  return (
    <Modal
      title={title}
      onClose={onCancel}
      footer={
        <>
          <Button onClick={onCancel}>Cancel</Button>
          <Button variant={tone} disabled={!ready || pending} onClick={onConfirm} data-autofocus={typeToConfirm ? undefined : true}>
            {pending ? 'Working…' : confirmLabel}
          </Button>
        </>
      }
    >
      <div className="confirm-body">{children}</div>
      {typeToConfirm && (
        <label className="field">
          <span className="field-label">
            Type <strong>{typeToConfirm}</strong> to confirm
          </span>
          <input className="input" value={typed} onChange={(e) => setTyped(e.target.value)} data-autofocus autoComplete="off" />
        </label>
      )}
    </Modal>
  )
}
