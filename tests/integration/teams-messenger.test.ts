import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { TeamsMessenger } from '../../src/adapters/teams/teams-messenger';
import { finishReply } from '../../src/core/render/reply-parts';
import { FakeBotConnector } from '../fakes/fake-bot-connector';

const reply = finishReply({ kind: 'notice', title: 'hello', owner: null, sections: [], buttons: [], links: [] });
const ref = (serviceUrl: string) => ({
  platform: 'teams' as const,
  conversationKey: 'a:proactive',
  tenantId: null,
  updatedAt: new Date(),
  reference: { serviceUrl, channelId: 'msteams', conversation: { id: 'a:proactive' }, bot: { id: '28:bot' }, user: { id: '29:user' } },
});

/** Proactive Teams sends through the real CloudAdapter against the fake Bot Connector. */
describe('TeamsMessenger', () => {
  let connector: FakeBotConnector;
  beforeAll(async () => {
    connector = await new FakeBotConnector().start();
  });
  afterAll(async () => {
    await connector.stop();
  });

  it('posts to the stored conversation and returns the message id', async () => {
    const messenger = new TeamsMessenger(new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})), '');
    const posted = await messenger.send(ref(connector.serviceUrl), reply);
    expect(connector.posts.at(-1)?.conversationId).toBe('a:proactive');
    expect(posted.platform).toBe('teams');
  });

  it('rejects a failed send instead of hanging, and never reaches the user-facing turn-error handler', async () => {
    const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
    const turnErrors: unknown[] = [];
    adapter.onTurnError = async (_context, error) => {
      turnErrors.push(error);
    };
    const messenger = new TeamsMessenger(adapter, '');
    await expect(messenger.send(ref('http://127.0.0.1:9/'), reply)).rejects.toThrow();
    expect(turnErrors).toEqual([]);
  }, 20_000);
});
