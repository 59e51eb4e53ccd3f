import { FAKE_BOT_USER_ID, waitFor } from '../fakes/fake-slack-api';
import { appMentionEvent, eventEnvelope, JSON_TYPE } from '../fakes/slack-payloads';
import { allText, headerText, startSlackTestApp, type SlackTestApp } from '../fakes/slack-test-app';
import { cardTexts, startTeamsHarness, teamsActivity, type TeamsHarness } from './teams-harness';

/** A follow-up in the same thread is read in the context of the question before it, through real Bolt and botbuilder. */
describe('follow-ups in a Slack thread', () => {
  let t: SlackTestApp;
  beforeAll(async () => {
    t = await startSlackTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const posts = () => t.fake.callsTo('chat.postMessage');

  it('answers "and on Lambda?" in the thread as Lambda guest OS patching, saying what it assumed', async () => {
    await t.post(eventEnvelope(appMentionEvent(`<@${FAKE_BOT_USER_ID}> who patches the guest OS on EC2?`, { ts: '1700000100.000100' })), JSON_TYPE);
    await waitFor(() => posts().length === 1, 'the first answer');
    expect(headerText(posts()[0]?.body)).toMatch(/Guest OS patching on Amazon EC2 · Owner: Customer/);

    const followUp = appMentionEvent(`<@${FAKE_BOT_USER_ID}> and on Lambda?`, { ts: '1700000100.000200', thread_ts: '1700000100.000100' });
    await t.post(eventEnvelope(followUp), JSON_TYPE);
    await waitFor(() => posts().length === 2, 'the follow-up answer');
    expect(headerText(posts()[1]?.body)).toMatch(/Guest OS patching on AWS Lambda · Owner: AWS/);
    expect(allText(posts()[1]?.body)).toMatch(/I assumed you mean guest os patching/);
    // Shared later, the follow-up must stay the Lambda answer: its button names the topic, not the bare question.
    expect(allText(posts()[1]?.body)).toContain('"value":"topic:lambda/guest-os-patching"');
  });

  it('does not carry context into another thread', async () => {
    const before = posts().length;
    await t.post(eventEnvelope(appMentionEvent(`<@${FAKE_BOT_USER_ID}> and on Lambda?`, { ts: '1700000200.000100' })), JSON_TYPE);
    await waitFor(() => posts().length === before + 1, 'the answer');
    expect(allText(posts()[before]?.body)).not.toMatch(/I assumed/);
  });
});

describe('follow-ups in a Teams conversation', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness(null);
  });
  afterAll(async () => {
    await h.stop();
  });

  it('answers "and on Lambda?" after "who patches the guest OS on EC2?" as Lambda guest OS patching', async () => {
    const conversation = { id: 'a:personal-followup', conversationType: 'personal' };
    expect((await h.post(teamsActivity(h.connector.serviceUrl, { text: 'who patches the guest OS on EC2?', conversation }))).status).toBe(200);
    expect((await h.post(teamsActivity(h.connector.serviceUrl, { text: 'and on Lambda?', conversation }))).status).toBe(200);
    const cards = h.connector.cards();
    expect(cards).toHaveLength(2);
    const second = cardTexts(cards[1]?.body).join('\n');
    expect(second).toMatch(/Guest OS patching on AWS Lambda/);
    expect(second).toMatch(/AWS/);
    expect(second).toMatch(/I assumed you mean guest os patching/);
  });
});
