// Markdown as one line of plain text, for previews that show a message's start (the chat list).

/** "## Use `sorted()` [1]\n\n- **fast**" becomes "Use sorted() fast". */
export function plainText(markdown) {
  return String(markdown ?? '')
    .replace(/```[^\n]*\n?/g, ' ') // code fences (their code stays)
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1') // images: their alt text
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1') // links: their text
    .replace(/\[\d+\]/g, '') // citations
    .replace(/^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/gm, '') // headings, quotes, list markers
    .replace(/^\s*\|?(\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$/gm, ' ') // table rules
    .replace(/\|/g, ' ')
    .replace(/(\*\*|__)(?=\S)([^]*?\S)\1/g, '$2') // bold
    .replace(/(^|[^\w*])([*_])(?=\S)([^*_\n]*?\S)\2(?!\w)/g, '$1$3') // italics
    .replace(/~~(.+?)~~/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
