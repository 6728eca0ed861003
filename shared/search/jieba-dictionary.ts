/**
 * jieba's base dictionary, trimmed. The full one (349,045 words, 5 MB) takes ≈ 140 ms to build into a
 * segmenter, which the first match after every Lambda cold start paid. Two-character words seen fewer
 * than MIN_WORD_FREQUENCY times in jieba's corpus are left out; longer words all stay, since they are
 * the compounds that make a technical text cut right (measured: dropping rare 3-character words too
 * cost matching precision, dropping rare 2-character ones cost nothing). The build takes ≈ 80 ms.
 * `npm run bench:match` is the check that nothing was lost.
 *
 * A Lambda asset carries the trimmed file beside its bundle (written when the stack bundles, see
 * infra/bundling.ts); anywhere else it is trimmed from the installed package on first use.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIN_WORD_FREQUENCY = 10;
export const TRIMMED_DICTIONARY_FILE = 'jieba-dict.txt';

/** Keeps the "word frequency [tag]" lines of words of three or more characters, or seen at least `min` times. */
export function trimDictionary(full: Buffer | string, min = MIN_WORD_FREQUENCY): Buffer {
  const kept: string[] = [];
  for (const line of full.toString().split('\n')) {
    const [word = '', frequency] = line.split(' ');
    if (Number(frequency) >= min || [...word].length >= 3) kept.push(line);
  }
  return Buffer.from(kept.join('\n'));
}

/** The installed package's full dictionary (not its 6 MB IDF table, which nothing here uses). */
export function fullDictionary(): Buffer {
  const packageDir = dirname(createRequire(import.meta.url).resolve('@node-rs/jieba/package.json'));
  return readFileSync(join(packageDir, 'dict.txt'));
}

/** Writes the trimmed dictionary into a bundle's output directory. */
export function writeTrimmedDictionary(outputDir: string): void {
  writeFileSync(join(outputDir, TRIMMED_DICTIONARY_FILE), trimDictionary(fullDictionary()));
}

/** The trimmed dictionary: the file beside the running bundle when there is one, else trimmed now. */
export function baseDictionary(): Buffer {
  const beside = join(dirname(fileURLToPath(import.meta.url)), TRIMMED_DICTIONARY_FILE);
  return existsSync(beside) ? readFileSync(beside) : trimDictionary(fullDictionary());
}
