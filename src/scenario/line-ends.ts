/**
 * Text from old editors ends its lines with a carriage return alone. YAML counts that as
 * a line break, but a line-by-line reader sees one long line, so such a file read as a
 * single comment. Files are given plain line feeds as they are read, one character for
 * one, so every offset, line and column stays where the author sees it.
 */

/** The text with every lone carriage return (one not followed by a line feed) made a line feed. */
export function normaliseLineEnds(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}
