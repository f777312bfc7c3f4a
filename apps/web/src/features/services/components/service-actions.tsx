/** The action bar of a service: scale, restart, suspend/resume, edit, destroy (confirmed). */
import { useState } from 'react'
import type { ServiceDetailView } from '@meridian/api'
import { useCan } from '#shared/session/session-context.tsx'
import { Button } from '#shared/ui/button.tsx'
import { ConfirmDialog } from '#shared/ui/confirm-dialog.tsx'
import { FormErrors } from '#shared/ui/form-errors.tsx'
import { Modal } from '#shared/ui/modal.tsx'
import { useNavigate } from 'react-router'
import { useServiceCommand } from '../api/service-mutations.ts'
import { ServiceEditor } from './service-editor.tsx'

type Dialog = 'scale' | 'restart' | 'suspend' | 'destroy' | 'edit' | null

export function ServiceActions({ service }: { service: ServiceDetailView }) {
  const canWrite = useCan('services:write')
  const canDestroy = useCan('services:destroy')
  const cmd = useServiceCommand(service.id)
  const navigate = useNavigate()
  const [dialog, setDialog] = useState<Dialog>(null)
  const [instances, setInstances] = useState(String(service.instances))
  if (!canWrite) return null
  const close = () => setDialog(null)
  // A dialog shows only the outcome of its own attempt, not an earlier action's error.
  const open = (d: Exclude<Dialog, null>) => {
    cmd.reset()
    if (d === 'scale') setInstances(String(service.instances))
    setDialog(d)
  }
  const suspended = service.instances === 0
  return (
    <>
      <Button onClick={() => open('scale')}>Scale</Button>
      <Button onClick={() => open('restart')}>Restart</Button>
      {suspended ? (
        <Button onClick={() => cmd.mutate({ kind: 'resume' })}>Resume</Button>
      ) : (
        <Button onClick={() => open('suspend')}>Suspend</Button>
      )}
      <Button onClick={() => open('edit')}>Edit</Button>
      {canDestroy && (
        <Button variant="danger" onClick={() => open('destroy')}>
          Destroy
        </Button>
      )}
      {dialog === 'scale' && (
        <Modal
          title={`Scale ${service.id}`}
          onClose={close}
          footer={
            <>
              <Button onClick={close}>Cancel</Button>
              <Button
                variant="primary"
                disabled={!/^\d+$/.test(instances)}
                onClick={() => cmd.mutate({ kind: 'scale', instances: Number(instances) }, { onSuccess: close })}
              >
                Scale
              </Button>
            </>
          }
        >
          <div className="field">
            <label className="field-label" htmlFor="scale-instances">
              Instances
            </label>
            <input
              id="scale-instances"
              className="input"
              type="number"
              min={0}
              value={instances}
              onChange={(e) => setInstances(e.target.value)}
              aria-invalid={/^\d+$/.test(instances) ? undefined : true}
              aria-describedby="scale-help"
              data-autofocus
            />
            <span id="scale-help" className={/^\d+$/.test(instances) ? 'field-help' : 'field-error'}>
              A whole number of instances, 0 or more (0 suspends the service).
            </span>
          </div>
          <FormErrors message={cmd.error?.message} />
        </Modal>
      )}
      {dialog === 'restart' && (
        <ConfirmDialog title={`Restart ${service.id}?`} confirmLabel="Restart" tone="primary" pending={cmd.isPending} onCancel={close} onConfirm={() => cmd.mutate({ kind: 'restart' }, { onSettled: close })}>
          Marathon replaces every task following the upgrade strategy.
        </ConfirmDialog>
      )}
      {dialog === 'suspend' && (
        <ConfirmDialog title={`Suspend ${service.id}?`} confirmLabel="Suspend" pending={cmd.isPending} onCancel={close} onConfirm={() => cmd.mutate({ kind: 'suspend' }, { onSettled: close })}>
          All {service.instances} instances are stopped (scaled to 0). The definition stays, so you can resume later.
        </ConfirmDialog>
      )}
      {dialog === 'destroy' && (
        <ConfirmDialog
          title={`Destroy ${service.id}?`}
          confirmLabel="Destroy service"
          typeToConfirm={service.name}
          pending={cmd.isPending}
          onCancel={close}
          onConfirm={() =>
            // Not mutate()'s per-call callbacks: a live update can refetch the destroyed app (404)
            // first, and the error view then unmounts this bar, which drops those callbacks.
            void cmd.mutateAsync({ kind: 'destroy' }).then(
              () => navigate('/services'),
              () => close(),
            )
          }
        >
          This kills all tasks and deletes the service and its configuration history. It cannot be undone.
        </ConfirmDialog>
      )}
      {dialog === 'edit' && (
        <ServiceEditor
          title={`Edit ${service.id}`}
          initial={service.definition}
          submitLabel="Deploy changes"
          pending={cmd.isPending}
          serverErrors={cmd.error?.details ?? {}}
          serverMessage={cmd.error?.message}
          onClose={close}
          onSubmit={(definition) => cmd.mutate({ kind: 'edit', definition }, { onSuccess: close })}
        />
      )}
    </>
  )
}
