import { useState } from 'react';
import { chooseTheme, storedTheme, THEMES, type Theme } from '../../app/theme';

/** Light, dark, or the system's: applied at once and remembered in this browser. */
export function ThemeSettings() {
  const [theme, setTheme] = useState<Theme>(storedTheme);
  return (
    <section aria-labelledby="theme-title">
      <h2 id="theme-title">Theme</h2>
      <fieldset className="field choice-row">
        <legend className="sr-only">Theme</legend>
        {THEMES.map((t) => (
          <label key={t.value} className="choice">
            <input
              type="radio"
              name="theme"
              value={t.value}
              checked={theme === t.value}
              onChange={() => {
                setTheme(t.value);
                chooseTheme(t.value);
              }}
            />{' '}
            {t.label}
          </label>
        ))}
      </fieldset>
      <p className="field-hint">Kept in this browser.</p>
    </section>
  );
}
