import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as AdaptiveCardsModule from 'adaptivecards';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import draft6MetaSchema from 'ajv/dist/refs/json-schema-draft-06.json';

/**
 * The adaptivecards package's own parser and validator. Its main entry needs a DOM; the bundled
 * dist/adaptivecards.min.js parses and validates without one (rendering still needs a browser).
 */
const AC = require('adaptivecards/dist/adaptivecards.min.js') as typeof AdaptiveCardsModule;

/** Every parse warning and validation event for a card JSON; an empty list means the card is clean. */
export function adaptiveCardProblems(json: unknown): string[] {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(json, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const event of card.validateProperties().validationEvents) problems.push(`validate: ${event.message}`);
  return problems;
}

/** Microsoft's published Adaptive Card 1.5 schema (draft-06), from microsoft/AdaptiveCards schemas/1.5.0/adaptive-card.json. */
const SCHEMA_PATH = join(__dirname, '..', '..', '..', 'fixtures', 'schemas', 'adaptive-card-1.5.json');

interface CompiledSchema {
  ajv: Ajv;
  /** The schema's id, under which its definitions can be looked up (`<id>#/definitions/TextBlock`). */
  id: string;
  validate: ValidateFunction;
}

let compiled: CompiledSchema | undefined;

function compiledSchema(): CompiledSchema {
  if (compiled) return compiled;
  const { id = 'adaptive-card-1.5', ...schema } = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as { id?: string };
  // strict off: the schema uses non-standard keywords (version, features, example). Its top-level `id` is the
  // draft-04 spelling, which ajv refuses; draft-06 names it `$id`.
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(draft6MetaSchema);
  addFormats(ajv);
  compiled = { ajv, id, validate: ajv.compile({ ...schema, $id: id }) };
  return compiled;
}

/** The value at an ajv instancePath ("/body/0/items/1") inside `root`. */
function valueAt(root: unknown, instancePath: string): unknown {
  if (!instancePath) return root;
  return instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined), root);
}

function describeError(error: ErrorObject, prefix = ''): string {
  const where = prefix + error.instancePath || '(card)';
  const detail = error.keyword === 'additionalProperties' ? ` '${String(error.params.additionalProperty)}'` : '';
  return `${where}: ${error.message ?? error.keyword}${detail}`;
}

/**
 * Schema errors for a card, without the `anyOf` noise: element lists accept any element type, so a bad TextBlock
 * also "fails" the Container, Image, Input.Text, … branches. An error about an element itself (or its `type`) is
 * replaced by that element's errors against its own type's definition; errors deeper inside are kept as they are.
 * The bare "must match a schema in anyOf" summaries are dropped, unless nothing else would remain.
 */
function schemaErrors(card: unknown): string[] {
  const { ajv, id, validate } = compiledSchema();
  if (validate(card)) return [];
  const errors = validate.errors ?? [];
  const problems: string[] = [];
  const explained = new Set<string>();
  for (const error of errors) {
    if (error.keyword === 'anyOf') continue;
    const elementPath = error.instancePath.endsWith('/type') ? error.instancePath.slice(0, -'/type'.length) : error.instancePath;
    const element = valueAt(card, elementPath);
    const type = typeof element === 'object' && element !== null ? (element as Record<string, unknown>).type : undefined;
    if (typeof type !== 'string') {
      problems.push(describeError(error));
      continue;
    }
    if (explained.has(elementPath)) continue;
    explained.add(elementPath);
    const own = ajv.getSchema(`${id}#/definitions/${type}`);
    if (!own) {
      problems.push(`${elementPath}/type: unknown type '${type}'`);
      continue;
    }
    if (own(element)) continue;
    for (const ownError of own.errors ?? []) {
      if (ownError.keyword !== 'anyOf' && (ownError.instancePath === '' || ownError.instancePath === '/type')) {
        problems.push(describeError(ownError, elementPath));
      }
    }
  }
  return [...new Set(problems.length > 0 ? problems : errors.map((error) => describeError(error)))];
}

/**
 * Problems with a card against Microsoft's published Adaptive Card 1.5 JSON schema; an empty list means it is valid.
 * One documented Teams extension is allowed: a top-level `"msteams": {"width": "Full"}`. Any other `msteams`
 * content, and any other property the schema does not define, is reported.
 */
export function adaptiveCardSchemaProblems(card: unknown): string[] {
  if (typeof card !== 'object' || card === null || Array.isArray(card) || !('msteams' in card)) return schemaErrors(card);
  const { msteams, ...rest } = card as Record<string, unknown>;
  const problems: string[] = [];
  const isFullWidth =
    typeof msteams === 'object' &&
    msteams !== null &&
    !Array.isArray(msteams) &&
    Object.keys(msteams).length === 1 &&
    (msteams as Record<string, unknown>).width === 'Full';
  if (!isFullWidth) problems.push(`/msteams: only {"width": "Full"} is allowed, got ${JSON.stringify(msteams)}`);
  return [...problems, ...schemaErrors(rest)];
}
