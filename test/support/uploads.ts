import type { Stack } from '../../stack/launch';

/** Uploads a file as a browser would (POST /uploads with the user's token) and answers the attachment id. */
export async function uploadFile(stack: Pick<Stack, 'gatewayUrl'>, token: string, content: Buffer | string): Promise<string> {
  const res = await fetch(new URL('/uploads', stack.gatewayUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${token}` },
    body: typeof content === 'string' ? content : new Uint8Array(content),
  });
  const body = (await res.json()) as { id?: string };
  if (res.status !== 201 || !body.id) throw new Error(`upload refused: HTTP ${res.status} ${JSON.stringify(body)}`);
  return body.id;
}
