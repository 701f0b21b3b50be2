import type { CSSProperties } from 'react';
import { themeVariables, type ThemeVariable } from './sources';

/** What a variable's swatch shows, from what its name says it is. */
function swatchStyle(name: string): { style: CSSProperties; text?: string } {
  const value = `var(${name})`;
  if (name.includes('shadow'))
    return { style: { boxShadow: value, inlineSize: '3rem', blockSize: '2rem', background: 'var(--fpas-color-bg)' } };
  if (name.includes('color'))
    return { style: { background: value, inlineSize: '3rem', blockSize: '2rem', border: '1px solid var(--fpas-color-border)' } };
  if (name.includes('radius'))
    return { style: { borderRadius: value, inlineSize: '3rem', blockSize: '2rem', border: '2px solid var(--fpas-color-text)' } };
  if (name.includes('space')) return { style: { inlineSize: value, blockSize: '1rem', background: 'var(--fpas-color-accent)' } };
  if (name.includes('font-size')) return { style: { fontSize: value }, text: 'Aa' };
  if (name.includes('line-height'))
    return { style: { lineHeight: value, fontSize: '0.75rem', inlineSize: '4rem' }, text: 'Two lines of text' };
  return { style: { fontFamily: value }, text: 'Aa' };
}

function Swatch({ variable, theme }: { variable: ThemeVariable; theme: 'light' | 'dark' }) {
  const { style, text } = swatchStyle(variable.name);
  return (
    <div
      className="fpas-theme"
      data-theme={theme}
      style={{ background: 'var(--fpas-color-bg)', padding: '0.5rem', borderRadius: '0.5rem' }}
    >
      <div style={style} data-variable={variable.name}>
        {text}
      </div>
    </div>
  );
}

/** Every custom property of src/styles.css, read from it at build time, with a live swatch in each theme. */
export function ThemeTokens() {
  return (
    <table data-slot="theme-variables">
      <caption>Custom properties of @firstparty/active-sessions/styles.css ({themeVariables.length})</caption>
      <thead>
        <tr>
          <th scope="col">Variable</th>
          <th scope="col">Light</th>
          <th scope="col">Dark</th>
        </tr>
      </thead>
      <tbody>
        {themeVariables.map((variable) => (
          <tr key={variable.name}>
            <th scope="row">
              <code>{variable.name}</code>
            </th>
            <td>
              <Swatch variable={variable} theme="light" />
              <code>{variable.light}</code>
            </td>
            <td>
              <Swatch variable={variable} theme="dark" />
              <code>{variable.dark ?? 'same as light'}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
