/**
 * UTF-8 bytes ⇄ text. TextEncoder/TextDecoder exist wherever the core runs (browsers, workers,
 * Node ≥ 11) but are not in the plain ES lib of the core's tsconfig (no DOM), so the two members
 * used are declared here, in this module only.
 */
declare const TextEncoder: new () => { encode(text: string): Uint8Array };
declare const TextDecoder: new (label?: string, options?: { fatal?: boolean }) => { decode(bytes: Uint8Array): string };

export const utf8Encode = (text: string): Uint8Array => new TextEncoder().encode(text);
export const utf8Decode = (bytes: Uint8Array): string => new TextDecoder('utf-8').decode(bytes);
