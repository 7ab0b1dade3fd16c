import type { ChatSession } from '@hashchat/api/entities/chat';
import type { LiveCounters, LiveState, Question, SpotlightChange } from '@hashchat/api/entities/live';
import type { Status } from '@hashchat/api/entities/status';
import { applyQuestion, currentQuestion, laterQuestion, removeQuestion } from './agenda-model';

/** What the room and the console know about a session besides its statuses. */
export interface LiveSessionState {
  session: ChatSession | null;
  /** Participants may read the upcoming questions (null until known). */
  agendaPublic: boolean | null;
  /** The question being discussed, for the banner. */
  current: Question | null;
  counters: LiveCounters | null;
  /** Statuses pinned at the top of the room, most recently pinned first. */
  spotlighted: Status[];
  /** The agenda as far as the viewer may read it. */
  questions: Question[];
  /** Numbers of questions seen asked in the room, also ones a host typed outside the agenda. */
  asked: number[];
  /** The live state was read (or could not be): what the room shows above its column is known. */
  loaded: boolean;
}

export type LiveSessionAction =
  | { type: 'live'; live: LiveState }
  /** The live state cannot be read (no live API, or not allowed): the room goes on without it. */
  | { type: 'live-unavailable' }
  | { type: 'questions'; questions: Question[] }
  | { type: 'question'; question: Question }
  | { type: 'question-removed'; id: string }
  | { type: 'spotlight'; change: SpotlightChange }
  | { type: 'counters'; counters: LiveCounters }
  | { type: 'session'; session: ChatSession }
  | { type: 'status'; status: Status }
  | { type: 'asked'; number: number }
  | { type: 'agenda-public'; value: boolean };

/** An ended or cancelled session: nothing is being asked any more. */
export function isOver(session: Pick<ChatSession, 'state'>): boolean {
  return session.state === 'ended' || session.state === 'cancelled';
}

export const initialLiveSession: LiveSessionState = {
  session: null,
  agendaPublic: null,
  current: null,
  counters: null,
  spotlighted: [],
  questions: [],
  asked: [],
  loaded: false,
};

export function liveSessionReducer(state: LiveSessionState, action: LiveSessionAction): LiveSessionState {
  switch (action.type) {
    case 'live-unavailable':
      return { ...state, loaded: true };
    case 'live': {
      const { live } = action;
      const current = state.current
        ? live.current_question
          ? laterQuestion(state.current, live.current_question)
          : state.current
        : live.current_question;
      return {
        ...state,
        loaded: true,
        session: live.session,
        agendaPublic: live.agenda_public ?? live.session.agenda_public ?? null,
        current: isOver(live.session) ? null : current,
        counters: state.counters ?? live.counters,
        spotlighted: live.spotlighted,
      };
    }
    case 'questions':
      return {
        ...state,
        questions: action.questions,
        current: currentQuestion(action.questions) ?? state.current,
      };
    case 'question':
      return {
        ...state,
        questions: applyQuestion(state.questions, action.question),
        current:
          state.current?.id === action.question.id && action.question.state !== 'published'
            ? currentQuestion(applyQuestion(state.questions, action.question))
            : laterQuestion(state.current, action.question),
      };
    case 'question-removed':
      return { ...state, questions: removeQuestion(state.questions, action.id) };
    case 'spotlight': {
      const { status_id, spotlighted, status } = action.change;
      const others = state.spotlighted.filter((s) => s.id !== status_id);
      return { ...state, spotlighted: spotlighted && status ? [status, ...others] : others };
    }
    case 'counters':
      return { ...state, counters: action.counters };
    case 'session':
      if (state.session && state.session.id !== action.session.id) return state;
      return {
        ...state,
        session: action.session,
        agendaPublic: action.session.agenda_public ?? state.agendaPublic,
        current: isOver(action.session) ? null : state.current,
      };
    case 'agenda-public':
      return { ...state, agendaPublic: action.value };
    case 'asked':
      return state.asked.includes(action.number)
        ? state
        : { ...state, asked: [...state.asked, action.number] };
    case 'status':
      return state.spotlighted.some((s) => s.id === action.status.id)
        ? {
            ...state,
            spotlighted: state.spotlighted.map((s) => (s.id === action.status.id ? action.status : s)),
          }
        : state;
  }
}
