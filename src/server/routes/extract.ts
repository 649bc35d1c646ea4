import type { FastifyInstance } from 'fastify';
import { extractSource, parseDateOption } from '../../api/extract.js';
import { WiregraphError } from '../../errors.js';
import { errorSchema } from '../schemas.js';

/** The largest request body `POST /api/extract` takes. */
export const EXTRACT_BODY_LIMIT = 2 * 1024 * 1024;

/** `POST /api/extract`: text or HTML in, `wiregraph/1` out; nothing is stored. */
export function registerExtractRoute(app: FastifyInstance): void {
  app.post<{ Body: { text?: string; html?: string; date?: string } }>('/api/extract', {
    bodyLimit: EXTRACT_BODY_LIMIT,
    schema: {
      summary: 'Extracts one article (plain or wire text, or an HTML page) into wiregraph/1, without storing it',
      body: {
        type: 'object',
        additionalProperties: false,
        properties: {
          text: { type: 'string', minLength: 1 },
          html: { type: 'string', minLength: 1 },
          date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2})?$' },
        },
        oneOf: [{ required: ['text'] }, { required: ['html'] }],
      },
      response: { 400: errorSchema, 422: errorSchema },
    },
  }, async (request, reply) => {
    const { text, html, date } = request.body;
    const bytes = Buffer.from(html ?? text ?? '', 'utf8');
    try {
      const [result] = extractSource({ name: html ? 'request.html' : 'request.txt', bytes, contentType: html ? 'text/html' : 'text/plain', url: null }, { kind: html ? 'html' : 'auto', date: parseDateOption(date), maxBytes: EXTRACT_BODY_LIMIT });
      if (!result) return reply.status(422).send({ error: { code: 'WG_NO_ARTICLE', message: 'The input held no article.' } });
      if (!result.ok) return reply.status(422).send({ error: { code: result.error.code, message: result.error.message } });
      return result.doc;
    } catch (e) {
      if (e instanceof WiregraphError) return reply.status(422).send({ error: { code: e.code, message: e.message } });
      throw e;
    }
  });
}
