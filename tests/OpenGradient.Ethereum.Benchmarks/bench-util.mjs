// Shared timing loop for the viem benchmark scripts: warm up, then count calls over ~1 s, best of 3 rounds.
export function measure(name, fn, { rounds = 3, roundMs = 1000 } = {}) {
  const warmEnd = performance.now() + 300;
  while (performance.now() < warmEnd) fn();
  let best = 0;
  for (let r = 0; r < rounds; r++) {
    let count = 0;
    const start = performance.now();
    let now = start;
    while (now - start < roundMs) {
      for (let i = 0; i < 64; i++) fn();
      count += 64;
      now = performance.now();
    }
    best = Math.max(best, (count * 1000) / (now - start));
  }
  console.log(JSON.stringify({ name, opsPerSec: best }));
}
