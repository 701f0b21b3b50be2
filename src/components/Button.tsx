import { cva, type VariantProps } from 'class-variance-authority';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';

/** Button looks, by meaning. */
export const buttonVariants = cva('fpas-button', {
  variants: {
    tone: { neutral: 'fpas-button--neutral', danger: 'fpas-button--danger', quiet: 'fpas-button--quiet' },
    size: { md: '', sm: 'fpas-button--sm' },
  },
  defaultVariants: { tone: 'neutral', size: 'md' },
});

/** Props of `Button`. */
export type ButtonProps = ComponentPropsWithoutRef<'button'> &
  VariantProps<typeof buttonVariants> & {
    /** Shows progress and ignores presses, while staying focusable (unlike `disabled`). @default false */
    isPending?: boolean | undefined;
  };

/**
 * The library's button: a native button with a tone, and a pending state that cannot be pressed twice.
 * forwardRef, not a `ref` prop: React 18 gives function components no ref, and Radix's `asChild`
 * triggers need it to return focus.
 */
export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { tone, size, isPending = false, className, onClick, type = 'button', ...props },
  ref,
) {
  return (
    <button
      ref={ref}
      type={type}
      data-slot="button"
      data-state={isPending ? 'pending' : undefined}
      aria-disabled={isPending || undefined}
      className={buttonVariants({ tone, size, className })}
      onClick={(event) => {
        if (isPending) event.preventDefault();
        else onClick?.(event);
      }}
      {...props}
    />
  );
});
