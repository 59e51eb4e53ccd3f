import { z } from 'zod';

/**
 * Schemas for every data file under knowledge/. All objects are `.strict()` so a typo in a key
 * ("ownr:") fails loudly instead of silently dropping data.
 */

export const OWNERS = ['aws', 'customer', 'shared'] as const;
export const ownerSchema = z.enum(OWNERS);
export type Owner = z.infer<typeof ownerSchema>;

export const SERVICE_MODELS = ['infrastructure', 'container', 'abstracted'] as const;
export const serviceModelSchema = z.enum(SERVICE_MODELS);
export type ServiceModel = z.infer<typeof serviceModelSchema>;

const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case id such as "encryption-at-rest"');
const textSchema = z.string().trim().min(1, 'expected non-empty text');
const phraseListSchema = z.array(textSchema);
const sourceListSchema = z
  .array(z.url({ protocol: /^https$/, error: 'expected an https:// URL' }))
  .min(1, 'expected at least one source URL');
const dateSchema = z.iso.date({ error: 'expected a date as YYYY-MM-DD' });
/**
 * The stack layers a service can have, bottom to top. A service declares which of them AWS operates
 * (`awsOperates`); each domain belongs to one layer, so a cell no entry covers can be derived (and is shown as derived).
 * `organisation` domains (compliance, training, incident response …) are never derived: they depend on both sides.
 */
export const LAYERS = ['facilities', 'hardware', 'host', 'guest-os', 'runtime', 'application', 'data', 'configuration', 'organisation'] as const;
export const layerSchema = z.enum(LAYERS);
export type Layer = z.infer<typeof layerSchema>;
/** Layers a service can hand to AWS; data, configuration and organisation always stay with the customer or both. */
export const OPERABLE_LAYERS = ['facilities', 'hardware', 'host', 'guest-os', 'runtime', 'application'] as const;
/** Fact ids from shared/research/srm-facts.md (G01, E04, FG2 …), kept for traceability. */
const factIdsSchema = z.array(z.string().regex(/^[A-Z]{1,2}\d{1,2}$/, 'expected a fact id such as "E04"'));

export const variantSchema = z
  .object({
    when: textSchema,
    /** flavour: a kind of the service flips the owner (RDS Custom); task: a finer task inside the domain (major upgrades). */
    kind: z.enum(['flavour', 'task']).default('flavour'),
    owner: ownerSchema,
    why: textSchema,
    aws: phraseListSchema.default([]),
    customer: phraseListSchema.default([]),
    keywords: phraseListSchema.default([]),
    examples: phraseListSchema.default([]),
    facts: factIdsSchema.default([]),
    sources: sourceListSchema,
    /** Date of the copy of the source that was read (an awsdocs commit date or the day a page was read); defaults to the entry's. */
    sourceDate: dateSchema.optional(),
  })
  .strict();
export type Variant = z.infer<typeof variantSchema>;

export const responsibilitySchema = z
  .object({
    domain: idSchema,
    owner: ownerSchema,
    why: textSchema,
    aws: phraseListSchema.min(1, 'say what AWS does (at least one line)'),
    customer: phraseListSchema.min(1, 'say what the customer does (at least one line)'),
    keywords: phraseListSchema.default([]),
    examples: phraseListSchema.min(1, 'give at least one example phrasing of your own'),
    facts: factIdsSchema.default([]),
    derived: z.boolean().default(false),
    sources: sourceListSchema,
    /** Date of the copy of the source that was read; `reviewed` is when the entry was last checked against it. */
    sourceDate: dateSchema,
    reviewed: dateSchema,
    variants: z.array(variantSchema).default([]),
  })
  .strict();
export type Responsibility = z.infer<typeof responsibilitySchema>;

export const serviceFileSchema = z
  .object({
    id: idSchema,
    name: textSchema,
    model: serviceModelSchema,
    /** The layers AWS runs for this service (EC2: facilities, hardware, host; Lambda: up to runtime). */
    awsOperates: z.array(z.enum(OPERABLE_LAYERS)).optional(),
    aliases: phraseListSchema.min(1, 'list at least one alias (e.g. the short name)'),
    summary: textSchema,
    responsibilities: z.array(responsibilitySchema).min(1, 'list at least one responsibility'),
  })
  .strict();
export type ServiceFile = z.infer<typeof serviceFileSchema>;

/** The service-independent row of the matrix: the general rule for each domain. */
export const generalFileSchema = z
  .object({
    id: z.literal('general'),
    name: textSchema,
    responsibilities: z.array(responsibilitySchema).min(1, 'list at least one responsibility'),
  })
  .strict();
export type GeneralFile = z.infer<typeof generalFileSchema>;

export const domainSchema = z
  .object({
    id: idSchema,
    name: textSchema,
    aliases: phraseListSchema.min(1, 'list at least one alias'),
    /** Layers below the guest OS: AWS owns them on every service, which lets the engine answer unlisted cells. */
    layer: layerSchema,
    /** True when the owner flips between services, so a question without a service must say "it depends". */
    variesByService: z.boolean().default(false),
    /** Services shown in the "how it differs" table; must exist under knowledge/services/. */
    compare: z.array(idSchema).default([]),
    /** Other domains whose by-service rows belong in the same "it depends" table (patching → guest OS). */
    related: z.array(idSchema).default([]),
  })
  .strict();
export type Domain = z.infer<typeof domainSchema>;

export const domainsFileSchema = z
  .object({ domains: z.array(domainSchema).min(1, 'list at least one domain') })
  .strict();

export const conceptSchema = z
  .object({
    id: idSchema,
    title: textSchema,
    aliases: phraseListSchema.default([]),
    keywords: phraseListSchema.default([]),
    summary: textSchema,
    /** Set when the concept itself answers "who owns it" (inherited controls → aws). */
    owner: ownerSchema.optional(),
    points: phraseListSchema.default([]),
    examples: phraseListSchema.min(1, 'give at least one example phrasing of your own'),
    /** Concept or domain ids; checked so a rename cannot leave a dangling link. */
    related: z.array(idSchema).default([]),
    sources: sourceListSchema,
    sourceDate: dateSchema,
    reviewed: dateSchema,
  })
  .strict();
export type Concept = z.infer<typeof conceptSchema>;

/** AWS services the knowledge base does not cover yet: names only, so a question naming one is not answered from a neighbour. */
export const otherServicesFileSchema = z
  .object({
    services: z.array(z.object({ name: textSchema, aliases: phraseListSchema.min(1, 'list at least one alias') }).strict()),
  })
  .strict();
export type OtherService = z.infer<typeof otherServicesFileSchema>['services'][number];
