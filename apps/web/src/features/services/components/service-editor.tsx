/**
 * Create/edit a service with a form for the common fields and a JSON editor for everything;
 * both edit the same definition, so switching never loses edits. Server 422 details map to
 * the matching form fields.
 */
import { useState } from 'react'
import { Button } from '#shared/ui/button.tsx'
import { FormErrors } from '#shared/ui/form-errors.tsx'
import { Modal } from '#shared/ui/modal.tsx'
import { TextField } from '#shared/ui/text-field.tsx'
import { parseDefinitionJson, readCommon, validateCommon, writeCommon, type AppDefinition, type CommonFields } from '../model/app-definition-form.ts'

const FIELDS: Array<{ key: keyof CommonFields; label: string; help: string; type?: string }> = [
  { key: 'id', label: 'Service ID', help: 'Absolute path, e.g. /prod/web' },
  { key: 'instances', label: 'Instances', help: 'How many tasks to run', type: 'number' },
  { key: 'cpus', label: 'CPUs', help: 'Per instance (fractions allowed)', type: 'number' },
  { key: 'mem', label: 'Memory (MiB)', help: 'Per instance', type: 'number' },
  { key: 'disk', label: 'Disk (MiB)', help: 'Per instance', type: 'number' },
  { key: 'image', label: 'Container image', help: 'Docker image; leave empty for a plain command' },
  { key: 'cmd', label: 'Command', help: 'Shell command run in the sandbox' },
]

export function ServiceEditor({
  title,
  initial,
  submitLabel,
  pending,
  serverErrors,
  serverMessage,
  onSubmit,
  onClose,
}: {
  title: string
  initial: AppDefinition
  submitLabel: string
  pending: boolean
  serverErrors: Record<string, string>
  /** the server's message when the last submit was refused */
  serverMessage?: string | null | undefined
  onSubmit: (d: AppDefinition) => void
  onClose: () => void
}) {
  const [mode, setMode] = useState<'form' | 'json'>('form')
  const [def, setDef] = useState<AppDefinition>(initial)
  const [text, setText] = useState(() => JSON.stringify(initial, null, 2))
  const [jsonError, setJsonError] = useState<string | null>(null)
  const [touched, setTouched] = useState(false)
  const errors = { ...(touched ? validateCommon(def) : {}), ...serverErrors }
  const fields = readCommon(def)

  const toJson = () => {
    setText(JSON.stringify(def, null, 2))
    setMode('json')
  }
  const toForm = () => {
    const r = parseDefinitionJson(text)
    if (!r.ok) return setJsonError(r.error)
    setJsonError(null)
    setDef(r.value)
    setMode('form')
  }
  const submit = () => {
    setTouched(true)
    let current = def
    if (mode === 'json') {
      const r = parseDefinitionJson(text)
      if (!r.ok) return setJsonError(r.error)
      setJsonError(null)
      current = r.value
      setDef(current)
    }
    if (Object.keys(validateCommon(current)).length === 0) onSubmit(current)
  }
  return (
    <Modal
      title={title}
      wide
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" onClick={submit} disabled={pending}>
            {pending ? 'Deploying…' : submitLabel}
          </Button>
        </>
      }
    >
      <div className="segmented" role="group" aria-label="Editor mode">
        <button type="button" aria-pressed={mode === 'form'} onClick={toForm}>
          Form
        </button>
        <button type="button" aria-pressed={mode === 'json'} onClick={toJson}>
          JSON
        </button>
      </div>
      {mode === 'form' ? (
        <div className="form-grid">
          {FIELDS.map((f) => {
            const err = errors[`/${f.key}`] ?? (f.key === 'image' ? errors['/container/docker/image'] : undefined)
            return (
              <TextField
                key={f.key}
                id={`field-${f.key}`}
                label={f.label}
                type={f.type ?? 'text'}
                value={fields[f.key]}
                error={err}
                help={f.help}
                onChange={(v) => setDef((d) => writeCommon(d, f.key, v))}
              />
            )
          })}
        </div>
      ) : (
        <label className="field">
          <span className="field-label">App definition (JSON)</span>
          <textarea className="textarea" spellCheck={false} value={text} aria-invalid={jsonError ? true : undefined} onChange={(e) => setText(e.target.value)} />
          {jsonError && (
            <span className="field-error" role="alert">
              {jsonError}
            </span>
          )}
        </label>
      )}
      {/* In JSON mode no field shows its error, so all are listed; the server's message always is. */}
      <FormErrors message={serverMessage} errors={mode === 'json' ? errors : serverErrors} shown={(path) => mode === 'form' && FIELDS.some((f) => `/${f.key}` === path || (f.key === 'image' && path === '/container/docker/image'))} />
    </Modal>
  )
}
