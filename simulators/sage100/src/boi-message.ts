import messages from './boi-messages.json' with { type: 'json' };

export type BoiMessageKey = Exclude<keyof typeof messages, '_comment'>;

/** A fixture text with its `{placeholders}` filled; an unknown placeholder stays visible. */
export const boiMessage = (key: BoiMessageKey, values: Record<string, string | number> = {}): string =>
  messages[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
