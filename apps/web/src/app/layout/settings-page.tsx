import { RepositoriesPanel } from '#features/catalog/components/repositories-panel.tsx'
import { PageHeader } from '#shared/ui/page-header.tsx'
import { useThemeStore, type ThemeChoice } from '../theme/theme-store.ts'

const CHOICES: Array<{ id: ThemeChoice; label: string }> = [
  { id: 'system', label: 'Match system' },
  { id: 'light', label: 'Light' },
  { id: 'dark', label: 'Dark' },
]

export function SettingsPage() {
  const choice = useThemeStore((s) => s.choice)
  const themeChosen = useThemeStore((s) => s.themeChosen)
  return (
    <>
      <PageHeader title="Settings" subtitle="Console preferences" />
      <section className="card card-pad" aria-labelledby="appearance-h" style={{ maxWidth: 560 }}>
        <h2 id="appearance-h" className="card-title">
          Appearance
        </h2>
        <fieldset className="plain-fieldset">
          <legend className="field-label">Theme</legend>
          <div className="segmented">
            {CHOICES.map((c) => (
              <button key={c.id} type="button" aria-pressed={choice === c.id} onClick={() => themeChosen(c.id)}>
                {c.label}
              </button>
            ))}
          </div>
        </fieldset>
      </section>
      <div style={{ maxWidth: 760, marginTop: 16 }}>
        <RepositoriesPanel />
      </div>
    </>
  )
}
