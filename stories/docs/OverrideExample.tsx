import { LogoutAllCard } from '../../src';
import { Frame } from '../support/Frame';

/** The override shown on the Theming page, as a product would write it in its own stylesheet. */
export const overrideCss = `.my-product .fpas-theme {
  --fpas-color-accent: #6d28d9;
  --fpas-color-focus: #6d28d9;
  --fpas-color-danger: #b42318;
  --fpas-radius: 1.25rem;
  --fpas-radius-sm: 999px;
  --fpas-space-4: 0.75rem;
}`;

/** The card with the override above applied, live. */
export function OverrideExample() {
  return (
    <div className="my-product">
      <style>{overrideCss}</style>
      <Frame>
        <LogoutAllCard onConfirm={() => {}} sessionCount={4} />
      </Frame>
    </div>
  );
}
