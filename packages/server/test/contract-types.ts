// Compile-time half of the contract test: what the server's presenters return must be
// assignable to the entity types of @hashchat/api. Nothing runs here; `npm run typecheck`
// (tsc over packages/*/test) fails when a presenter drifts from the contract.

import type { Account, CredentialAccount } from '@hashchat/api/entities/account';
import type { Token } from '@hashchat/api/entities/application';
import type { Chat, ChatCategory, ChatSession } from '@hashchat/api/entities/chat';
import type { Acknowledgement, LiveState, Question, SpotlightChange } from '@hashchat/api/entities/live';
import type {
  LoggedAction,
  ModerationSettings,
  SlowMode,
  Submission,
} from '@hashchat/api/entities/moderation';
import type { Recap, Transcript } from '@hashchat/api/entities/recap';
import type { RoomChat, RoomStatus, Status } from '@hashchat/api/entities/status';
import type { AccountEntity, serializeCredentialAccount } from '../src/present/account';
import type { CategoryEntity, ChatEntity, SessionEntity } from '../src/present/chat';
import type { QuestionEntity } from '../src/present/question';
import type { RecapEntity } from '../src/present/recap';
import type { RoomStatusEntity, RoomChat as ServerRoomChat } from '../src/present/room-status';
import type { StatusEntity } from '../src/present/status';
import type { Acknowledgement as ServerAcknowledgement } from '../src/services/live/acknowledgements';
import type { LiveState as ServerLiveState } from '../src/services/live/live-state';
import type { SpotlightChange as ServerSpotlightChange } from '../src/services/live/spotlight';
import type { ModerationActionEntity } from '../src/services/moderation/log';
import type { SettingsEntity } from '../src/services/moderation/settings';
import type { SlowModeEntity } from '../src/services/moderation/slow-mode';
import type { SubmissionEntity } from '../src/services/moderation/town-hall/views';
import type { tokenEntity } from '../src/services/oauth';
import type { TranscriptPage } from '../src/services/transcripts/transcript-page';

/** Compiles only when `Server` is assignable to `Contract`. */
type Conforms<Server extends Contract, Contract> = [Server, Contract];

export type PresentersConform = [
  Conforms<AccountEntity, Account>,
  Conforms<ReturnType<typeof serializeCredentialAccount>, CredentialAccount>,
  Conforms<StatusEntity, Status>,
  Conforms<ServerRoomChat, RoomChat>,
  Conforms<RoomStatusEntity, RoomStatus>,
  Conforms<CategoryEntity, ChatCategory>,
  Conforms<SessionEntity, ChatSession>,
  Conforms<ChatEntity, Chat>,
  Conforms<QuestionEntity, Question>,
  Conforms<ServerLiveState, LiveState>,
  Conforms<ServerAcknowledgement, Acknowledgement>,
  Conforms<ServerSpotlightChange, SpotlightChange>,
  Conforms<ModerationActionEntity, LoggedAction>,
  Conforms<SettingsEntity, ModerationSettings>,
  Conforms<SlowModeEntity, SlowMode>,
  Conforms<SubmissionEntity, Submission>,
  Conforms<RecapEntity, Recap>,
  Conforms<TranscriptPage, Transcript>,
  Conforms<ReturnType<typeof tokenEntity>, Token>,
];
