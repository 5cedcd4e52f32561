// correlation matrices: checks, rank -> normal correlation, Cholesky factor with a PSD test

/** Spearman rank correlation r -> the Gaussian-copula correlation that produces it: 2 sin(pi r / 6) */
export function rankToNormalCorrelation(r: number): number {
  return 2 * Math.sin((Math.PI * r) / 6);
}

/**
 * Lower-triangular L with L L^T = A, tolerating positive semi-definite (singular) matrices: a pivot within
 * `tol` of 0 gives a zero column. Returns the failing row when A is not PSD.
 */
export function cholesky(
  a: number[][],
  tol = 1e-10,
): { ok: true; L: number[][] } | { ok: false; row: number } {
  const n = a.length;
  const L = a.map(() => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    let s = a[j]![j]!;
    for (let k = 0; k < j; k++) s -= L[j]![k]! ** 2;
    if (s < -tol) return { ok: false, row: j };
    const d = s <= tol ? 0 : Math.sqrt(s);
    L[j]![j] = d;
    for (let i = j + 1; i < n; i++) {
      let t = a[i]![j]!;
      for (let k = 0; k < j; k++) t -= L[i]![k]! * L[j]![k]!;
      if (d === 0) {
        if (Math.abs(t) > 1e-8) return { ok: false, row: i };
        L[i]![j] = 0;
      } else L[i]![j] = t / d;
    }
  }
  return { ok: true, L };
}

/** smallest eigenvalue of a symmetric matrix (cyclic Jacobi), for the not-PSD message */
export function smallestEigenvalue(a: number[][]): number {
  const n = a.length;
  const m = a.map((r) => r.slice());
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += m[p]![q]! ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = m[p]![q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (m[q]![q]! - m[p]![p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const mkp = m[k]![p]!;
          const mkq = m[k]![q]!;
          m[k]![p] = c * mkp - s * mkq;
          m[k]![q] = s * mkp + c * mkq;
        }
        for (let k = 0; k < n; k++) {
          const mpk = m[p]![k]!;
          const mqk = m[q]![k]!;
          m[p]![k] = c * mpk - s * mqk;
          m[q]![k] = s * mpk + c * mqk;
        }
      }
    }
  }
  return Math.min(...m.map((r, i) => r[i]!));
}
