import { FormEvent, useState } from 'react';
import { call, messageOf } from '../../client/errors';
import type { components } from '../../client/schema.gen';
import { usePortalCatalogue } from '../catalogue';
import { Alert, Field } from '../Field';
import { publicApi } from '../public-api';
import { DESCRIPTION_MAX, TicketFormProps } from './complaint-form';

type Rating = components['schemas']['PublicRatingDto']['rating'];

/** 满意度评价, once the ticket is answered: one of the catalogue's ratings and an optional comment. */
export function RatingForm({ code, secret, onDone }: TicketFormProps) {
  const words = usePortalCatalogue();
  const [rating, setRating] = useState<Rating | ''>('');
  const [comment, setComment] = useState('');
  const [problems, setProblems] = useState<{ rating?: string; comment?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = {
      ...(rating ? {} : { rating: '请选择满意程度' }),
      ...(comment.length > DESCRIPTION_MAX ? { comment: `意见不能超过 ${DESCRIPTION_MAX} 字` } : {}),
    };
    setProblems(found);
    if (!rating || found.comment) return;
    setSending(true);
    setFailure(null);
    try {
      await call(
        publicApi.POST('/public/complaints/{code}/rating', {
          params: { path: { code } },
          body: { secret, rating, ...(comment.trim() ? { comment: comment.trim() } : {}) },
        }),
      );
      await onDone(); // the button stays disabled until the status is read again
    } catch (thrown) {
      setFailure(messageOf(thrown));
    } finally {
      setSending(false);
    }
  };
  return (
    <section aria-labelledby="rating-title" className="card">
      <h2 id="rating-title">满意度评价</h2>
      <form onSubmit={submit} noValidate>
        <fieldset aria-describedby={problems.rating ? 'rating-error' : undefined} aria-invalid={problems.rating ? true : undefined}>
          <legend>您对本次办理结果是否满意？</legend>
          <div className="choices">
            {words.options('satisfactionRatings').map((option) => (
              <label key={option.value}>
                <input
                  type="radio"
                  name="rating"
                  value={option.value}
                  checked={rating === option.value}
                  onChange={() => setRating(option.value as Rating)}
                />{' '}
                {option.label}
              </label>
            ))}
          </div>
          {problems.rating ? (
            <p className="error" id="rating-error">
              {problems.rating}
            </p>
          ) : null}
        </fieldset>
        <Field label="意见和建议（可选）" error={problems.comment}>
          <textarea rows={4} value={comment} onChange={(e) => setComment(e.target.value)} />
        </Field>
        {failure ? <Alert>{failure}</Alert> : null}
        <div className="actions">
          <button type="submit" className="button" disabled={sending}>
            提交评价
          </button>
        </div>
      </form>
    </section>
  );
}
