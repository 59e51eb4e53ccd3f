import type { Answer } from '../answer/answer-engine';
import type { KnowledgeCatalog, MatrixCell } from '../knowledge/knowledge-catalog';
import type { SearchUnit } from '../knowledge/search-index';
import { OWNER_LABEL, type Reply, type ReplyButton, type ReplySection } from '../types';
import { buildConceptReply, buildHelpReply, buildListReply, buildMatrixReply } from './build-other-replies';
import { echoOf, feedbackButtons, finishReply, sourceLinks } from './reply-parts';

/** How many "Same question on …" buttons a card offers. */
const MAX_OTHER_SERVICE_BUTTONS = 3;

/** Turns the engine's conclusion into the neutral card both platforms render. */
export function buildReply(answer: Answer, catalog: KnowledgeCatalog): Reply {
  switch (answer.intent) {
    case 'srm.help':
      return buildHelpReply();
    case 'srm.explain':
      return buildConceptReply(answer, catalog);
    case 'srm.list':
      return answer.serviceIds.length > 1 ? buildMatrixReply(answer, catalog) : buildListReply(answer, catalog);
    case 'srm.compare':
      return buildCompareReply(answer, catalog);
    case 'srm.lookup':
      return buildLookupReply(answer, catalog);
    case 'srm.unknown':
    case 'srm.offtopic':
      return buildUnknownReply(answer, catalog);
  }
}

/** A short human label for a knowledge unit, used on "did you mean" buttons. */
export function unitLabel(unit: SearchUnit, catalog: KnowledgeCatalog): string {
  if (unit.concept) return unit.concept.title;
  const domain = catalog.domainName(unit.domainId);
  const where = unit.serviceId === 'general' ? '' : ` on ${catalog.serviceName(unit.serviceId)}`;
  return unit.variant ? `${domain}${where}: ${unit.variant.when}` : `${domain}${where}`;
}

function cellsTable(cells: MatrixCell[], catalog: KnowledgeCatalog, withDomain: boolean): Reply['table'] {
  return {
    columns: withDomain ? ['Topic', 'Service', 'Owner', 'Why'] : ['Service', 'Owner', 'Why'],
    rows: cells.map((cell) => {
      const why = cell.general ? `general rule: ${cell.why}` : cell.why;
      const row = [catalog.serviceName(cell.serviceId), OWNER_LABEL[cell.owner], why];
      return withDomain ? [catalog.domainName(cell.domainId), ...row] : row;
    }),
  };
}

function buildLookupReply(answer: Answer, catalog: KnowledgeCatalog): Reply {
  const unit = answer.hit as SearchUnit;
  const entry = unit.entry;
  if (!entry) return buildUnknownReply(answer, catalog);
  const source = unit.variant ?? entry;
  const domainName = catalog.domainName(unit.domainId);
  const serviceName = unit.serviceId === 'general' ? null : catalog.serviceName(unit.serviceId);
  const title = `${domainName}${serviceName ? ` on ${serviceName}` : ''}${unit.variant ? ` — ${unit.variant.when}` : ''}`;
  const sections: ReplySection[] = [{ heading: 'Why', text: source.why }];
  const awsSide = source.aws.length > 0 ? source.aws : entry.aws;
  const customerSide = source.customer.length > 0 ? source.customer : entry.customer;
  sections.push({ heading: 'AWS does', text: awsSide.join('; ') });
  sections.push({ heading: 'You do', text: customerSide.join('; ') });
  if (answer.generalFallback && answer.serviceId) {
    sections.push({
      heading: 'Note',
      text: `No ${catalog.serviceName(answer.serviceId)}-specific source covers this, so this is the general rule.`,
    });
  }
  if (unit.variant) sections.push({ heading: 'Usually', text: `${OWNER_LABEL[entry.owner]}: ${entry.why}` });
  const buttons: ReplyButton[] = [{ label: 'Share in channel', actionId: 'srm.share', value: answer.ref, style: 'primary' }];
  const domain = unit.domainId ? catalog.domain(unit.domainId) : undefined;
  if (domain?.variesByService) {
    const current = unit.serviceId;
    if (current && current !== 'general') {
      buttons.push({ label: `More on ${catalog.serviceName(current)}`, actionId: 'srm.ask', value: `what do I own on ${current}` });
    }
    for (const other of domain.compare.filter((id) => id !== current && catalog.entry(id, domain.id)).slice(0, MAX_OTHER_SERVICE_BUTTONS)) {
      buttons.push({ label: `Same on ${catalog.serviceName(other)}`, actionId: 'srm.topic', value: `${other}/${domain.id}` });
    }
  }
  buttons.push(...feedbackButtons(answer));
  const depends = answer.cells.length > 0;
  if (depends) {
    sections.push({ heading: 'Depends on the service', text: 'Where the line falls differs by service; see the table.' });
  }
  return finishReply({
    kind: depends ? 'depends' : 'answer',
    title,
    owner: answer.owner,
    echo: echoOf(answer),
    sections,
    table: depends ? cellsTable(answer.cells, catalog, new Set(answer.cells.map((c) => c.domainId)).size > 1) : undefined,
    buttons,
    links: sourceLinks(source.sources.length > 0 ? source.sources : entry.sources),
    reviewed: entry.reviewed,
  });
}

function buildCompareReply(answer: Answer, catalog: KnowledgeCatalog): Reply {
  const domainName = catalog.domainName(answer.domainId);
  const names = answer.serviceIds.map((id) => catalog.serviceName(id)).join(', ');
  const summary = answer.owner
    ? `${OWNER_LABEL[answer.owner]} on every service you named.`
    : 'It depends on the service: the owner differs between the services you named.';
  const links = answer.cells.flatMap((cell) => catalog.entry(cell.general ? 'general' : cell.serviceId, cell.domainId)?.sources ?? []);
  return finishReply({
    kind: 'compare',
    title: `${domainName}: ${names}`,
    owner: answer.owner,
    echo: echoOf(answer),
    sections: [{ heading: 'Summary', text: summary }],
    table: cellsTable(answer.cells, catalog, false),
    buttons: [{ label: 'Share in channel', actionId: 'srm.share', value: answer.ref, style: 'primary' }, ...feedbackButtons(answer)],
    links: sourceLinks(links).slice(0, 6),
  });
}

function buildUnknownReply(answer: Answer, catalog: KnowledgeCatalog): Reply {
  const choices = answer.alternatives.slice(0, 3);
  const offered = choices.length > 0 && answer.confidence > 0;
  return finishReply({
    kind: offered ? 'did-you-mean' : 'unknown',
    title: offered ? 'Did you mean…' : "I don't know that one",
    owner: null,
    echo: echoOf(answer),
    sections: [
      {
        heading: offered ? 'Not sure' : 'Try',
        text: offered
          ? 'I am not confident enough to answer; pick the closest topic.'
          : 'Ask who owns a security task, optionally on a service, e.g. "who patches the guest OS on EC2?". Type "help" for more.',
      },
    ],
    buttons: offered ? choices.map((unit) => ({ label: unitLabel(unit, catalog), actionId: 'srm.topic' as const, value: unit.id })) : [],
    links: [],
  });
}
