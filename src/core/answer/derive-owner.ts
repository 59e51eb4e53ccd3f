import type { KnowledgeCatalog } from '../knowledge/knowledge-catalog';
import type { Owner } from '../knowledge/schema';

/** Layers AWS runs under every Region-hosted service: facilities, hardware, host OS and virtualisation. */
const ALWAYS_AWS = new Set(['facilities', 'hardware', 'host']);
/** Layers that are the customer's on every service: their data, their configuration, their own code. */
const ALWAYS_CUSTOMER = new Set(['data', 'configuration', 'application']);

/**
 * The owner of a (service, domain) cell no entry covers, from the domain's layer and the layers the service
 * declares AWS operates. Null when the layer does not settle it (organisation-level domains, or a service that
 * declares no layers): the general rule then answers without a service-specific owner.
 */
export function deriveOwner(catalog: KnowledgeCatalog, serviceId: string, domainId: string): Owner | null {
  const service = catalog.service(serviceId);
  const domain = catalog.domain(domainId);
  if (!service || !domain) return null;
  // Outposts, Local Zones and the like sit outside AWS's own buildings: their entries say so; never derive there.
  if (ALWAYS_AWS.has(domain.layer)) return service.awsOperates?.includes('facilities') === false ? null : 'aws';
  if (ALWAYS_CUSTOMER.has(domain.layer)) return 'customer';
  if (!service.awsOperates || (domain.layer !== 'guest-os' && domain.layer !== 'runtime')) return null;
  return service.awsOperates.includes(domain.layer) ? 'aws' : 'customer';
}
