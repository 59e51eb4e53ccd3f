import { TOPIC_REF_PREFIX, type Answer } from '../answer/answer-engine';
import type { FeatureCommand } from '../feature';
import type { KnowledgeCatalog, MatrixCell } from '../knowledge/knowledge-catalog';
import type { SearchUnit } from '../knowledge/search-index';
import { OWNER_LABEL, type Reply, type ReplyButton, type ReplySection } from '../types';
import { buildConceptReply, buildHelpReply, buildListReply, buildMatrixReply } from './build-other-replies';
import { echoOf, feedbackButtons, finishReply, sourceLinks } from './reply-parts';

/** How many "Same question on …" buttons a card offers. */
const MAX_OTHER_SERVICE_BUTTONS = 3;

/** Turns the engine's conclusion into the neutral card both platforms render. */
export function buildReply(answer: Answer, catalog: KnowledgeCatalog, helpCommands: readonly FeatureCommand[] = []): Reply {
  switch (answer.intent) {
    case 'srm.help':
      return buildHelpReply(helpCommands);
    case 'srm.explain':
      return buildConceptReply(answer, catalog);
    case 'srm.list':
      return answer.serviceIds.length > 1 ? buildMatrixReply(answer, catalog) : buildListReply(answer, catalog);
    case 'srm.compare':
      return buildCompareReply(answer, catalog);
    case 'srm.lookup':
      return buildLookupReply(answer, catalog);
    case 'srm.unknown':
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
  const sections: ReplySection[] = [...framingSections(answer, domainName, serviceName), { heading: 'Why', text: source.why }];
  const awsSide = source.aws.length > 0 ? source.aws : entry.aws;
  const customerSide = source.customer.length > 0 ? source.customer : entry.customer;
  sections.push({ heading: 'AWS does', text: awsSide.join('; ') });
  sections.push({ heading: 'You do', text: customerSide.join('; ') });
  if (answer.unknownServices.length > 0) {
    const names = answer.unknownServices.join(', ');
    sections.push({
      heading: 'Note',
      text: `I don't have ${names} yet, so this is the general rule for ${domainName.toLowerCase()}, not a ${names}-specific answer.${answer.owner ? '' : ' The general rule does not settle the owner for every service: check that service\'s security page.'}`,
    });
  } else if (answer.derived && answer.serviceId) {
    sections.push({
      heading: 'Derived',
      text: `No ${catalog.serviceName(answer.serviceId)} page covers this task directly; the owner follows from which layers AWS operates for ${catalog.serviceName(answer.serviceId)}. Below is the general rule.`,
    });
  } else if (answer.generalFallback && answer.serviceId) {
    sections.push({
      heading: 'Note',
      text: `No ${catalog.serviceName(answer.serviceId)}-specific source covers this, so this is the general rule.`,
    });
  }
  if (unit.variant) sections.push({ heading: 'Usually', text: `${OWNER_LABEL[entry.owner]}: ${entry.why}` });
  // A follow-up's question means nothing without its thread: share the topic it was answered with instead.
  const shareRef = answer.assumed && answer.hit ? `${TOPIC_REF_PREFIX}${answer.hit.id}` : answer.ref;
  const buttons: ReplyButton[] = [{ label: 'Share in channel', actionId: 'srm.share', value: shareRef, style: 'primary' }];
  const domain = unit.domainId ? catalog.domain(unit.domainId) : undefined;
  if (domain?.variesByService) {
    const current = unit.serviceId;
    if (current && current !== 'general') {
      buttons.push({ label: `More on ${catalog.serviceName(current)}`, actionId: 'srm.list', value: current });
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

/** What the card says before the answer: a corrected or confirmed premise, a negation, what a follow-up assumed. */
function framingSections(answer: Answer, domainName: string, serviceName: string | null): ReplySection[] {
  const sections: ReplySection[] = [];
  const owner = answer.owner;
  if (answer.assumed) {
    const what = [answer.assumed.domain ? domainName.toLowerCase() : null, answer.assumed.service && serviceName ? `on ${serviceName}` : null]
      .filter(Boolean)
      .join(' ');
    sections.push({ heading: 'Assumed', text: `I assumed you mean ${what || domainName.toLowerCase()}, following your question "${answer.assumed.fromQuestion.slice(0, 160)}".` });
  }
  if (answer.premise?.asserted && owner) {
    const agrees = answer.premise.asserted === owner;
    const text = agrees
      ? `Yes — this is ${OWNER_LABEL[owner]}'s.`
      : owner === 'shared'
        ? `Not quite — this is shared: AWS does its part and you do yours (below).`
        : `No — this is ${owner === 'customer' ? 'yours (the customer\'s)' : "AWS's"}, not ${answer.premise.asserted === 'aws' ? "AWS's" : 'yours'}.`;
    sections.push({ heading: agrees ? 'Yes' : 'No', text });
  }
  if (answer.negated && owner && owner !== 'shared') {
    sections.push({ heading: 'You asked who does not', text: `${owner === 'aws' ? 'The customer does not' : 'AWS does not'}: it is ${owner === 'aws' ? "AWS's" : "the customer's"} job.` });
  }
  return sections;
}

/** What to say, with no owner, to a question that is not about who owns what. */
const DECLINED_TEXT: Record<NonNullable<Answer['declined']>, string> = {
  'other-cloud': 'I only cover the AWS Shared Responsibility Model. For another cloud, see that provider\'s own shared responsibility documentation.',
  'on-premises': 'On-premises systems are outside the AWS model: your organisation owns all of it. I cover who owns what on AWS services.',
  code: 'I don\'t write code or templates. I can tell you who owns a security task, e.g. "who turns on point-in-time recovery for DynamoDB?"; the AWS service documentation has examples.',
  'how-to': 'I answer who owns a security task, not how to do it step by step; the AWS service documentation has the how-to.',
  price: 'I don\'t know prices: see the service\'s AWS pricing page. I can tell you who owns a security task on it.',
  limit: 'I don\'t know quotas and limits: see the service\'s "quotas" page in the AWS documentation. I can tell you who owns a security task on it.',
  syntax: 'I don\'t know command or API syntax: see the AWS CLI or API reference. I can tell you who owns a security task.',
};

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
  if (answer.declined) {
    return finishReply({
      kind: 'unknown',
      title: 'Not an ownership question',
      owner: null,
      echo: echoOf(answer),
      sections: [{ heading: 'Note', text: DECLINED_TEXT[answer.declined] }],
      buttons: [],
      links: [],
    });
  }
  if (answer.unknownServices.length > 0) {
    return finishReply({
      kind: 'unknown',
      title: `I don't have ${answer.unknownServices.join(', ')} yet`,
      owner: null,
      echo: echoOf(answer),
      sections: [{ heading: 'Try', text: 'Ask about the task in general ("who patches the guest OS?") or about a service I cover; type "help" for the list.' }],
      buttons: [],
      links: [],
    });
  }
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
