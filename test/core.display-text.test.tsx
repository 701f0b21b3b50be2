import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { SessionRow, type Session } from '../src';

// B2 + security: how server text reads on a row once cleaned and bounded, seen where the reader sees it
// (the device line of a `SessionRow`, which takes plain props and renders with no network).

function deviceLine(browser: string) {
  const session: Session = { id: 's', isCurrent: false, isTrusted: false, status: 'active', apps: [], device: { browser } };
  const { container } = render(
    <ul>
      <SessionRow session={session} />
    </ul>,
  );
  return container.querySelector('.fpas-row__device')!.textContent;
}

describe('the device line of a row, given long server text', () => {
  it('should show 80 characters whole, even when each takes two UTF-16 units', () => {
    const eighty = '😀'.repeat(80);
    expect(deviceLine(eighty)).toBe(eighty);
  });

  it('should cut 81 characters to 79 and an ellipsis', () => {
    expect(deviceLine('😀'.repeat(81))).toBe(`${'😀'.repeat(79)}…`);
  });

  it('should not leave a space before the ellipsis when the cut falls after a word', () => {
    const name = `${'a'.repeat(78)} ${'b'.repeat(20)}`;
    expect(deviceLine(name)).toBe(`${'a'.repeat(78)}…`);
  });
});
