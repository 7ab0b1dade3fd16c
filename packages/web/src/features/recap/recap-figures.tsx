import type { Recap } from '@hashchat/api/entities/recap';
import { headlineFigures } from '@hashchat/core/chat/session-clock';
import { DualTime } from './session-span';

/**
 * The headline figures, each with how it is counted (the API's own definitions): the same
 * list, in the same words, as the transcript page's (core's headlineFigures).
 */
export function RecapFigures({ recap }: { recap: Recap }) {
  return (
    <dl className="recap-figures">
      {headlineFigures(recap).map((f) => (
        <div key={f.key} className="recap-figure" data-figure={f.key}>
          <dt>{f.label}</dt>
          <dd className="figure-value">
            {'at' in f.value ? <DualTime at={f.value.at} zone={recap.session.time_zone} /> : f.value.text}
          </dd>
          {f.detail && <dd className="figure-detail">{f.detail}</dd>}
          {recap.definitions[f.definition] && (
            <dd className="figure-definition">{recap.definitions[f.definition]}</dd>
          )}
        </div>
      ))}
    </dl>
  );
}
