/** Create/edit a job: common fields with a live cron preview, or the whole JobSpec as JSON. */
import { useState } from 'react'
import { Button } from '#shared/ui/button.tsx'
import { FormErrors } from '#shared/ui/form-errors.tsx'
import { Modal } from '#shared/ui/modal.tsx'
import { TextField } from '#shared/ui/text-field.tsx'
import { describeCron } from '../model/cron-schedule.ts'
import { readJob, validateJob, writeJob, type JobFields, type JobSpec } from '../model/job-spec-form.ts'

const FIELDS: Array<{ key: keyof JobFields; label: string; path: string; type?: string }> = [
  { key: 'id', label: 'Job ID', path: '/id' },
  { key: 'description', label: 'Description', path: '/description' },
  { key: 'cmd', label: 'Command', path: '/run/cmd' },
  { key: 'cpus', label: 'CPUs', path: '/run/cpus', type: 'number' },
  { key: 'mem', label: 'Memory (MiB)', path: '/run/mem', type: 'number' },
  { key: 'cron', label: 'Schedule (cron, UTC)', path: '/schedules/0/cron' },
]

export function JobEditor({
  title,
  initial,
  idLocked = false,
  pending,
  serverErrors,
  serverMessage,
  onSubmit,
  onClose,
}: {
  title: string
  initial: JobSpec
  idLocked?: boolean
  pending: boolean
  serverErrors: Record<string, string>
  /** the server's message when the last save was refused */
  serverMessage?: string | null | undefined
  onSubmit: (s: JobSpec) => void
  onClose: () => void
}) {
  const [spec, setSpec] = useState<JobSpec>(initial)
  const [text, setText] = useState<string | null>(null)
  const [jsonError, setJsonError] = useState<string | null>(null)
  const [touched, setTouched] = useState(false)
  const fields = readJob(spec)
  const errors = { ...(touched ? validateJob(spec) : {}), ...serverErrors }
  const cron = fields.cron ? describeCron(fields.cron) : null

  const parse = (): JobSpec | null => {
    if (text === null) return spec
    try {
      const v = JSON.parse(text) as unknown
      if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('The job must be a JSON object')
      setJsonError(null)
      setSpec(v as JobSpec)
      return v as JobSpec
    } catch (e) {
      setJsonError(e instanceof Error ? e.message : 'Invalid JSON')
      return null
    }
  }
  const submit = () => {
    setTouched(true)
    const s = parse()
    if (s && Object.keys(validateJob(s)).length === 0) onSubmit(s)
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
            {pending ? 'Saving…' : 'Save job'}
          </Button>
        </>
      }
    >
      <div className="segmented" role="group" aria-label="Editor mode">
        <button type="button" aria-pressed={text === null} onClick={() => parse() && setText(null)}>
          Form
        </button>
        <button type="button" aria-pressed={text !== null} onClick={() => setText(JSON.stringify(spec, null, 2))}>
          JSON
        </button>
      </div>
      {text === null ? (
        <div className="form-grid">
          {FIELDS.map((f) => {
            const err = errors[f.path]
            const help = f.key === 'cron' ? (cron?.ok ? cron.description : fields.cron ? '' : 'Leave empty to run only on demand') : ''
            return (
              <TextField
                key={f.key}
                id={`job-${f.key}`}
                label={f.label}
                type={f.type ?? 'text'}
                value={fields[f.key]}
                disabled={f.key === 'id' && idLocked}
                error={err ?? (f.key === 'cron' && cron && !cron.ok ? cron.error : undefined)}
                help={help}
                live={f.key === 'cron'}
                onChange={(v) => setSpec((s) => writeJob(s, f.key, v))}
              />
            )
          })}
        </div>
      ) : (
        <label className="field">
          <span className="field-label">Job definition (JSON)</span>
          <textarea className="textarea" spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} aria-invalid={jsonError ? true : undefined} />
          {jsonError && (
            <span className="field-error" role="alert">
              {jsonError}
            </span>
          )}
        </label>
      )}
      {/* In JSON mode no field shows its error, so all are listed; the server's message always is. */}
      <FormErrors message={serverMessage} errors={text === null ? serverErrors : errors} shown={(path) => text === null && FIELDS.some((f) => f.path === path)} />
    </Modal>
  )
}
