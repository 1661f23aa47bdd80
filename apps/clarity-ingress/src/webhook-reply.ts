/** What the webhook endpoint answers: a status and a JSON body that says what happened and why. */
export type WebhookReply = { readonly status: number; readonly body: Readonly<Record<string, unknown>> };

export const reply = (status: number, body: Record<string, unknown>): WebhookReply => ({ status, body });
