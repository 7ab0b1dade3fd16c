import type { MediaAttachment } from '@hashchat/api/entities/media';
import type { QuestionRow } from '../store/agenda';
import type { StatusEntity } from './status';

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

/**
 * The Question entity: one item of a session's agenda. `question_number` is the n of "Qn"
 * (questions only); `media` is the image published with it; `publish_at` is when the scheduler publishes it (null: only by Next).
 */
export function serializeQuestion(
  row: QuestionRow,
  questionNumber: number | null,
  status: StatusEntity | null,
  anchor: number,
  media: MediaAttachment | null,
) {
  const offset = row.offset_minutes === null ? null : Number(row.offset_minutes);
  return {
    id: String(row.id),
    session_id: String(row.session_id),
    position: Number(row.position),
    kind: row.kind,
    text: row.text,
    image_url: row.image_url,
    image_alt: row.image_alt,
    media,
    offset_minutes: offset,
    state: row.state,
    question_number: questionNumber,
    status,
    publish_at: offset === null || row.state !== 'scheduled' ? null : iso(anchor + offset * 60_000),
    published_at: iso(row.published_at),
    created_at: iso(Number(row.created_at))!,
    updated_at: iso(Number(row.updated_at))!,
  };
}

export type QuestionEntity = ReturnType<typeof serializeQuestion>;
