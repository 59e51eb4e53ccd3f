import type * as AdaptiveCardsModule from 'adaptivecards';

/**
 * The adaptivecards package's own parser and validator. Its main entry needs a DOM; the bundled
 * dist/adaptivecards.min.js parses and validates without one (rendering still needs a browser).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
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
