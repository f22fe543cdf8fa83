import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';

/**
 * An answer's value must arrive as a JSON number or null: the server's type coercion would otherwise
 * read `true` or "0.8" as an answer.
 */
function refuseCoercibleValues(request: FastifyRequest): void {
  const answers = (request.body as { answers?: unknown } | null)?.answers;
  if (!Array.isArray(answers)) return;
  answers.forEach((answer: unknown, index) => {
    if (answer === null || typeof answer !== 'object' || !('value' in answer)) return;
    const value = (answer as { value: unknown }).value;
    if (value !== null && typeof value !== 'number')
      throw new AppError(400, 'validation.type', { type: 'number, null' }, `answers.${index}.value`);
  });
}

type Guard = { preValidation: (request: FastifyRequest) => Promise<void> };

/** Route options that run `guard` (who asks), then refuse answer values of the wrong JSON type. */
export const withAnswerTypes = (guard: Guard): Guard => ({
  preValidation: async (request: FastifyRequest) => {
    await guard.preValidation(request);
    refuseCoercibleValues(request);
  },
});
