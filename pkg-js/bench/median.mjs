// The benchmarks' timer: the median of repeated runs after a warm-up, in milliseconds (machines
// here are noisy: compare ratios measured side by side, not absolute times).
export function median(fn, { minMs = 400, warmups = 20 } = {}) {
  for (let i = 0; i < warmups; i++) fn();
  const samples = [];
  const end = performance.now() + minMs;
  while (performance.now() < end) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}
