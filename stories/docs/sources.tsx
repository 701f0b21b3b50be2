import type { ReactNode } from 'react';
import { Canvas, Markdown } from '@storybook/addon-docs/blocks';
import type { StoryObj } from '@storybook/react-vite';
import rulesText from '../../docs/rules.md?raw';
import localizationText from '../../docs/localization.md?raw';
import stylesheet from '../../src/styles.css?raw';

/** One rule of docs/rules.md: its number, its name and its text, as the file states them. */
export type Rule = { id: string; name: string; text: string };

/** Reads the rules B1–B17 from docs/rules.md, the one place they are written. */
export function parseRules(markdown: string): Rule[] {
  return markdown
    .split(/^## /m)
    .slice(1)
    .map((chunk) => {
      const [heading = '', ...body] = chunk.split('\n');
      const [, id = '', name = ''] = /^(B\d+) (.+)$/.exec(heading.trim()) ?? [];
      return { id, name, text: body.join('\n').trim() };
    })
    .filter((rule) => rule.id);
}

export const rules = parseRules(rulesText);

/** A rule in plain words, beside the live story that shows it. */
export function RuleWithStory({ id, of }: { id: string; of: StoryObj }) {
  const rule = rules.find((candidate) => candidate.id === id);
  if (!rule) throw new Error(`docs/rules.md has no rule ${id}.`);
  return (
    <>
      <h3 id={`rule-${rule.id.toLowerCase()}`}>
        {rule.id} {rule.name}
      </h3>
      <Markdown>{rule.text}</Markdown>
      <Canvas of={of} sourceState="none" />
    </>
  );
}

/** docs/localization.md without its links into the repository, which Storybook does not serve. */
export function LocalizationGuide(): ReactNode {
  const withoutRepoLinks = localizationText.replace(/\[([^\]]+)\]\((?:\.\.\/|\.\/)[^)]+\)/g, '$1');
  return <Markdown>{withoutRepoLinks}</Markdown>;
}

/** A custom property of src/styles.css, with its value in the light theme and, when it differs, the dark one. */
export type ThemeVariable = { name: string; light: string; dark: string | undefined };

/** Every `--fpas-*` custom property the stylesheet declares, read from the file at build time. */
export function parseThemeVariables(css: string): ThemeVariable[] {
  const block = (selector: RegExp) => {
    const start = css.search(selector);
    if (start < 0) return new Map<string, string>();
    const body = css.slice(css.indexOf('{', start) + 1, css.indexOf('}', start));
    return new Map([...body.matchAll(/(--fpas-[a-z0-9-]+)\s*:\s*([^;]+);/g)].map(([, name = '', value = '']) => [name, value.trim()]));
  };
  const light = block(/^\.fpas-theme \{/m);
  const dark = block(/^\[data-theme='dark'\] \.fpas-theme,/m);
  const declared = new Set([...css.matchAll(/(--fpas-[a-z0-9-]+)\s*:/g)].map(([, name = '']) => name));
  return [...declared].map((name) => ({ name, light: light.get(name) ?? '', dark: dark.get(name) }));
}

export const themeVariables = parseThemeVariables(stylesheet);
