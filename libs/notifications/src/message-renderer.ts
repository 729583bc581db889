import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { assetPath } from '#libs/shared';
import { MESSAGE_KINDS, MessageContext, MessageKind } from './message-kinds';

export interface RenderedMessage {
  subject: string;
  html: string;
  text: string;
}

type Template = (context: MessageContext) => string;

/**
 * Renders each message kind from its pair of templates in `libs/notifications/templates`.
 * Compiled once, in strict mode: a template that names a missing field throws instead of
 * sending a message with a hole in it. Templates are ours; nothing a user wrote is compiled.
 */
export class MessageRenderer {
  private readonly templates = new Map<string, Template>();

  constructor(directory = assetPath('notifications', 'templates')) {
    const html = Handlebars.create();
    const text = Handlebars.create();
    html.registerPartial('layout', readFileSync(join(directory, 'layout.html.hbs'), 'utf8'));
    for (const kind of Object.keys(MESSAGE_KINDS)) {
      const source = (ext: string) => readFileSync(join(directory, `${kind}.${ext}.hbs`), 'utf8');
      this.templates.set(`${kind}.html`, html.compile(source('html'), { strict: true }));
      // Plain text is not HTML: no entity escaping.
      this.templates.set(`${kind}.text`, text.compile(source('text'), { strict: true, noEscape: true }));
    }
  }

  render(kind: MessageKind, context: MessageContext): RenderedMessage {
    return {
      subject: `[Breach Desk] ${context.reference}: ${MESSAGE_KINDS[kind].subject}`,
      html: this.templates.get(`${kind}.html`)!(context),
      text: this.templates.get(`${kind}.text`)!(context),
    };
  }
}
