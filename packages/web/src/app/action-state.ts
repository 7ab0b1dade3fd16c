/**
 * An action a button starts (follow, pin, vote): busy while it runs, its error if it failed,
 * and the value shown meanwhile (`pending`, an optimistic answer) that a failure rolls back.
 */
export interface ActionState<P> {
  busy: boolean;
  error: string | null;
  pending: P | null;
}

export type ActionEvent<P> =
  | { type: 'start'; pending: P | null }
  | { type: 'done' }
  | { type: 'failed'; error: string };

export const actionIdle: ActionState<never> = { busy: false, error: null, pending: null };

export function actionReducer<P>(_state: ActionState<P>, event: ActionEvent<P>): ActionState<P> {
  switch (event.type) {
    case 'start':
      return { busy: true, error: null, pending: event.pending };
    case 'done':
      return { busy: false, error: null, pending: null };
    case 'failed':
      return { busy: false, error: event.error, pending: null };
  }
}

/** What a toggle shows: the optimistic value while its action runs, else the known one. */
export function shownPressed(known: boolean, state: ActionState<boolean>): boolean {
  return state.pending ?? known;
}
