import type { Owner } from '../knowledge/schema';

/**
 * What kind of question this is, beyond its words: not about ownership at all (another cloud, on-premises, code,
 * prices, limits), a yes/no question that asserts an owner (a premise to confirm or correct), a follow-up that leans
 * on the previous question. Deterministic regular expressions over normalised text, so `srm debug` can show why.
 */

export type DeclineReason = 'other-cloud' | 'on-premises' | 'code' | 'how-to' | 'price' | 'limit' | 'syntax';

const OTHER_CLOUD = /\b(azure|microsoft cloud|gcp|google cloud|oracle cloud|oci|alibaba cloud|ibm cloud|digitalocean|digital ocean|cloudflare workers)\b/;
const ON_PREMISES =
  /\b(on prem|on-prem|on premises|on-premises|onprem|our own (colo|colocation|data ?cent(er|re)s?|datacent(er|re)s?|server room|racks?|hardware)|colo|colocation|vmware|esxi|vsphere|vcenter|hyper-v|proxmox|nutanix)\b/;
const CODE =
  /\b(terraform|tf module|hcl|cloudformation (template|snippet|yaml|json)|cdk (code|construct|snippet|app)|pulumi|ansible|boto3|snippet|sample code|example code|code sample|write (me )?(a|an|the|some) (script|template|policy|lambda|function|module)|give me (a|an|the) (template|snippet|script|policy document)|bash script|python script|yaml for|json for)\b/;
const HOW_TO = /^(how (do|can|should|would) (i|we|you)|how to|what( is|s) the (command|syntax|api call|cli)|steps to|walk me through)\b/;
const PRICE = /\b(price|prices|pricing|cheaper|cheapest|more expensive|cost effective|cost-effective|cost|costs|charge|charges|charged|billed|bill for|per hour|per month|hourly rate|how much (is|does|do|will)|free tier|discount|savings plan|reserved instance pricing)\b/;
const LIMIT =
  /\b((longest|shortest|highest|lowest|most|fewest) (timeout|duration|runtime|retention|size|memory|throughput|payload|message size|number of)|biggest|largest|smallest|max(imum)? (size|number|length|timeout|duration|memory|throughput)|min(imum)? (size|number)|how (big|large|long|many)|size limit|quota|quotas|service limit|limits? (on|for|of)|up to how)\b/;
const SYNTAX = /\b(syntax|command line|cli command|cli flags?|which flag|what flag|api parameter|which parameter|what parameter)\b/;
/** Words that make it an ownership question after all ("is patching the ESXi hosts on VMware Cloud on AWS ours?"). */
const OWNERSHIP = /\b(who|whose|ours|theirs|responsib\w*|our job|my job|on us|our side|on me|do (we|i) (have|need) to|is (it|that|this) (on )?(us|aws|amazon|our|ours|my)|aws('s)? (job|problem|responsibility)|ours or|or ours|their job|shared control|inherited control)\b/;

/**
 * Why the bot should not name an owner, or null when it is (or may be) an ownership question. Another cloud or an
 * on-premises system is never the AWS model's business; code, prices and limits are not ownership questions unless
 * they also ask who owns something.
 */
export function declineReason(normalized: string, namesAwsService: boolean): DeclineReason | null {
  // Another cloud named without AWS itself ("On Azure Kubernetes Service…" names Kubernetes, not EKS).
  if (OTHER_CLOUD.test(normalized) && (!namesAwsService || !/\b(aws|amazon)\b/.test(normalized))) return 'other-cloud';
  if (ON_PREMISES.test(normalized) && !namesAwsService) return 'on-premises';
  if (CODE.test(normalized)) return 'code';
  const asksOwner = OWNERSHIP.test(normalized);
  if (asksOwner) return null;
  if (PRICE.test(normalized)) return 'price';
  if (LIMIT.test(normalized)) return 'limit';
  if (SYNTAX.test(normalized)) return 'syntax';
  if (HOW_TO.test(normalized)) return 'how-to';
  return null;
}

/** A yes/no question that states something and asks for agreement: "…, right?", "…, correct?", "isn't it?". */
const TAG_QUESTION = /\b(innit|is not it|are not they|do not they|does not it|is not that so)\s*$/;
/** "I don't think we need to…": the speaker doubts the claim that follows, so it asserts nothing either way. */
const DOUBT = /\b(i|we) (do not|don t|dont) (think|believe|reckon)\b|\bnot sure (if|whether|that)\b/;
const LEADING_CLAIM = /^(so|since|because|as|given that|i (heard|read|think|assume)|we (assume|figured|were told)|my understanding is)\b/;
/** What the premise says AWS does for us. */
const CLAIMS_AWS = /\b(we|i) can (just|skip|ignore|forget)\b|\bno need (for us )?to\b|\b(aws|amazon) (tests|checks|vets|handles|does|takes care of|covers|manages|patches|backs up|rotates|encrypts|keeps|scales|renews|upgrades|watches|protects|isolates|replicates|already|automatically|will)|\b(automatically|by default|out of the box|for free|built in|fully managed)\b|\baws('s)? (problem|job|responsibility)|\b(we|i) (do not|don t|dont|never) (have|need) to\b|\bnothing (for us|to do)\b/;
/** What the premise says we do. */
const CLAIMS_CUSTOMER = /\b(we|i) (have|need|must|should) to\b|\b(our|my) (job|problem|responsibility)\b|\bon us\b/;

export interface Premise {
  /** The owner the question takes for granted, when it states one. */
  asserted: Owner | null;
}

/** A premise to confirm or correct, or null when the question is not a statement seeking agreement. */
export function readPremise(rawQuestion: string, normalized: string): Premise | null {
  const tagged = /[,;]\s*(right|correct|yes|yeah|yep|no|true|agreed)\s*\?*\s*$/i.test(rawQuestion.trim()) || TAG_QUESTION.test(normalized);
  if (!tagged && !LEADING_CLAIM.test(normalized)) return null;
  if (DOUBT.test(normalized)) return { asserted: null };
  const aws = CLAIMS_AWS.test(normalized);
  const customer = CLAIMS_CUSTOMER.test(normalized);
  if (aws === customer) return tagged ? { asserted: null } : null;
  return { asserted: aws ? 'aws' : 'customer' };
}

/** Openings that mark a message as leaning on the previous one: "and on fargate?", "what about imported ones?". */
const FOLLOW_UP_OPENING = /^(and|also|plus|but|so|ok|okay|cool|thanks|nice|what about|how about|same (for|on|with)|and for|and on|and with|what if|if we|does that|is that|is it|then|in that case)\b/;

/** True when a message reads as a follow-up: a follow-up opening, or short with no verb of its own. */
export function looksLikeFollowUp(normalized: string, wordCount: number): boolean {
  return FOLLOW_UP_OPENING.test(normalized) || wordCount <= 5;
}

/** Negation of the asking clause: "who does NOT have to patch…", "which is not our job". */
export function isNegated(normalized: string): boolean {
  return /\bwho (does|do|is|are|would) not\b|\bwhich (is|are) not\b|\bwhat (is|are) not (our|my|aws)\b|\bnot (our|my) (job|responsibility)\b/.test(normalized);
}
