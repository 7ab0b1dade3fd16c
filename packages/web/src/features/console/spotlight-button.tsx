import type { Status } from '@hashchat/api/entities/status';
import { spotlight, unspotlight } from '../../api/live';
import { ToggleButton } from '../../app/toggle-button';
import { useToggle } from '../../app/use-action';

/** Spotlights a status at the top of the room, or takes it back (the s key presses it on the focused status). */
export function SpotlightButton({
  sessionId,
  status,
  spotlighted,
  onChange,
}: {
  sessionId: string;
  status: Status;
  spotlighted: boolean;
  onChange(status: Status, spotlighted: boolean): void;
}) {
  const toggle = useToggle(spotlighted, async (next) => {
    if (next) await spotlight(sessionId, status.id);
    else await unspotlight(sessionId, status.id);
    onChange(status, next);
  });
  return (
    <ToggleButton
      toggle={toggle}
      label={{ on: 'Spotlighted', off: 'Spotlight' }}
      pressedState
      className="button button-quiet"
      data-action="spotlight"
      aria-keyshortcuts="s"
      errorElement="span"
    />
  );
}
