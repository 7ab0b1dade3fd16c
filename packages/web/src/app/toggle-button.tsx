import type { ButtonHTMLAttributes } from 'react';
import type { Toggle } from './use-action';

/**
 * The button of a useToggle action, with its error below. `label` fixed: the button says
 * whether it is on with aria-pressed. Two labels (Follow / Unfollow): the label says it, and
 * aria-pressed only when `pressedState` asks (a changing label and a pressed state would say it twice).
 */
export function ToggleButton({
  toggle,
  label,
  className,
  pressedState,
  errorElement = 'p',
  ...rest
}: {
  toggle: Toggle;
  label: string | { on: string; off: string };
  className: string | ((pressed: boolean) => string);
  pressedState?: boolean;
  errorElement?: 'p' | 'span';
} & Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'className' | 'onClick' | 'type' | 'disabled'>) {
  const { pressed, busy, error } = toggle;
  const text = typeof label === 'string' ? label : pressed ? label.on : label.off;
  const ErrorTag = errorElement;
  return (
    <>
      <button
        type="button"
        {...rest}
        className={typeof className === 'string' ? className : className(pressed)}
        aria-pressed={typeof label === 'string' || pressedState ? pressed : undefined}
        disabled={busy}
        onClick={() => void toggle.toggle()}
      >
        {text}
      </button>
      {error && (
        <ErrorTag className="form-error" role="alert">
          {error}
        </ErrorTag>
      )}
    </>
  );
}

/** The class of a follow button: the call to action stands out until it is done. */
export const followClass = (following: boolean) => (following ? 'button' : 'button button-primary');
