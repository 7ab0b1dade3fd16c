import '../../styles/town-hall.css';
import { AnsweringNow } from './answering-now';
import { useAnsweringNow } from './use-answering-now';

/** "Answering now" for views that show no question list (the host console). */
export function ConsoleAnsweringNow({ sessionId }: { sessionId: string }) {
  return <AnsweringNow question={useAnsweringNow(sessionId)} />;
}
