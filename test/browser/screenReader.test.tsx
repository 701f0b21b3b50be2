import { describe, expect, it } from 'vitest';
import { waitFor } from '@testing-library/react';
import { findList, renderSection, screen } from './section';
import { startScreenReader } from './screenReader';
import { press, tabTo } from './keyboard';

describe('explore', () => {
  it('walk', async () => {
    const { section } = renderSection({ scenario: 'typical' });
    await findList();
    const reader = await startScreenReader(section);
    console.log((await reader.readAll()).join('\n'));
  });
  it('log out', async () => {
    const { section } = renderSection({ scenario: 'typical' });
    await findList();
    const reader = await startScreenReader(section);
    await tabTo('Log out Edge on Windows');
    await reader.spoken();
    await press('{Enter}');
    await screen.findByRole('dialog');
    await press('{Tab}');
    await press('{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await new Promise((r) => setTimeout(r, 300));
    console.log((await reader.spoken()).join('\n'));
    console.log(JSON.stringify(reader.live));
  });
});
