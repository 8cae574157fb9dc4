/** A person of the directory as de-identification needs them: whatever could name them in a text. */
export interface NameableFact {
  id: string;
  name: string;
  email: string | null;
}

// Particles of names that are also ordinary words; the other parts of the name still go.
const PARTICLES = new Set(['de', 'du', 'des', 'la', 'le', 'van', 'von', 'der', 'den', 'da', 'di', 'del', 'el', 'al']);
const EMAIL = /[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[A-Za-z]{2,}/g;

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

export interface Deidentifier {
  /** The text with every directory name, email and employee id replaced by a role or "[colleague]". */
  clean(text: string, roles?: ReadonlyMap<string, string>): string;
}

/** Longest run of words looked up as one name ("Anne Marie de la Tour" → 5 words). */
const MAX_WORDS = 5;

/**
 * Removes people from free text: full names first, then each part of a name on its own (first
 * names, surnames), whole words only, accents and case ignored; email addresses; employee ids.
 * People of the case are replaced by their role ("[mentee]"), anyone else by "[colleague]". It
 * errs on the side of removing: a surname that is also a common word goes too. Word by word
 * against a map, so a directory of thousands costs the same as one of ten.
 */
export function deidentifier(directory: NameableFact[]): Deidentifier {
  const names = new Map<string, string>(); // folded name or name part, words joined by one space → id
  const ids = new Map<string, string>(); // employee id, lower case → id
  for (const p of directory) {
    const full = fold(p.name)
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
    if (full.length && !names.has(full.join(' '))) names.set(full.join(' '), p.id);
    for (const part of full) if (part.length >= 2 && !PARTICLES.has(part) && !names.has(part)) names.set(part, p.id);
    ids.set(p.id.toLowerCase(), p.id);
  }
  const emails = new Map(directory.filter((p) => p.email).map((p) => [p.email!.toLowerCase(), p.id]));
  return {
    clean(text, roles = new Map()) {
      const label = (id: string | undefined) => `[${(id && roles.get(id)) ?? 'colleague'}]`;
      const withoutEmails = text.replace(EMAIL, (email) => label(emails.get(email.toLowerCase())));
      // Alternating separators and words: pieces[1], pieces[3]… are words.
      const pieces = withoutEmails.split(/([\p{L}\p{N}]+)/u);
      const out: string[] = [];
      let i = 0;
      while (i < pieces.length) {
        if (i % 2 === 0) {
          out.push(pieces[i++]);
          continue;
        }
        let matched = 0;
        let person: string | undefined;
        let words = [fold(pieces[i])];
        let raw = pieces[i];
        for (let n = 1; n <= MAX_WORDS && i + 2 * (n - 1) < pieces.length; n++) {
          if (n > 1) {
            const gap = pieces[i + 2 * n - 3];
            const word = pieces[i + 2 * n - 2];
            if (word === undefined) break;
            raw += gap + word;
            words = [...words, fold(word)];
            // Names run over spaces and hyphens; ids also over dots, underscores and @.
            const nameGap = /^[\s-]+$/.test(gap);
            if (!nameGap && !/^[._@-]$/.test(gap)) break;
            if (nameGap && names.has(words.join(' '))) [matched, person] = [n, names.get(words.join(' '))];
          } else if (names.has(words[0])) [matched, person] = [1, names.get(words[0])];
          if (ids.has(raw.toLowerCase())) [matched, person] = [n, ids.get(raw.toLowerCase())];
        }
        if (matched === 0) {
          out.push(pieces[i++]);
          continue;
        }
        out.push(label(person));
        i += 2 * matched - 1;
      }
      return out.join('');
    },
  };
}
