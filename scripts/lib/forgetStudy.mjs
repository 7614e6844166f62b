// Pure helpers of the "what pruning forgets" study (scripts/experiment-forget.mjs): overlap of two sets
// of examples, the chance that independent draws agree k times (the null against which examples
// "forgotten by most seeds" are counted), and how well a score ranks a subset first (AUC).

/**
 * Jaccard similarity |a ∩ b| / |a ∪ b| of two sets of row numbers; 1 when both are empty.
 * @param {Iterable<number>} a
 * @param {Iterable<number>} b
 */
export function jaccard(a, b) {
  const A = new Set(a);
  const B = new Set(b);
  let both = 0;
  for (const x of A) if (B.has(x)) both++;
  const union = A.size + B.size - both;
  return union === 0 ? 1 : both / union;
}

/**
 * P(X ≥ k) for X the number of successes of independent trials with success probabilities `p`
 * (the Poisson-binomial distribution), by dynamic programming over the trials.
 * @param {readonly number[]} p
 * @param {number} k
 */
export function atLeast(p, k) {
  let dist = [1]; // dist[j] = P(j successes so far)
  for (const q of p) {
    const next = new Array(dist.length + 1).fill(0);
    dist.forEach((v, j) => {
      next[j] += v * (1 - q);
      next[j + 1] += v * q;
    });
    dist = next;
  }
  return dist.slice(k).reduce((a, b) => a + b, 0);
}

/**
 * The probability that a random member of `first` scores lower than a random member of `rest` (ties count
 * half): the area under the ROC curve of "low score ⇒ in `first`". 0.5: the score says nothing; 1: every
 * member of `first` scores below every other. Null when either side is empty.
 * @param {readonly number[]} first
 * @param {readonly number[]} rest
 */
export function aucLower(first, rest) {
  if (!first.length || !rest.length) return null;
  const all = [...first.map((v) => [v, 1]), ...rest.map((v) => [v, 0])].sort((x, y) => x[0] - y[0]);
  // Mann–Whitney: mid-ranks of tied values, then the rank sum of `first`.
  let rankSum = 0;
  for (let i = 0; i < all.length;) {
    let j = i;
    while (j < all.length && all[j][0] === all[i][0]) j++;
    const mid = (i + 1 + j) / 2; // ranks i+1 … j
    for (let t = i; t < j; t++) if (all[t][1]) rankSum += mid;
    i = j;
  }
  const n1 = first.length;
  const u = rankSum - (n1 * (n1 + 1)) / 2; // pairs in which `first` ranks above (scores higher)
  return 1 - u / (n1 * rest.length);
}

/**
 * "3: 12, 5: 9, …": how many of `rows` are of each class, most first (ties: smaller class first).
 * @param {readonly number[]} rows
 * @param {ArrayLike<number>} labels
 */
export function countClasses(rows, labels) {
  const count = new Map();
  for (const r of rows) count.set(labels[r], (count.get(labels[r]) ?? 0) + 1);
  return [...count]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .map(([c, k]) => `${c}: ${k}`)
    .join(', ');
}

/**
 * The 28×28 digits of `rows` (features in [0, 1], row-major `[n, 784]` in `x`) as one grayscale image:
 * `cols` a row, each enlarged `scale`× (nearest neighbour), dark ink on white, `gap` white pixels around.
 * @param {readonly number[]} rows
 * @param {ArrayLike<number>} x
 */
export function digitGrid(rows, x, { cols = 10, scale = 2, gap = 4 } = {}) {
  const cell = 28 * scale;
  const width = cols * (cell + gap) + gap;
  const height = Math.max(1, Math.ceil(rows.length / cols)) * (cell + gap) + gap;
  const pixels = new Uint8Array(width * height).fill(255);
  rows.forEach((r, k) => {
    const [ox, oy] = [gap + (k % cols) * (cell + gap), gap + Math.floor(k / cols) * (cell + gap)];
    for (let y = 0; y < cell; y++)
      for (let c = 0; c < cell; c++) {
        const v = x[r * 784 + Math.floor(y / scale) * 28 + Math.floor(c / scale)];
        pixels[(oy + y) * width + ox + c] = 255 - Math.round(Math.min(1, Math.max(0, v)) * 255);
      }
  });
  return { pixels, width, height };
}
