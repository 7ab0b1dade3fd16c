import type { Status } from '@hashchat/api/entities/status';
import { answerPrefixText } from '@hashchat/core/chat/classify';
import { Composer } from '../composer/composer';

/** A composer that answers question `n`: it starts with "A n " and adds the room's hashtag. */
export function AnswerComposer({
  n,
  tag,
  onPosted,
  onCancel,
}: {
  n: number;
  tag: string | undefined;
  onPosted(status: Status): void;
  onCancel(): void;
}) {
  return (
    <Composer
      label={`Your answer to Q${n}`}
      tag={tag}
      initialText={answerPrefixText(n)}
      submitLabel="Post answer"
      autoFocus
      onCancel={onCancel}
      onPosted={onPosted}
    />
  );
}
