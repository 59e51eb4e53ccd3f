import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { SrmError } from '../errors';
import {
  conceptSchema,
  domainsFileSchema,
  generalFileSchema,
  otherServicesFileSchema,
  serviceFileSchema,
  type Concept,
  type Domain,
  type GeneralFile,
  type OtherService,
  type ServiceFile,
} from './schema';

export interface KnowledgeBase {
  domains: Domain[];
  services: ServiceFile[];
  general: GeneralFile;
  concepts: Concept[];
  /** AWS services not covered yet (knowledge/other-services.yaml), recognised so they are not confused with known ones. */
  otherServices: OtherService[];
}

/** Formats zod issues as `file: path.to.field: message` lines an author can act on. */
function describeIssues(file: string, issues: z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(top level)';
      return `${file}: ${path}: ${issue.message}`;
    })
    .join('\n');
}

function parseFile<T>(root: string, path: string, schema: z.ZodType<T>): T {
  const label = relative(join(root, '..'), path) || path;
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    throw new SrmError('KNOWLEDGE_MISSING', `${label}: cannot be read (${(error as Error).message}). Check the path.`);
  }
  if (raw.trim() === '') {
    throw new SrmError('KNOWLEDGE_INVALID', `${label}: the file is empty; add content or delete the file.`);
  }
  let data: unknown;
  try {
    data = parseYaml(raw);
  } catch (error) {
    throw new SrmError('KNOWLEDGE_INVALID', `${label}: is not valid YAML: ${(error as Error).message}`);
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    throw new SrmError('KNOWLEDGE_INVALID', describeIssues(label, result.error.issues));
  }
  return result.data;
}

function yamlFilesIn(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
    .sort()
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}

/** Cross-file checks zod cannot see: ids that must exist elsewhere, and duplicates. */
function checkReferences(kb: KnowledgeBase, fileOf: Map<object, string>): void {
  const problems: string[] = [];
  const domainIds = new Set<string>();
  kb.domains.forEach((domain, index) => {
    if (domainIds.has(domain.id)) problems.push(`knowledge/domains.yaml: domains.${index}.id: "${domain.id}" is listed twice`);
    domainIds.add(domain.id);
  });
  const serviceIds = new Set<string>();
  for (const service of kb.services) {
    if (serviceIds.has(service.id)) problems.push(`${fileOf.get(service)}: id: "${service.id}" is used by another service file`);
    serviceIds.add(service.id);
  }
  for (const file of [kb.general, ...kb.services]) {
    const seen = new Set<string>();
    file.responsibilities.forEach((entry, index) => {
      const where = `${fileOf.get(file)}: responsibilities.${index}.domain`;
      if (!domainIds.has(entry.domain)) problems.push(`${where}: unknown domain "${entry.domain}"; use an id from knowledge/domains.yaml`);
      if (seen.has(entry.domain)) problems.push(`${where}: "${entry.domain}" appears twice; merge the entries or make one a variant`);
      seen.add(entry.domain);
    });
  }
  kb.domains.forEach((domain, index) => {
    for (const id of domain.related) {
      if (!domainIds.has(id)) problems.push(`knowledge/domains.yaml: domains.${index}.related: unknown domain "${id}"`);
    }
    for (const id of domain.compare) {
      if (!serviceIds.has(id)) problems.push(`knowledge/domains.yaml: domains.${index}.compare: unknown service "${id}"; use the id of a file under knowledge/services/`);
    }
  });
  const conceptIds = new Set<string>();
  for (const concept of kb.concepts) {
    if (conceptIds.has(concept.id)) problems.push(`${fileOf.get(concept)}: id: "${concept.id}" is used by another concept file`);
    conceptIds.add(concept.id);
  }
  for (const concept of kb.concepts) {
    for (const id of concept.related) {
      if (!conceptIds.has(id) && !domainIds.has(id)) {
        problems.push(`${fileOf.get(concept)}: related: unknown id "${id}"; use a concept or domain id`);
      }
    }
  }
  if (problems.length > 0) throw new SrmError('KNOWLEDGE_INVALID', problems.join('\n'));
}

/** Loads and validates every file under `root` (the knowledge/ folder). Throws SrmError on the first bad file. */
export function loadKnowledge(root: string): KnowledgeBase {
  const fileOf = new Map<object, string>();
  const label = (path: string): string => relative(join(root, '..'), path);
  const domainsFile = parseFile(root, join(root, 'domains.yaml'), domainsFileSchema);
  const general = parseFile(root, join(root, 'general.yaml'), generalFileSchema);
  fileOf.set(general, label(join(root, 'general.yaml')));
  const services = yamlFilesIn(join(root, 'services')).map((path) => {
    const service = parseFile(root, path, serviceFileSchema);
    fileOf.set(service, label(path));
    return service;
  });
  if (services.length === 0) {
    throw new SrmError('KNOWLEDGE_MISSING', `${label(join(root, 'services'))}: no service files found; add knowledge/services/<id>.yaml`);
  }
  const concepts = yamlFilesIn(join(root, 'concepts')).map((path) => {
    const concept = parseFile(root, path, conceptSchema);
    fileOf.set(concept, label(path));
    return concept;
  });
  const otherPath = join(root, 'other-services.yaml');
  const otherServices = yamlFilesIn(root).includes(otherPath) ? parseFile(root, otherPath, otherServicesFileSchema).services : [];
  const kb: KnowledgeBase = { domains: domainsFile.domains, services, general, concepts, otherServices };
  checkReferences(kb, fileOf);
  return kb;
}
