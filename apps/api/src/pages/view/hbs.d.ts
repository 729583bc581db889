// hbs ships no types; this is the part the pages use.
declare module 'hbs' {
  import type Handlebars from 'handlebars';

  interface HbsInstance {
    handlebars: typeof Handlebars;
    __express: (path: string, options: object, callback: (error: Error | null, html?: string) => void) => void;
    registerHelper: typeof Handlebars.registerHelper;
    registerPartial: typeof Handlebars.registerPartial;
  }

  const hbs: HbsInstance & { create(handlebars?: typeof Handlebars): HbsInstance };
  export default hbs;
}
