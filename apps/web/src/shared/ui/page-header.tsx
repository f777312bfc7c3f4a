import { useEffect, type ReactNode } from 'react'

/**
 * A page's heading; it also names the browser tab (`<docTitle> · Meridian`), so history, tabs and
 * screen readers tell pages apart. `docTitle` defaults to `title` when that is plain text.
 */
export function PageHeader({ title, docTitle, subtitle, actions }: { title: ReactNode; docTitle?: string; subtitle?: ReactNode; actions?: ReactNode }) {
  const name = docTitle ?? (typeof title === 'string' ? title : undefined)
  useEffect(() => {
    if (name) document.title = `${name} · Meridian`
  }, [name])
  return (
    <div className="page-header">
      <div>
        <h1 className="page-title">{title}</h1>
        {subtitle && <p className="page-subtitle">{subtitle}</p>}
      </div>
      {actions && <div className="page-actions">{actions}</div>}
    </div>
  )
}
