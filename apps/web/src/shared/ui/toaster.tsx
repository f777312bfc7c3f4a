import { useEffect } from 'react'
import { useToastStore, type Toast } from './toast-store.ts'
import { Icon } from './icons.tsx'

const AUTO_DISMISS_MS = 6000

function ToastItem({ t }: { t: Toast }) {
  const dismiss = useToastStore((s) => s.toastDismissed)
  useEffect(() => {
    if (t.tone === 'progress') return
    const h = setTimeout(() => dismiss(t.id), AUTO_DISMISS_MS)
    return () => clearTimeout(h)
  }, [t.tone, t.id, dismiss])
  return (
    <div className={`toast toast-${t.tone}`} role={t.tone === 'error' ? 'alert' : 'status'}>
      {t.tone === 'progress' ? <span className="spinner" aria-hidden="true" /> : <span className="toast-dot" aria-hidden="true" />}
      <div className="toast-text">
        <strong>{t.title}</strong>
        {t.message && <span>{t.message}</span>}
      </div>
      <button type="button" className="icon-btn" aria-label={`Dismiss ${t.title}`} onClick={() => dismiss(t.id)}>
        <Icon name="close" size={14} />
      </button>
    </div>
  )
}

/** Bottom-right live region for toasts. */
export function Toaster() {
  const toasts = useToastStore((s) => s.toasts)
  return (
    <div className="toaster" aria-live="polite">
      {toasts.map((t) => (
        <ToastItem key={t.id} t={t} />
      ))}
    </div>
  )
}
