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
/** Fact ids from shared/research/srm-facts.md (G01, E04, FG2 …), kept for traceability. */
const factIdsSchema = z.array(z.string().regex(/^[A-Z]{1,2}\d{1,2}$/, 'expected a fact id such as "E04"'));

export const variantSchema = z
  .object({
    when: textSchema,
    owner: ownerSchema,
    why: textSchema,
    aws: phraseListSchema.default([]),
    customer: phraseListSchema.default([]),
    keywords: phraseListSchema.default([]),
    examples: phraseListSchema.default([]),
    facts: factIdsSchema.default([]),
    sources: sourceListSchema,
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
    layer: z.enum(['infrastructure', 'platform', 'customer-data', 'organisation']),
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
    reviewed: dateSchema,
  })
  .strict();
export type Concept = z.infer<typeof conceptSchema>;

/** Canonical word → words that mean the same in a question ("sse" → "encryption"). */
export const synonymsFileSchema = z
  .object({ synonyms: z.record(z.string().min(1), z.array(z.string().min(1)).min(1)) })
  .strict();
