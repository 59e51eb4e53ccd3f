import type { Answer } from '../answer/answer-engine';
import type { FeatureCommand } from '../feature';
import { INTENTS } from '../intents/intent-table';
import type { KnowledgeCatalog } from '../knowledge/knowledge-catalog';
import type { Owner } from '../knowledge/schema';
import { OWNER_LABEL, type Reply } from '../types';
import { echoOf, feedbackButtons, finishReply, sourceLinks } from './reply-parts';

/** Short owner marks for matrix cells, where a full word per cell would not fit. */
const OWNER_MARK: Record<Owner, string> = { aws: 'AWS', customer: 'You', shared: 'Both' };

export function buildHelpReply(commands: readonly FeatureCommand[] = []): Reply {
  const sections = INTENTS.filter((intent) => !['srm.help', 'srm.unknown'].includes(intent.id)).map((intent) => ({
    heading: intent.summary,
    text: intent.examples.map((example) => `“${example}”`).join(' · '),
  }));
  return finishReply({
    kind: 'help',
    title: 'srm-bot: who owns what under the AWS Shared Responsibility Model',
    owner: null,
    sections: [
      { heading: 'How', text: 'Ask in plain words, with or without a service. Typos are fine.' },
      ...sections,
      ...commands.map((command) => ({ heading: command.summary, text: command.examples.map((example) => `“${example}”`).join(' · ') })),
    ],
    buttons: [
      { label: 'Who owns encryption on S3?', actionId: 'srm.ask', value: 'who owns encryption on s3' },
      { label: 'What do I own on Lambda?', actionId: 'srm.ask', value: 'what do I own on lambda' },
    ],
    links: sourceLinks(['https://aws.amazon.com/compliance/shared-responsibility-model/']),
  });
}

export function buildConceptReply(answer: Answer, catalog: KnowledgeCatalog): Reply {
  const concept = answer.hit?.concept;
  if (!concept) return buildHelpReply();
  const related = concept.related
    .map((id) => catalog.kb.concepts.find((c) => c.id === id))
    .filter((c) => c !== undefined)
    .slice(0, 3);
  return finishReply({
    kind: 'concept',
    title: concept.title,
    owner: concept.owner ?? null,
    echo: echoOf(answer),
    sections: [
      { heading: 'In short', text: concept.summary },
      ...(concept.points.length > 0 ? [{ heading: 'Key points', text: concept.points.join('\n') }] : []),
    ],
    buttons: [
      { label: 'Share in channel', actionId: 'srm.share', value: answer.ref, style: 'primary' },
      ...feedbackButtons(answer),
      ...related.map((c) => ({ label: c.title, actionId: 'srm.topic' as const, value: `concept/${c.id}` })),
    ],
    links: sourceLinks(concept.sources),
    reviewed: concept.reviewed,
  });
}

/** Everything on one service, grouped by owner. */
export function buildListReply(answer: Answer, catalog: KnowledgeCatalog): Reply {
  const serviceId = answer.serviceIds[0] ?? '';
  const service = catalog.service(serviceId);
  if (!service) return buildHelpReply();
  const byOwner = (owner: Owner): string =>
    service.responsibilities
      .filter((entry) => entry.owner === owner)
      .map((entry) => `• ${catalog.domainName(entry.domain)}: ${entry.why}`)
      .join('\n');
  const sections = (['customer', 'shared', 'aws'] as const)
    .map((owner) => ({ heading: owner === 'customer' ? 'You own' : owner === 'aws' ? 'AWS owns' : 'Shared', text: byOwner(owner) }))
    .filter((section) => section.text !== '');
  return finishReply({
    kind: 'list',
    title: `What you own on ${service.name} (${service.model} service)`,
    owner: null,
    echo: echoOf(answer),
    sections: [{ heading: 'The service', text: service.summary }, ...sections],
    buttons: [{ label: 'Share in channel', actionId: 'srm.share', value: answer.ref, style: 'primary' }, ...feedbackButtons(answer)],
    links: sourceLinks(service.responsibilities.flatMap((entry) => entry.sources)).slice(0, 5),
  });
}

/** Stack mode: domains × the services named, one owner mark per cell. */
export function buildMatrixReply(answer: Answer, catalog: KnowledgeCatalog): Reply {
  const services = answer.serviceIds;
  const rows = catalog.domainsCoveredBy(services).map((domain) => [
    domain.name,
    ...services.map((id) => {
      const cell = catalog.cell(id, domain.id);
      if (!cell) return '—';
      return cell.general ? `${OWNER_MARK[cell.owner]}*` : OWNER_MARK[cell.owner];
    }),
  ]);
  return finishReply({
    kind: 'matrix',
    title: `Who owns what: ${services.map((id) => catalog.serviceName(id)).join(' · ')}`,
    owner: null,
    echo: echoOf(answer),
    sections: [
      {
        heading: 'Legend',
        text: `You = ${OWNER_LABEL.customer}, AWS = ${OWNER_LABEL.aws}, Both = ${OWNER_LABEL.shared}; * = general rule, — = no source for that service.`,
      },
    ],
    table: { columns: ['Topic', ...services.map((id) => catalog.serviceName(id))], rows },
    buttons: [
      { label: 'Share in channel', actionId: 'srm.share', value: answer.ref, style: 'primary' },
      ...feedbackButtons(answer),
      ...services.slice(0, 3).map((id) => ({ label: `More on ${catalog.serviceName(id)}`, actionId: 'srm.list' as const, value: id })),
    ],
    links: sourceLinks(['https://aws.amazon.com/compliance/shared-responsibility-model/']),
  });
}
