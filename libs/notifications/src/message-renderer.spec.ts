import { MESSAGE_KINDS, MessageContext, MessageKind } from './message-kinds';
import { MessageRenderer } from './message-renderer';

const context: MessageContext = {
  reference: 'BR-2027-0042',
  deadline: '30 March 2027, 11:00 BST',
  hoursLeft: 12,
  link: 'https://breach-desk.example/incidents/5b0c0b5e-0000-4000-8000-000000000001',
  actionDue: '14 April 2027, 17:00 BST',
};

describe('MessageRenderer', () => {
  const renderer = new MessageRenderer();

  it.each(Object.keys(MESSAGE_KINDS) as MessageKind[])(
    'renders %s with the reference, deadline and link in both parts',
    (kind) => {
      const message = renderer.render(kind, context);
      expect(message.subject).toMatch(/^\[Breach Desk\] BR-2027-0042: /);
      for (const part of [message.html, message.text]) {
        expect(part).toContain('BR-2027-0042');
        expect(part).toContain('30 March 2027, 11:00 BST');
        expect(part).toContain(context.link);
      }
      expect(message.text).not.toMatch(/&#\d+;|&amp;/);
    },
  );

  it('tells the owner how many hours are left in a reminder', () => {
    expect(renderer.render('deadline-reminder', context).text).toContain('12 hours left to tell the ICO');
  });

  it('fails loudly rather than send a message with a hole in it', () => {
    const { link: _link, ...withoutLink } = context;
    expect(() => renderer.render('new-report', withoutLink as MessageContext)).toThrow(/link/);
  });
});
