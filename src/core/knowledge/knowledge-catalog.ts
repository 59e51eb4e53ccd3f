import type { KnowledgeBase } from './load-knowledge';
import type { Domain, Owner, Responsibility, ServiceFile } from './schema';

/** One cell of the service × domain matrix, as shown in "how it differs" and matrix tables. */
export interface MatrixCell {
  serviceId: string;
  domainId: string;
  owner: Owner;
  why: string;
  /** True when the service has no entry for the domain and the general rule stands in. */
  general: boolean;
}

/** Read-only lookups over a loaded knowledge base. */
export class KnowledgeCatalog {
  private readonly services = new Map<string, ServiceFile>();
  private readonly domains = new Map<string, Domain>();
  private readonly entries = new Map<string, Responsibility>();

  constructor(readonly kb: KnowledgeBase) {
    for (const service of kb.services) this.services.set(service.id, service);
    for (const domain of kb.domains) this.domains.set(domain.id, domain);
    for (const file of [kb.general, ...kb.services]) {
      for (const entry of file.responsibilities) this.entries.set(`${file.id}/${entry.domain}`, entry);
    }
  }

  service(id: string): ServiceFile | undefined {
    return this.services.get(id);
  }

  serviceName(id: string | null): string {
    if (id === null || id === 'general') return 'any service';
    return this.services.get(id)?.name ?? id;
  }

  domain(id: string): Domain | undefined {
    return this.domains.get(id);
  }

  domainName(id: string | null): string {
    return id === null ? 'the topic' : (this.domains.get(id)?.name ?? id);
  }

  entry(serviceId: string, domainId: string): Responsibility | undefined {
    return this.entries.get(`${serviceId}/${domainId}`);
  }

  /** The service's own cell, else the general rule for the domain, else nothing. */
  cell(serviceId: string, domainId: string): MatrixCell | null {
    const own = this.entry(serviceId, domainId);
    if (own) return { serviceId, domainId, owner: own.owner, why: own.why, general: false };
    const general = this.entry('general', domainId);
    if (general) return { serviceId, domainId, owner: general.owner, why: general.why, general: true };
    return null;
  }

  /** Domains in the order of domains.yaml that any of the services has an entry for. */
  domainsCoveredBy(serviceIds: readonly string[]): Domain[] {
    return this.kb.domains.filter((domain) => serviceIds.some((id) => this.entry(id, domain.id)));
  }
}
