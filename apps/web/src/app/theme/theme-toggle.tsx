import { Icon } from '#shared/ui/icons.tsx'
import { useThemeStore } from './theme-store.ts'
import { useAppliedTheme } from './use-applied-theme.ts'

/** Flips between light and dark; the choice is persisted and overrides the OS preference. */
export function ThemeToggle() {
  const theme = useAppliedTheme()
  const themeChosen = useThemeStore((s) => s.themeChosen)
  const next = theme === 'dark' ? 'light' : 'dark'
  return (
    <button type="button" className="icon-btn" aria-label={`Switch to ${next} theme`} title={`Switch to ${next} theme`} onClick={() => themeChosen(next)}>
      <Icon name={theme === 'dark' ? 'sun' : 'moon'} />
    </button>
  )
}
